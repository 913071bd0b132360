import { describe, expect, it } from 'vitest'
import { MINUTE_MS } from '../result.ts'
import { seedState } from '../seed.ts'
import { must, placeOrder, seedBody, step, sweep, T0 } from '../testing.ts'
import { sweepExpired } from '../expiry.ts'
import { createOrder, findOrder, listOrders, markPaid } from './orders.ts'
import type { CreateOrderCommand } from './orders.ts'

const command = (over: Partial<CreateOrderCommand> = {}): CreateOrderCommand => ({
  checkoutId: 'c-1',
  orderIds: ['o-1', 'o-1b', 'o-1c'],
  persona: 'shopper',
  idemKey: 'key-aaaaaaaa',
  fingerprint: 'fp-1',
  body: seedBody,
  ...over,
})

const stockOf = (s: ReturnType<typeof seedState>, id: string) => s.merchant.skus.get(id)?.stock

describe('createOrder', () => {
  it('splits the seeded cart into an order per shop, priced with the shared priceCart, and reserves stock', () => {
    const s = seedState()
    const { checkout, replayed } = must(step(s, createOrder(s.merchant, command(), T0)))
    expect(replayed).toBe(false)
    expect(checkout).toMatchObject({
      checkoutId: 'c-1',
      orderIds: ['o-1', 'o-1b'],
      status: 'PENDING_PAYMENT',
      totalFen: 365_80,
      deadlineAt: new Date(T0 + 30 * MINUTE_MS).toISOString(),
      title: '2024新茶 明前特级西湖龙井 绿茶茶叶 礼盒装',
      itemCount: 5,
    })
    const [tea, style] = checkout.orders
    // The cross-store ¥30 off over 237.80 + 158.00: 1802.4… and 1197.5… fen, the odd fen to the first.
    expect(tea).toMatchObject({
      id: 'o-1',
      checkoutId: 'c-1',
      itemsFen: 168_00 + 2 * 39_90,
      shopCouponFen: 10_00,
      crossStoreFen: 18_03,
      deliveryFen: 0,
      totalFen: 237_80 - 18_03,
      createdAt: new Date(T0).toISOString(),
      deadlineAt: new Date(T0 + 30 * MINUTE_MS).toISOString(),
    })
    expect(style).toMatchObject({
      id: 'o-1b',
      itemsFen: 2 * 79_00,
      shopCouponFen: 0,
      crossStoreFen: 11_97,
      totalFen: 158_00 - 11_97,
      deadlineAt: tea?.deadlineAt,
    })
    expect(tea?.lines.map((l) => l.shopName)).toEqual(['西湖茗香茶业旗舰店', '西湖茗香茶业旗舰店'])
    expect(style?.lines.map((l) => l.shopName)).toEqual(['青禾服饰数码专营店'])
    expect(s.merchant.orders.size).toBe(2)
    expect(s.merchant.checkouts.get('c-1')).toEqual(['o-1', 'o-1b'])
    expect(stockOf(s, 'sku-mug-150')).toBe(48)
    expect(stockOf(s, 'sku-tshirt-white-l')).toBe(198)
  })

  it('gives the deadline of the item with the shortest pay window', () => {
    const s = seedState()
    const mixed = {
      ...seedBody,
      lines: [
        { skuId: 'sku-longjing-250', qty: 1 },
        { skuId: 'sku-earbuds-anc', qty: 1 },
      ],
    }
    const { checkout } = must(createOrder(s.merchant, command({ body: mixed }), T0))
    // Two shops, one deadline: the checkout's orders close together.
    expect(checkout.orders.map((o) => o.deadlineAt)).toEqual([
      new Date(T0 + 15 * MINUTE_MS).toISOString(),
      new Date(T0 + 15 * MINUTE_MS).toISOString(),
    ])
  })

  it('answers the first checkout again for the same key and body, with no new events', () => {
    const s = seedState()
    const first = must(step(s, createOrder(s.merchant, command(), T0))).checkout
    const again = createOrder(
      s.merchant,
      command({ checkoutId: 'c-2', orderIds: ['o-2', 'o-2b'] }),
      T0 + 5000,
    )
    expect(again).toEqual({ ok: true, events: [], value: { checkout: first, replayed: true } })
    expect(s.merchant.orders.size).toBe(2)
  })

  it('refuses the same key with another body: IDEMPOTENCY_MISMATCH', () => {
    const s = seedState()
    step(s, createOrder(s.merchant, command(), T0))
    const other = createOrder(
      s.merchant,
      command({ checkoutId: 'c-2', orderIds: ['o-2', 'o-2b'], fingerprint: 'fp-other' }),
      T0,
    )
    expect(other).toMatchObject({ ok: false, events: [], error: { code: 'IDEMPOTENCY_MISMATCH' } })
  })

  it('scopes keys per persona', () => {
    const s = seedState()
    step(s, createOrder(s.merchant, command(), T0))
    const theirs = must(
      step(
        s,
        createOrder(
          s.merchant,
          command({ checkoutId: 'c-2', orderIds: ['o-2', 'o-2b'], persona: 'friend' }),
          T0,
        ),
      ),
    )
    expect(theirs.replayed).toBe(false)
    expect(theirs.checkout.persona).toBe('friend')
  })

  it('refuses more than the stock, and never lets stock go below zero', () => {
    const s = seedState()
    const earbuds = (qty: number) => ({ ...seedBody, lines: [{ skuId: 'sku-earbuds-anc', qty }] })
    expect(createOrder(s.merchant, command({ body: earbuds(4) }), T0)).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_STOCK' },
    })
    placeOrder(s, 'shopper', T0, earbuds(2))
    expect(
      createOrder(s.merchant, command({ idemKey: 'key-bbbbbbbb', body: earbuds(2) }), T0),
    ).toMatchObject({
      ok: false,
      error: { code: 'OUT_OF_STOCK' },
    })
    placeOrder(s, 'shopper', T0, earbuds(1))
    expect(stockOf(s, 'sku-earbuds-anc')).toBe(0)
  })

  it('refuses unknown SKUs, unknown addresses and duplicate lines', () => {
    const s = seedState()
    const unknown = { ...seedBody, lines: [{ skuId: 'sku-tea-x', qty: 1 }] }
    expect(createOrder(s.merchant, command({ body: unknown }), T0)).toMatchObject({
      ok: false,
      error: { code: 'PARAM_ERROR' },
    })
    const noAddress = createOrder(
      s.merchant,
      command({ body: { ...seedBody, addressId: 'addr-x' } }),
      T0,
    )
    expect(noAddress).toMatchObject({ ok: false, error: { code: 'PARAM_ERROR' } })
    const dup = {
      ...seedBody,
      lines: [
        { skuId: 'sku-mug-150', qty: 1 },
        { skuId: 'sku-mug-150', qty: 1 },
      ],
    }
    expect(createOrder(s.merchant, command({ body: dup }), T0)).toMatchObject({
      ok: false,
      error: { code: 'PARAM_ERROR' },
    })
  })
})

