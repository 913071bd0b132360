import { describe, expect, it } from 'vitest'
import { FriendRequestSchema } from '../../contract/friend-pay.ts'
import { PaymentSchema } from '../../contract/payment.ts'
import { newTestToken } from '../http/test-guard.ts'
import { harness } from '../http/testing.ts'
import { cryptoIds } from './ids.ts'

// The bearer secrets: a pay-for-me link's token and a scanned code's `pr`. Whoever holds one can see and
// pay the order, so each must be 128 random bits, unrelated to any id or time. WeChat's prepay_id and
// UnionPay's tn open sheets for the shopper who jumped only, and the test token guards the test API from
// beyond loopback: they carry at least 128 random bits too (after the time stamp the real ones start with).
const bearerTokens = {
  'pay-for-me token': () => cryptoIds.token(),
  'scan code pr': () => cryptoIds.sheetToken('code', Date.now()),
  'test API token': () => newTestToken(),
}

const N = 4000

/** Each of the bits of `samples` is set in about half of them (σ ≈ 0.8 % for 4000: 6σ bounds). */
function expectFairBits(samples: Buffer[], bits: number) {
  const ones = new Array<number>(bits).fill(0)
  for (const bytes of samples) {
    for (let bit = 0; bit < bits; bit++) {
      if ((bytes[bit >> 3] ?? 0) & (1 << (bit & 7))) ones[bit] = (ones[bit] ?? 0) + 1
    }
  }
  for (const count of ones) expect(Math.abs(count / samples.length - 0.5)).toBeLessThan(0.05)
}

/** The longest prefix two consecutive values share: chance keeps it short. */
function longestSharedPrefix(values: string[]): number {
  let longest = 0
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1] ?? ''
    const b = values[i] ?? ''
    let same = 0
    while (same < a.length && a[same] === b[same]) same++
    longest = Math.max(longest, same)
  }
  return longest
}

describe('bearer tokens', () => {
  for (const [name, make] of Object.entries(bearerTokens)) {
    it(`${name}: 128 bits, every bit a fair coin, no two alike`, () => {
      const tokens = Array.from({ length: N }, make)
      expect(new Set(tokens).size).toBe(N)
      const samples = tokens.map((token) => {
        const bytes = Buffer.from(token, 'base64url')
        // URL-safe, and exactly 16 bytes behind it.
        expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/)
        expect(bytes).toHaveLength(16)
        expect(bytes.toString('base64url')).toBe(token)
        return bytes
      })
      // None of the 128 bits is fixed or derived from a counter or the clock.
      expectFairBits(samples, 128)
      // Consecutive tokens share no more of a prefix than chance allows.
      const longest = longestSharedPrefix(tokens)
      expect(longest).toBeLessThan(6)
    })
  }

  it('as the API hands them out: nothing of the order, payment or time in them', async () => {
    const h = harness()
    const seen = new Set<string>()
    for (let i = 0; i < 20; i++) {
      const order = await h.order()
      const code = PaymentSchema.parse((await h.pay(order.id, 'wechat-scan')).body)
      const asked = await h.json('POST', '/api/pay/friend-requests', {
        body: { orderId: order.id },
        headers: { 'idempotency-key': h.newKey() },
      })
      const request = FriendRequestSchema.parse(asked.body)
      for (const token of [code.payToken ?? '', request.token]) {
        expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/)
        const decoded = Buffer.from(token, 'base64url').toString('hex')
        // (Runs of 8: shorter ones turn up in random hex by chance.)
        for (const fact of [order.id, code.id.slice(3), String(h.clock.now)]) {
          for (const part of [fact.slice(0, 8), fact.slice(-8)]) {
            expect(token).not.toContain(part)
            expect(decoded).not.toContain(part)
          }
        }
        seen.add(token)
      }
      // The code's URL carries the token and nothing else that identifies the order.
      expect(code.codeUrl?.web).not.toContain(order.id)
    }
    expect(seen.size).toBe(40)
  })
})

describe('sheet tokens: at least 128 random bits after the time stamp', () => {
  const now = Date.parse('2024-09-18T10:00:00.000Z') // 18:00 in Beijing

  it("WeChat's prepay_id: wx, the time, 32 random hex digits (128 bits)", () => {
    const tokens = Array.from({ length: N }, () => cryptoIds.sheetToken('jump', now))
    expect(new Set(tokens).size).toBe(N)
    const random = tokens.map((token) => {
      expect(token).toMatch(/^wx20240918180000[0-9a-f]{32}$/)
      return token.slice(16)
    })
    expectFairBits(
      random.map((hex) => Buffer.from(hex, 'hex')),
      128,
    )
    expect(longestSharedPrefix(random)).toBeLessThan(8)
  })

  it("UnionPay's tn: the time, 39 random digits (129.6 bits), every digit equally likely everywhere", () => {
    const digits = 39
    expect(digits * Math.log2(10)).toBeGreaterThanOrEqual(128)
    const tokens = Array.from({ length: N }, () => cryptoIds.sheetToken('unionpay', now))
    expect(new Set(tokens).size).toBe(N)
    const counts = Array.from({ length: digits }, () => new Array<number>(10).fill(0))
    const random = tokens.map((token) => {
      expect(token).toMatch(/^20240918180000\d{39}$/)
      const part = token.slice(14)
      for (let i = 0; i < digits; i++) {
        const row = counts[i] ?? []
        const d = Number(part[i])
        row[d] = (row[d] ?? 0) + 1
      }
      return part
    })
    // Each digit at each place in about a tenth of the tokens (σ ≈ 19 of 400: 6σ bounds): no place is
    // fixed, counted or taken from the clock.
    for (const row of counts) for (const n of row) expect(Math.abs(n - N / 10)).toBeLessThan(115)
    expect(longestSharedPrefix(random)).toBeLessThan(8)
  })

  it('as the API hands them out: unionpay and wechat payments', async () => {
    const h = harness()
    const order = await h.order()
    const union = PaymentSchema.parse((await h.pay(order.id, 'unionpay')).body)
    const jump = PaymentSchema.parse(
      (await h.pay(order.id, 'wechat', { headers: { 'x-sim-era': 'launch' } })).body,
    )
    expect(union.payToken).toMatch(/^\d{14}\d{39}$/)
    expect(jump.payToken).toMatch(/^wx\d{14}[0-9a-f]{32}$/)
    for (const token of [union.payToken ?? '', jump.payToken ?? '']) {
      expect(token).not.toContain(order.id.slice(0, 8))
      expect(token).not.toContain(order.id.slice(-8))
    }
  })
})
