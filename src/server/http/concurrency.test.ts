import { describe, expect, it } from 'vitest'
import { expectOneWinner, raceOnOneOrder } from '../../../test/support/race.ts'
import type { Send } from '../../../test/support/race.ts'
import { harness } from './testing.ts'

describe('50 concurrent confirms on one order through every channel', () => {
  it('exactly one SUCCESS, every wallet balanced (over app.request, ten rounds)', async () => {
    for (let round = 0; round < 10; round++) {
      const h = harness()
      const send: Send = (method, path, body, headers) =>
        h.json(method, path, body === undefined ? { headers } : { body, headers })
      const outcome = await raceOnOneOrder(send)
      // Contenders start in a random order after random pauses: the winner's channel varies by round.
      expectOneWinner(outcome)
      h.settle()
      // The checkout's two shops' orders, both paid by the one winner.
      const after = await h.state()
      const paid = after.checkouts.find((c) => c.checkoutId === outcome.orderId)
      expect(paid?.status).toBe('PAID')
      for (const id of paid?.orderIds ?? []) {
        expect(after.orders.find((o) => o.id === id)?.status).toBe('PAID')
      }
      expect(paid?.orderIds).toHaveLength(2)
    }
  }, 60_000)
})
