import { describe, expect, it } from 'vitest'
import type { FundingSource, PaymentMethodId } from '../../../contract/payment.ts'
import { cashierView } from '../cashier.ts'
import { seedState } from '../seed.ts'
import type { PaymentRecord, State } from '../state.ts'
import {
  askFriend,
  confirm,
  friendPays,
  must,
  openAttempt,
  placeCheckout,
  step,
  sweep,
  T0,
} from '../testing.ts'
import { checkoutView } from './checkouts.ts'
import { markPaid } from './orders.ts'
import { cancelOrder } from './refunds.ts'

/** The merchant hears of the payment (a verified notification). */
const notify = (s: State, p: PaymentRecord) =>
  step(
    s,
    markPaid(s.merchant, {
      orderId: p.orderId,
      paymentId: p.id,
      method: p.method,
      amountFen: p.amountFen,
      transactionId: p.transactionId ?? 't',
      paidAt: p.paidAt ?? new Date(T0).toISOString(),
    }),
  )

const CHANNELS: { method: PaymentMethodId; source: FundingSource | null; launch?: boolean }[] = [
  { method: 'alipay-balance', source: null },
  { method: 'alipay-card', source: null },
  { method: 'huabei', source: null },
  { method: 'unionpay', source: null },
  { method: 'wechat', source: 'wechat-balance', launch: true },
  { method: 'wechat-scan', source: 'wechat-balance' },
]

describe('a checkout of two shops, on every channel', () => {
  for (const { method, source, launch } of CHANNELS) {
    it(`${method}: one payment, asked for by an order's id, pays both orders`, () => {
      const s = seedState()
      const checkout = placeCheckout(s)
      const [tea, style] = checkout.orders
      if (!tea || !style) throw new Error('two orders expected')
      expect(tea.totalFen + style.totalFen).toBe(checkout.totalFen)
      const options = launch ? { era: 'launch' as const } : { huabeiPeriods: 3 as const }
      const p = openAttempt(s, style.id, 'shopper', T0, method, options)
      expect(p).toMatchObject({
        orderId: checkout.checkoutId,
        orderIds: [tea.id, style.id],
        amountFen: checkout.totalFen,
      })
      const paid = must(confirm(s, p.id, '123456', 'shopper', T0, source))
      must(notify(s, paid.payment))
      for (const id of checkout.orderIds) {
        expect(s.merchant.orders.get(id)).toMatchObject({ status: 'PAID', paymentId: p.id })
      }
      expect(checkoutView(s.merchant, checkout.checkoutId)?.status).toBe('PAID')
      // Again: nothing changes; and nothing is left to pay.
      expect(notify(s, paid.payment)).toMatchObject({ ok: true, events: [] })
      expect(
        cashierView(s, { persona: 'shopper', era: 'beta', appVersion: '10.40.0' }, tea.id, T0),
      ).toMatchObject({ ok: false, error: { code: 'ORDERPAID' } })
    })
  }

  it('friend-pay: the link covers the checkout, and the friend pays both', () => {
    const s = seedState()
    const checkout = placeCheckout(s)
    const request = askFriend(s, checkout.checkoutId)
    expect(request).toMatchObject({ amountFen: checkout.totalFen, orderIds: checkout.orderIds })
    const paid = must(friendPays(s, request.token))
    must(notify(s, paid.payment))
    for (const id of checkout.orderIds) expect(s.merchant.orders.get(id)?.status).toBe('PAID')
  })

  it('取消订单 on one: the open attempt ends; the other is paid alone, for its own total', () => {
    const s = seedState()
    const checkout = placeCheckout(s)
    const [tea, style] = checkout.orders
    if (!tea || !style) throw new Error('two orders expected')
    const before = openAttempt(s, checkout.checkoutId)
    const request = askFriend(s, checkout.checkoutId)
    must(step(s, cancelOrder(s, tea.id, T0 + 1000)))
    expect(s.gateway.payments.get(before.id)?.status).toBe('CLOSED')
    expect(s.gateway.friendRequests.get(request.token)?.status).toBe('CANCELLED')
    const after = openAttempt(s, checkout.checkoutId, 'shopper', T0 + 2000)
    expect(after).toMatchObject({ amountFen: style.totalFen, orderIds: [style.id] })
    must(notify(s, must(confirm(s, after.id, '123456', 'shopper', T0 + 2000)).payment))
    expect(s.merchant.orders.get(tea.id)?.status).toBe('CLOSED')
    expect(s.merchant.orders.get(style.id)?.status).toBe('PAID')
    expect(checkoutView(s.merchant, checkout.checkoutId)).toMatchObject({
      status: 'PAID',
      totalFen: style.totalFen,
    })
  })

  it('money for an amount no longer left to pay is ORDERCLOSED (the caller gives it back)', () => {
    const s = seedState()
    const checkout = placeCheckout(s)
    const [tea] = checkout.orders
    if (!tea) throw new Error('two orders expected')
    must(step(s, cancelOrder(s, tea.id, T0)))
    const stale = markPaid(s.merchant, {
      orderId: checkout.checkoutId,
      paymentId: 'p-stale',
      method: 'alipay-balance',
      amountFen: checkout.totalFen,
      transactionId: 't',
      paidAt: new Date(T0).toISOString(),
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'ORDERCLOSED' } })
  })

  it('its orders close together at the one deadline', () => {
    const s = seedState()
    const checkout = placeCheckout(s)
    must(sweep(s, Date.parse(checkout.deadlineAt)))
    for (const id of checkout.orderIds) expect(s.merchant.orders.get(id)?.status).toBe('CLOSED')
    expect(checkoutView(s.merchant, checkout.checkoutId)?.status).toBe('CLOSED')
  })
})
