import { describe, expect, it } from 'vitest'
import { CatalogSchema } from '../../contract/catalog.ts'
import { ApiErrorSchema } from '../../contract/errors.ts'
import { CheckoutSchema, OrderListSchema, OrderSchema } from '../../contract/order.ts'
import { CashierSchema, PaymentSchema, WalletSchema } from '../../contract/payment.ts'
import { TestStateSchema } from '../../contract/test-api.ts'
import { HOUR_MS, MINUTE_MS } from '../domain/result.ts'
import { harness } from './testing.ts'

const cartBody = {
  lines: [
    { skuId: 'sku-longjing-250', qty: 1 },
    { skuId: 'sku-mug-150', qty: 2 },
    { skuId: 'sku-tshirt-white-l', qty: 2 },
  ],
  addressId: 'addr-hz',
}

/** The tea shop's goods alone: a checkout of one order, numbered as it. */
async function placeOrder(h: ReturnType<typeof harness>, persona = 'shopper') {
  const res = await h.call('POST', '/api/shop/orders', {
    body: { ...cartBody, lines: cartBody.lines.slice(0, 2) },
    headers: { 'idempotency-key': h.newKey(), 'x-sim-persona': persona },
  })
  expect(res.status).toBe(201)
  const checkout = CheckoutSchema.parse(await res.json())
  expect(checkout.orderIds).toEqual([checkout.checkoutId])
  const [order] = checkout.orders
  if (!order) throw new Error('no order')
  return order
}

async function openPayment(h: ReturnType<typeof harness>, orderId: string, persona = 'shopper') {
  const res = await h.call('POST', '/api/pay/payments', {
    body: { orderId, method: 'alipay-balance' },
    headers: { 'idempotency-key': h.newKey(), 'x-sim-persona': persona },
  })
  expect(res.status).toBe(201)
  return PaymentSchema.parse(await res.json())
}

const confirm = (
  h: ReturnType<typeof harness>,
  paymentId: string,
  password: string,
  persona = 'shopper',
) =>
  h.call('POST', `/api/pay/payments/${paymentId}/confirm`, {
    body: { password },
    headers: { 'x-sim-persona': persona },
  })

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status)
  const body = ApiErrorSchema.parse(await res.json())
  expect(body.code).toBe(code)
  return body
}