describe('orders past their deadline', () => {
  it('closes at the deadline, not before, stamps the deadline and gives stock back', () => {
    const s = seedState()
    const order = placeOrder(s)
    const deadline = Date.parse(order.deadlineAt)
    expect(sweepExpired(s, deadline - 1).events).toEqual([])
    const closing = sweep(s, deadline + 60_000)
    expect(must(closing).closedOrders).toEqual([order.id])
    expect(s.merchant.orders.get(order.id)).toMatchObject({
      status: 'CLOSED',
      closedAt: order.deadlineAt,
      closeReason: 'TIMEOUT',
    })
    expect(stockOf(s, 'sku-mug-150')).toBe(50)
    expect(sweepExpired(s, deadline + 120_000).events).toEqual([])
  })
})

describe('markPaid', () => {
  // (placeOrder's order: the tea shop's goods, 237.80 after its coupon, under the cross-store threshold.)
  const paidCommand = (orderId: string, amountFen = 237_80) => ({
    orderId,
    paymentId: 'p-1',
    method: 'alipay-balance' as const,
    amountFen,
    transactionId: 't-1',
    paidAt: new Date(T0).toISOString(),
  })

  it('marks paid once; the same notification again changes nothing', () => {
    const s = seedState()
    const order = placeOrder(s)
    must(step(s, markPaid(s.merchant, paidCommand(order.id))))
    expect(s.merchant.orders.get(order.id)).toMatchObject({
      status: 'PAID',
      paymentId: 'p-1',
      paidWith: 'alipay-balance',
    })
    expect(markPaid(s.merchant, paidCommand(order.id))).toMatchObject({ ok: true, events: [] })
    // Paid orders never close by time.
    expect(sweepExpired(s, T0 + 10 * 60 * MINUTE_MS).events).toEqual([])
  })

  it('refuses a wrong amount, an unknown order and a closed order', () => {
    const s = seedState()
    const order = placeOrder(s)
    expect(markPaid(s.merchant, paidCommand(order.id, 1))).toMatchObject({
      ok: false,
      error: { code: 'PARAM_ERROR' },
    })
    expect(markPaid(s.merchant, paidCommand('nope'))).toMatchObject({
      ok: false,
      error: { code: 'ORDER_NOT_EXIST' },
    })
    sweep(s, Date.parse(order.deadlineAt))
    expect(markPaid(s.merchant, paidCommand(order.id))).toMatchObject({
      ok: false,
      error: { code: 'ORDERCLOSED' },
    })
  })
})

describe('reading orders', () => {
  it("lists a persona's own orders, newest first, and hides the others'", () => {
    const s = seedState()
    const a = placeOrder(s, 'shopper', T0)
    const b = placeOrder(s, 'shopper', T0 + 1000)
    const c = placeOrder(s, 'shopper', T0 + 1000)
    const theirs = placeOrder(s, 'friend', T0 + 2000)
    expect(listOrders(s.merchant, 'shopper').map((o) => o.id)).toEqual([c.id, b.id, a.id])
    expect(findOrder(s.merchant, 'shopper', theirs.id)).toMatchObject({
      ok: false,
      error: { code: 'ORDER_NOT_EXIST' },
    })
    expect(must(findOrder(s.merchant, 'friend', theirs.id)).id).toBe(theirs.id)
  })

  it('decides without touching the state it reads', () => {
    const s = seedState()
    placeOrder(s)
    const before = structuredClone(s)
    createOrder(
      s.merchant,
      command({ idemKey: 'key-cccccccc', checkoutId: 'c-x', orderIds: ['o-x', 'o-y'] }),
      T0,
    )
    sweepExpired(s, T0 + 100 * MINUTE_MS)
    expect(s).toEqual(before)
  })
})
