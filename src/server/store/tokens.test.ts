import { describe, expect, it } from 'vitest'
import { FriendRequestSchema } from '../../contract/friend-pay.ts'
import { PaymentSchema } from '../../contract/payment.ts'
import { harness } from '../http/testing.ts'
import { cryptoIds } from './ids.ts'

// The bearer secrets: a pay-for-me link's token and a scanned code's `pr`. Whoever holds one can see and
// pay the order, so each must be 128 random bits, unrelated to any id or time. (WeChat's prepay_id and
// UnionPay's tn are not bearer secrets: their sheets open for the shopper who jumped only.)
const bearerTokens = {
  'pay-for-me token': () => cryptoIds.token(),
  'scan code pr': () => cryptoIds.sheetToken('code', Date.now()),
}

const N = 4000

describe('bearer tokens', () => {
  for (const [name, make] of Object.entries(bearerTokens)) {
    it(`${name}: 128 bits, every bit a fair coin, no two alike`, () => {
      const tokens = Array.from({ length: N }, make)
      expect(new Set(tokens).size).toBe(N)
      const ones = new Array<number>(128).fill(0)
      for (const token of tokens) {
        const bytes = Buffer.from(token, 'base64url')
        // URL-safe, and exactly 16 bytes behind it.
        expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/)
        expect(bytes).toHaveLength(16)
        expect(bytes.toString('base64url')).toBe(token)
        for (let bit = 0; bit < 128; bit++) {
          if ((bytes[bit >> 3] ?? 0) & (1 << (bit & 7))) ones[bit] = (ones[bit] ?? 0) + 1
        }
      }
      // Each of the 128 bits is set in about half the tokens (σ ≈ 0.8 % for 4000: 6σ bounds), so none is
      // fixed or derived from a counter or the clock.
      for (const count of ones) expect(Math.abs(count / N - 0.5)).toBeLessThan(0.05)
      // Consecutive tokens share no more of a prefix than chance allows.
      let longest = 0
      for (let i = 1; i < tokens.length; i++) {
        const a = tokens[i - 1] ?? ''
        const b = tokens[i] ?? ''
        let same = 0
        while (same < a.length && a[same] === b[same]) same++
        longest = Math.max(longest, same)
      }
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