describe('checkout over HTTP', () => {
  it('creates an order, shows the cashier, pays with Alipay balance, and the order is PAID', async () => {
    const h = harness()
    expect(await (await h.call('GET', '/api/health')).json()).toEqual({ ok: true })
    const catalog = CatalogSchema.parse(await (await h.call('GET', '/api/shop/catalog')).json())
    expect(catalog.cart).toEqual(cartBody.lines)

    // Two shops' goods: an order per shop, paid together by one payment (合并付款).
    const created = await h.call('POST', '/api/shop/orders', {
      body: cartBody,
      headers: { 'idempotency-key': h.newKey() },
    })
    expect(created.status).toBe(201)
    const placed = CheckoutSchema.parse(await created.json())
    expect(placed).toMatchObject({
      status: 'PENDING_PAYMENT',
      totalFen: 365_80,
      persona: 'shopper',
    })
    expect(placed.orderIds).toHaveLength(2)
    expect(placed.orderIds).not.toContain(placed.checkoutId)
    expect(placed.orders.map((o) => [o.id, o.checkoutId, o.lines[0]?.shopId, o.totalFen])).toEqual([
      [placed.orderIds[0], placed.checkoutId, 'shop-tea', 219_77],
      [placed.orderIds[1], placed.checkoutId, 'shop-style', 146_03],
    ])
    const order = { ...placed, id: placed.checkoutId }

    const cashier = CashierSchema.parse(
      await (await h.call('GET', `/api/pay/cashier?orderId=${order.id}`)).json(),
    )
    expect(cashier).toMatchObject({
      orderId: order.id,
      orderIds: placed.orderIds,
      amountFen: order.totalFen,
      deadlineAt: order.deadlineAt,
      title: '2024新茶 明前特级西湖龙井 绿茶茶叶 礼盒装',
      itemCount: 5,
    })
    expect(cashier.methods[0]).toEqual({
      id: 'alipay-balance',
      enabled: true,
      reason: null,
      balanceFen: 5_000_00,
    })
    expect(cashier.methods.map((m) => m.id)).toEqual([
      'alipay-balance',
      'alipay-card',
      'huabei',
      'unionpay',
      'wechat-scan',
      'friend-pay',
    ])

    const payment = await openPayment(h, order.id)
    expect(payment).toMatchObject({
      status: 'NOTPAY',
      amountFen: order.totalFen,
      method: 'alipay-balance',
      checkoutId: order.id,
      orderIds: placed.orderIds,
    })

    const paidRes = await confirm(h, payment.id, '123456')
    expect(paidRes.status).toBe(200)
    const paid = PaymentSchema.parse(await paidRes.json())
    expect(paid).toMatchObject({ id: payment.id, status: 'SUCCESS', payer: 'shopper' })
    // The merchant hears of it by the (asynchronous) notification.
    h.settle()

    // Each shop's order is paid by the one payment; the checkout says so too.
    for (const id of placed.orderIds) {
      const after = OrderSchema.parse(await (await h.call('GET', `/api/shop/orders/${id}`)).json())
      expect(after).toMatchObject({
        status: 'PAID',
        paidWith: 'alipay-balance',
        paymentId: payment.id,
        paidAt: paid.paidAt,
      })
    }
    for (const id of [placed.checkoutId, ...placed.orderIds]) {
      const view = CheckoutSchema.parse(
        await (await h.call('GET', `/api/shop/checkouts/${id}`)).json(),
      )
      expect(view).toMatchObject({
        checkoutId: placed.checkoutId,
        status: 'PAID',
        paymentId: payment.id,
      })
    }
    const wallet = WalletSchema.parse(await (await h.call('GET', '/api/pay/wallet')).json())
    expect(wallet.alipayBalanceFen).toBe(5_000_00 - order.totalFen)

    const state = TestStateSchema.parse(await (await h.call('GET', '/api/__test/state')).json())
    expect(state.orders).toEqual(
      placed.orders.map((o) => ({
        id: o.id,
        checkoutId: placed.checkoutId,
        status: 'PAID',
        totalFen: o.totalFen,
        refundedFen: 0,
      })),
    )
    expect(state.checkouts).toEqual([
      {
        checkoutId: placed.checkoutId,
        orderIds: placed.orderIds,
        status: 'PAID',
        totalFen: 365_80,
        paymentId: payment.id,
      },
    ])
    expect(state.payments).toEqual([
      {
        id: payment.id,
        orderId: order.id,
        checkoutId: order.id,
        orderIds: placed.orderIds,
        channel: 'alipay-balance',
        status: 'SUCCESS',
        amountFen: order.totalFen,
        payer: 'shopper',
        source: 'alipay-balance',
      },
    ])

    await expectError(await h.call('GET', `/api/pay/cashier?orderId=${order.id}`), 409, 'ORDERPAID')
    await expectError(await confirm(h, payment.id, '123456'), 409, 'ORDERPAID')
    expect(h.logs).toEqual([])
  })

  it('lists only the persona’s orders, newest first, and hides others’ orders and payments', async () => {
    const h = harness()
    const a = await placeOrder(h)
    h.clock.now += 1000
    const b = await placeOrder(h)
    const theirs = await placeOrder(h, 'friend')
    const list = OrderListSchema.parse(await (await h.call('GET', '/api/shop/orders')).json())
    expect(list.orders.map((o) => o.id)).toEqual([b.id, a.id])
    // The list carries the gateway's clock, so a phone counts its deadlines down against it.
    expect(list.now).toBe(new Date(h.clock.now).toISOString())
    // Its own screens say whose it is (the simulator's personas are one tester's phones).
    await expectError(
      await h.call('GET', `/api/shop/orders/${theirs.id}`),
      403,
      'ORDER_OF_OTHER_PERSONA',
    )
    await expectError(
      await h.call('GET', `/api/pay/cashier?orderId=${theirs.id}`),
      403,
      'ORDER_OF_OTHER_PERSONA',
    )
    const p = await openPayment(h, theirs.id, 'friend')
    await expectError(await h.call('GET', `/api/pay/payments/${p.id}`), 404, 'PAYMENT_NOT_EXIST')
    await expectError(await confirm(h, p.id, '123456'), 404, 'PAYMENT_NOT_EXIST')
    const own = PaymentSchema.parse(
      await (
        await h.call('GET', `/api/pay/payments/${p.id}`, { headers: { 'x-sim-persona': 'friend' } })
      ).json(),
    )
    expect(own.id).toBe(p.id)
  })
})

