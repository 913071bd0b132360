import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openItems } from '../domain/expiry.ts'
import { createOrder } from '../domain/merchant/orders.ts'
import { must, seedBody, T0 } from '../domain/testing.ts'
import { MINUTE_MS } from '../domain/result.ts'
import { DeadlineIndex } from './deadlines.ts'
import { openStore } from './store.ts'

describe('DeadlineIndex', () => {
  it('gives items back in time order, only once due', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 1000 }),
        (times, now) => {
          const index = new DeadlineIndex()
          times.forEach((atMs, i) => index.push({ kind: 'order', id: `o${i}`, atMs }))
          const due = index.takeDue(now).map((d) => d.atMs)
          expect(due).toEqual(times.filter((t) => t <= now).sort((a, b) => a - b))
          expect(index.size).toBe(times.filter((t) => t > now).length)
          expect(index.nextAt()).toBe(Math.min(Infinity, ...times.filter((t) => t > now)))
        },
      ),
    )
  })

  it('in the store: fed by the events, closes what falls due, O(1) when nothing has', () => {
    const clock = { now: T0 }
    const store = openStore('memory', () => clock.now)
    const body = { ...seedBody, lines: [{ skuId: 'sku-mug-150', qty: 1 }] }
    const order = (key: string) =>
      must(
        store.run((s, now) =>
          createOrder(
            s.merchant,
            {
              checkoutId: `c-${key}`,
              orderIds: [key],
              persona: 'shopper',
              idemKey: key,
              fingerprint: key,
              body,
            },
            now,
          ),
        ),
      ).checkout
    const first = order('o1')
    clock.now += MINUTE_MS
    order('o2')
    expect(store.nextDeadline()).toBe(Date.parse(first.deadlineAt))
    clock.now = Date.parse(first.deadlineAt)
    store.closeExpired()
    expect([...store.state.merchant.orders.values()].map((o) => o.status)).toEqual([
      'CLOSED',
      'PENDING_PAYMENT',
    ])
    expect(store.nextDeadline()).toBe(Date.parse(first.deadlineAt) + MINUTE_MS)
    // The index agrees with a full scan of what is open.
    expect(openItems(store.state).map((i) => i.atMs)).toEqual([store.nextDeadline()])
  })
})
