import { describe, expect, it } from 'vitest'
import { cryptoIds } from './ids.ts'

const now = Date.parse('2024-09-18T10:00:00.000Z') // 18:00 in Beijing

describe('ids', () => {
  it('are shaped like the real ones', () => {
    expect(cryptoIds.orderId()).toMatch(/^[1-9]\d{18}$/)
    expect(cryptoIds.paymentId(now)).toMatch(/^pay20240918180000[0-9a-f]{16}$/)
    expect(cryptoIds.transactionId('wechat', now)).toMatch(/^4200\d{6}20240918\d{10}$/)
    expect(cryptoIds.transactionId('alipay', now)).toMatch(/^2024091822001\d{15}$/)
    expect(cryptoIds.transactionId('unionpay', now)).toMatch(/^20240918180000\d{7}$/)
    expect(cryptoIds.sheetToken('jump', now)).toMatch(/^wx20240918180000[0-9a-f]{32}$/)
    expect(cryptoIds.sheetToken('unionpay', now)).toMatch(/^20240918180000\d{39}$/)
    // 128 random bits, URL-safe: pay codes and pay-for-me links.
    expect(cryptoIds.sheetToken('code', now)).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(cryptoIds.token()).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('never repeat, and spread their digits evenly', () => {
    const ids = Array.from({ length: 20_000 }, () => cryptoIds.orderId())
    expect(new Set(ids).size).toBe(ids.length)
    const counts = new Array<number>(10).fill(0)
    for (const id of ids)
      for (const d of id.slice(1)) counts[Number(d)] = (counts[Number(d)] ?? 0) + 1
    const expected = (ids.length * 18) / 10
    // Each digit within 3 % of its share (the standard deviation here is about 0.5 %).
    for (const n of counts) expect(Math.abs(n - expected) / expected).toBeLessThan(0.03)
    const tokens = new Set(Array.from({ length: 5000 }, () => cryptoIds.token()))
    expect(tokens.size).toBe(5000)
  })
})
