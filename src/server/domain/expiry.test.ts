import { describe, expect, it } from 'vitest'
import { dueOf, expireDue, openItems, sweepExpired } from './expiry.ts'
import { MINUTE_MS } from './result.ts'
import { seedState } from './seed.ts'
import { askFriend, confirm, must, openAttempt, placeOrder, step, sweep, T0 } from './testing.ts'

describe('deadlines', () => {
  it('an order closes at its deadline with its open attempts and pay-for-me requests, at once', () => {
    const s = seedState()
    const order = placeOrder(s)
    const attempt = openAttempt(s, order.id, 'shopper', T0, 'wechat-scan')
    const request = askFriend(s, order.id)
    const deadline = Date.parse(order.deadlineAt)
    expect(sweepExpired(s, deadline - 1).events).toEqual([])
    const decision = sweep(s, deadline + 5 * MINUTE_MS)
    expect(must(decision).closedOrders).toEqual([order.id])
    expect(decision.events).toEqual([
      { type: 'order.closed', orderId: order.id, at: order.deadlineAt, reason: 'TIMEOUT' },
      { type: 'payment.closed', paymentId: attempt.id, at: order.deadlineAt, reason: 'EXPIRED' },
      expect.objectContaining({
        type: 'friend.ended',
        token: request.token,
        status: 'EXPIRED',
        reason: 'ORDERCLOSED',
      }),
    ])
    expect(sweepExpired(s, deadline + 10 * MINUTE_MS).events).toEqual([])
  })

  it('skips what was paid or closed meanwhile: stale index entries are harmless', () => {
    const s = seedState()
    const order = placeOrder(s)
    const p = openAttempt(s, order.id)
    must(confirm(s, p.id, '123456'))
    step(s, {
      ok: true,
      events: [
        {
          type: 'order.paid',
          orderId: order.id,
          paymentId: p.id,
          method: 'alipay-balance',
          transactionId: 't',
          at: order.createdAt,
        },
      ],
      value: null,
    })
    const late = Date.parse(order.deadlineAt) + 1
    const stale = [
      { kind: 'order' as const, id: order.id, atMs: late },
      { kind: 'payment' as const, id: p.id, atMs: late },
      { kind: 'friend' as const, id: 'gone', atMs: late },
      { kind: 'order' as const, id: 'gone', atMs: late },
    ]
    expect(expireDue(s, stale, late).events).toEqual([])
  })

  it('does not close what is not due yet, even if handed in', () => {
    const s = seedState()
    const order = placeOrder(s)
    expect(expireDue(s, [{ kind: 'order', id: order.id, atMs: 0 }], T0).events).toEqual([])
  })

  it('names the due time of what each event creates', () => {
    const s = seedState()
    const order = placeOrder(s)
    const p = openAttempt(s, order.id, 'shopper', T0, 'wechat-scan')
    const r = askFriend(s, order.id)
    const deadline = Date.parse(order.deadlineAt)
    expect(dueOf({ type: 'order.created', order, idemKey: 'k', fingerprint: 'f' })).toEqual({
      kind: 'order',
      id: order.id,
      atMs: deadline,
    })
    expect(
      dueOf({ type: 'payment.created', payment: p, idemKey: null, fingerprint: null }),
    ).toEqual({ kind: 'payment', id: p.id, atMs: deadline })
    expect(dueOf({ type: 'friend.requested', request: r, idemKey: 'k', fingerprint: 'f' })).toEqual(
      { kind: 'friend', id: r.token, atMs: deadline },
    )
    expect(dueOf({ type: 'payment.refunded', paymentId: p.id, at: '' })).toBeNull()
    expect(
      openItems(s)
        .map((i) => i.kind)
        .sort(),
    ).toEqual(['friend', 'order', 'payment'])
  })

  it('decides without touching the state it reads', () => {
    const s = seedState()
    const order = placeOrder(s)
    openAttempt(s, order.id)
    askFriend(s, order.id)
    const before = structuredClone(s)
    sweepExpired(s, Date.parse(order.deadlineAt) + 1)
    expect(s).toEqual(before)
  })
})
