import { describe, expect, it } from 'vitest'
import { cashierView } from './cashier.ts'
import { seedState } from './seed.ts'
import { confirm, must, openAttempt, placeOrder, sweep, T0, placeCheckout } from './testing.ts'

const shopper = { persona: 'shopper' as const, era: 'beta' as const, appVersion: '10.40.0' }

describe('cashierView', () => {
  it('shows the amount, the deadline, the clock and the methods', () => {
    const s = seedState()
    const order = placeOrder(s)
    expect(must(cashierView(s, shopper, order.id, T0 + 1000))).toEqual({
      orderId: order.id,
      orderIds: [order.id],
      title: order.lines[0]?.title,
      itemCount: 3,
      amountFen: 237_80,
      deadlineAt: order.deadlineAt,
      now: new Date(T0 + 1000).toISOString(),
      methods: expect.any(Array),
    })
    const view = must(cashierView(s, shopper, order.id, T0 + 1000))
    // Two shops' orders, by either id: one cashier for what is left to pay of the checkout.
    const both = placeCheckout(s)
    for (const id of [both.checkoutId, ...both.orderIds]) {
      expect(must(cashierView(s, shopper, id, T0 + 1000))).toMatchObject({
        orderId: both.checkoutId,
        orderIds: both.orderIds,
        amountFen: 365_80,
        itemCount: 5,
      })
    }
    expect(view.methods.map((m) => m.id)).toEqual([
      'alipay-balance',
      'alipay-card',
      'huabei',
      'unionpay',
      'wechat-scan',
      'friend-pay',
    ])
  })

  it("refuses paid, closed and other personas' orders", () => {
    const s = seedState()
    const paid = placeOrder(s)
    must(confirm(s, openAttempt(s, paid.id).id, '123456'))
    expect(cashierView(s, shopper, paid.id, T0)).toMatchObject({
      ok: false,
      error: { code: 'ORDERPAID' },
    })
    const closed = placeOrder(s)
    sweep(s, Date.parse(closed.deadlineAt))
    expect(cashierView(s, shopper, closed.id, T0)).toMatchObject({
      ok: false,
      error: { code: 'ORDERCLOSED' },
    })
    const theirs = placeOrder(s, 'friend')
    expect(cashierView(s, shopper, theirs.id, T0)).toMatchObject({
      ok: false,
      error: { code: 'ORDER_OF_OTHER_PERSONA', owner: { persona: 'friend', nickname: '小美' } },
    })
  })
})