describe('idempotency over HTTP', () => {
  it('answers the first order for the same key and body, 409 for another body, per persona', async () => {
    const h = harness()
    const headers = { 'idempotency-key': 'order-key-0001' }
    const first = await h.call('POST', '/api/shop/orders', { body: cartBody, headers })
    expect(first.status).toBe(201)
    const firstOrder = CheckoutSchema.parse(await first.json())
    // Defaults filled in are the same body.
    const again = await h.call('POST', '/api/shop/orders', {
      body: { ...cartBody, note: '' },
      headers,
    })
    expect(again.status).toBe(200)
    expect(CheckoutSchema.parse(await again.json())).toEqual(firstOrder)
    const other = await h.call('POST', '/api/shop/orders', {
      body: { ...cartBody, addressId: 'addr-sh' },
      headers,
    })
    await expectError(other, 409, 'IDEMPOTENCY_MISMATCH')
    const friend = await h.call('POST', '/api/shop/orders', {
      body: cartBody,
      headers: { ...headers, 'x-sim-persona': 'friend' },
    })
    expect(friend.status).toBe(201)
    // One checkout of the shopper's: its two shops' orders.
    const list = OrderListSchema.parse(await (await h.call('GET', '/api/shop/orders')).json())
    expect(list.orders.map((o) => o.id).sort()).toEqual([...firstOrder.orderIds].sort())
  })

  it('requires a well-formed Idempotency-Key', async () => {
    const h = harness()
    await expectError(
      await h.call('POST', '/api/shop/orders', { body: cartBody }),
      400,
      'PARAM_ERROR',
    )
    const bad = await h.call('POST', '/api/shop/orders', {
      body: cartBody,
      headers: { 'idempotency-key': 'a b' },
    })
    await expectError(bad, 400, 'PARAM_ERROR')
    await expectError(
      await h.call('POST', '/api/pay/payments', {
        body: { orderId: 'x', method: 'alipay-balance' },
      }),
      400,
      'PARAM_ERROR',
    )
  })

  it('replays a payment create, and a newer attempt closes the older one', async () => {
    const h = harness()
    const order = await placeOrder(h)
    const headers = { 'idempotency-key': 'pay-key-0001' }
    const body = { orderId: order.id, method: 'alipay-balance' }
    const first = PaymentSchema.parse(
      await (await h.call('POST', '/api/pay/payments', { body, headers })).json(),
    )
    const again = await h.call('POST', '/api/pay/payments', { body, headers })
    expect(again.status).toBe(200)
    expect(PaymentSchema.parse(await again.json()).id).toBe(first.id)
    await expectError(
      await h.call('POST', '/api/pay/payments', { body: { ...body, method: 'huabei' }, headers }),
      409,
      'IDEMPOTENCY_MISMATCH',
    )
    const second = await openPayment(h, order.id)
    const old = PaymentSchema.parse(
      await (await h.call('GET', `/api/pay/payments/${first.id}`)).json(),
    )
    expect(old.status).toBe('CLOSED')
    await expectError(await confirm(h, first.id, '123456'), 409, 'PAYMENT_CLOSED')
    expect((await confirm(h, second.id, '123456')).status).toBe(200)
  })
})

