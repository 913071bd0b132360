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
      expect((await h.state()).orders.find((o) => o.id === outcome.orderId)?.status).toBe('PAID')
    }
  }, 60_000)
})
