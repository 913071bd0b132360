import { describe, expect, it } from 'vitest'
import type { Bill } from '@/contract/payment.ts'
import { billsByMonth, isTaobaoBill, payeeName, signedAmount } from './bill-text.ts'

const bill = (over: Partial<Bill>): Bill => ({
  paymentId: 'p1',
  orderId: 'o1',
  method: 'alipay-balance',
  source: 'alipay-balance',
  status: 'SUCCESS',
  amountFen: 5900,
  payee: '示例小店 Example Shop',
  description: '手冲咖啡豆 200g',
  paidAt: '2026-12-01T10:00:00.000Z',
  transactionId: 't1',
  ...over,
})

describe("支付宝's bills", () => {
  it('name the payee in the reader’s language, and tell Taobao’s own from a merchant’s', () => {
    expect(payeeName('淘宝 Taobao', 'zh-CN')).toBe('淘宝')
    expect(payeeName('淘宝 Taobao', 'en')).toBe('Taobao')
    expect(payeeName('小店', 'en')).toBe('小店')
    expect(isTaobaoBill(bill({ payee: '淘宝 Taobao' }))).toBe(true)
    expect(isTaobaoBill(bill({}))).toBe(false)
  })

  it('write amounts signed, without a currency sign', () => {
    expect(signedAmount(bill({ amountFen: 123456 }), 'zh-CN')).toBe('-1,234.56')
    expect(signedAmount(bill({ status: 'REFUND' }), 'en')).toBe('+59.00')
  })

  it('group by month, newest first, adding what went out', () => {
    const months = billsByMonth(
      [
        bill({ paymentId: 'a', paidAt: '2026-12-02T10:00:00.000Z' }),
        bill({ paymentId: 'b', status: 'REFUND', amountFen: 100 }),
        bill({ paymentId: 'c', paidAt: '2026-11-20T10:00:00.000Z', amountFen: 1 }),
      ],
      'zh-CN',
    )
    expect(months.map((m) => [m.month, m.bills.map((b) => b.paymentId), m.spentFen])).toEqual([
      ['2026年12月', ['a', 'b'], 5900],
      ['2026年11月', ['c'], 1],
    ])
  })
})