describe('password lockout and deadlines by the gateway clock', () => {
  it('says how many tries are left, locks for 3 hours, and unlocks when the test clock moves', async () => {
    const h = harness()
    const order = await placeOrder(h)
    const p = await openPayment(h, order.id)
    for (const triesLeft of [4, 3, 2, 1]) {
      expect(
        (await expectError(await confirm(h, p.id, '654321'), 403, 'PASSWORD_ERROR')).triesLeft,
      ).toBe(triesLeft)
    }
    const locked = await expectError(await confirm(h, p.id, '654321'), 423, 'ACCOUNT_LOCKED')
    expect(Date.parse(locked.lockedUntil ?? '')).toBe(h.clock.now + 3 * HOUR_MS)
    await expectError(await confirm(h, p.id, '123456'), 423, 'ACCOUNT_LOCKED')
    const cashier = CashierSchema.parse(
      await (await h.call('GET', `/api/pay/cashier?orderId=${order.id}`)).json(),
    )
    expect(cashier.methods[0]).toMatchObject({ enabled: false, reason: 'LOCKED' })

    const moved = await h.call('POST', '/api/__test/clock', { body: { advanceMs: 3 * HOUR_MS } })
    expect(await moved.json()).toEqual({
      now: new Date(h.clock.now + 3 * HOUR_MS).toISOString(),
      frozen: false,
    })
    const fresh = await placeOrder(h)
    const q = await openPayment(h, fresh.id)
    expect((await confirm(h, q.id, '123456')).status).toBe(200)
  })

  it('closes the order at its deadline: stock comes back, the cashier and confirm say ORDERCLOSED', async () => {
    const h = harness()
    const order = await placeOrder(h)
    const p = await openPayment(h, order.id)
    const stock = async () =>
      CatalogSchema.parse(await (await h.call('GET', '/api/shop/catalog')).json()).skus.find(
        (s) => s.id === 'sku-mug-150',
      )?.stock
    expect(await stock()).toBe(48)
    h.clock.now += 30 * MINUTE_MS
    const closed = OrderSchema.parse(
      await (await h.call('GET', `/api/shop/orders/${order.id}`)).json(),
    )
    expect(closed).toMatchObject({
      status: 'CLOSED',
      closeReason: 'TIMEOUT',
      closedAt: order.deadlineAt,
    })
    expect(await stock()).toBe(50)
    await expectError(
      await h.call('GET', `/api/pay/cashier?orderId=${order.id}`),
      409,
      'ORDERCLOSED',
    )
    await expectError(await confirm(h, p.id, '123456'), 409, 'ORDERCLOSED')
    const state = TestStateSchema.parse(await (await h.call('GET', '/api/__test/state')).json())
    expect(state.payments[0]?.status).toBe('CLOSED')
  })

  it('says NOTENOUGH for a short balance and debits nothing', async () => {
    const h = harness()
    const order = await placeOrder(h, 'low_balance')
    const cashier = CashierSchema.parse(
      await (
        await h.call('GET', `/api/pay/cashier?orderId=${order.id}`, {
          headers: { 'x-sim-persona': 'low_balance' },
        })
      ).json(),
    )
    expect(cashier.methods[0]).toMatchObject({
      enabled: false,
      reason: 'NOTENOUGH',
      balanceFen: 10_00,
    })
    const p = await openPayment(h, order.id, 'low_balance')
    await expectError(await confirm(h, p.id, '123456', 'low_balance'), 403, 'NOTENOUGH')
    const wallet = await (
      await h.call('GET', '/api/pay/wallet', { headers: { 'x-sim-persona': 'low_balance' } })
    ).json()
    expect(wallet).toEqual({
      alipayBalanceFen: 10_00,
      huabeiAvailableFen: 0,
      wechatBalanceFen: 10_00,
      alipayCardFen: 2_000_00,
      unionpayCardFen: 50_00,
      wechatCardFen: 50_00,
    })
  })
})

describe('the test API', () => {
  it('resets to the seed', async () => {
    const h = harness()
    const order = await placeOrder(h)
    await confirm(h, (await openPayment(h, order.id)).id, '123456')
    await h.call('POST', '/api/__test/clock', { body: { advanceMs: 60_000 } })
    expect(await (await h.call('POST', '/api/__test/reset')).json()).toEqual({ ok: true })
    const state = TestStateSchema.parse(await (await h.call('GET', '/api/__test/state')).json())
    expect(state).toMatchObject({
      now: new Date(h.clock.now).toISOString(),
      orders: [],
      payments: [],
      friendRequests: [],
    })
    expect(state.wallets.shopper.alipayBalanceFen).toBe(5_000_00)
  })

  it('is a 404 everywhere when GATEWAY_TEST_API=off', async () => {
    const h = harness({ testApi: false })
    await expectError(await h.call('POST', '/api/__test/reset'), 404, 'NOT_FOUND')
    await expectError(await h.call('GET', '/api/__test/state'), 404, 'NOT_FOUND')
    await expectError(
      await h.call('POST', '/api/__test/clock', { body: { advanceMs: 1 } }),
      404,
      'NOT_FOUND',
    )
    expect((await h.call('GET', '/api/health')).status).toBe(200)
  })
})

describe('personas', () => {
  it('slow_network: every answer takes the configured extra time', async () => {
    const h = harness({ slowNetworkMs: 60 })
    const started = performance.now()
    expect(
      (await h.call('GET', '/api/shop/catalog', { headers: { 'x-sim-persona': 'slow_network' } }))
        .status,
    ).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
  })
})
