// The console's reads over HTTP: one world's log and nobody else's, in order, live with replay,
// bounded, read-only with the test API off, exported.
import { describe, expect, it } from 'vitest'
import {
  ConsoleEntrySchema,
  ConsoleHarSchema,
  ConsoleObjectSchema,
} from '../../contract/console.ts'
import { ApiErrorSchema } from '../../contract/errors.ts'
import { CreatedWorldSchema } from '../../contract/worlds.ts'
import { PaymentSchema } from '../../contract/payment.ts'
import { SEED_CART } from '../domain/seed.ts'
import { ONE_SHOP_CART } from '../http/testing.ts'
import { harness } from '../http/testing.ts'
import type { Harness } from '../http/testing.ts'
import { frames, timeline, typesOf } from './testing.ts'

/**
 * A QR payment: the shopper's code, scanned and paid by the friend; the merchant told. One shop's goods
 * unless `lines` says otherwise (the seeded cart: two shops' orders, one checkout).
 */
async function payByQr(
  h: Harness,
  headers: Record<string, string> = {},
  lines: unknown = ONE_SHOP_CART,
) {
  const order = await h.json('POST', '/api/shop/orders', {
    body: { lines, addressId: 'addr-hz' },
    headers: { ...headers, 'idempotency-key': h.newKey() },
  })
  expect(order.status).toBe(201)
  // The code pays the checkout (a one-shop checkout has its order's id).
  const orderId = String(order.body.checkoutId)
  const created = await h.json('POST', '/api/pay/payments', {
    body: { orderId, method: 'wechat-scan' },
    headers: { ...headers, 'idempotency-key': h.newKey() },
  })
  const payment = PaymentSchema.parse(created.body)
  const token = payment.payToken ?? ''
  const friend = { ...headers, 'x-sim-persona': 'friend' }
  expect((await h.call('POST', `/api/pay/sheets/${token}/open`, { headers: friend })).status).toBe(
    200,
  )
  const paid = await h.json('POST', `/api/pay/sheets/${token}/confirm`, {
    body: { password: '123456' },
    headers: friend,
  })
  expect(paid.status).toBe(200)
  h.settle()
  // What the merchant did with it is shown once durable, at the end of this turn.
  await new Promise((resolve) => setImmediate(resolve))
  return { orderId, paymentId: payment.id }
}

async function newWorld(h: Harness): Promise<string> {
  const res = await h.json('POST', '/api/__test/worlds', { body: {} })
  return CreatedWorldSchema.parse(res.body).world
}

describe('the console timeline', { timeout: 30_000 }, () => {
  it('after a QR payment lists the order, the payment and the notification delivery, in order', async () => {
    const h = harness()
    const { orderId, paymentId } = await payByQr(h)
    const { entries, last, actions, world } = await timeline(h)
    expect(world).toBe('default')
    expect(actions).toBe(true)
    expect(last).toBe(entries.at(-1)?.seq)
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1))
    expect(typesOf(entries)).toEqual([
      'order.created',
      'payment.created',
      'payment.opened',
      'payment.succeeded',
      'delivery',
      'order.paid',
    ])
    expect(entries.every((e) => e.refs.orderId === orderId)).toBe(true)
    expect(entries[3]?.refs).toMatchObject({ paymentId, persona: 'friend' })
    const delivery = entries[4]
    expect(delivery).toMatchObject({ kind: 'delivery', refs: { notificationId: paymentId } })
    expect(delivery?.detail).toMatchObject({
      channel: 'taobao',
      attempt: 1,
      status: 200,
      outcome: 'delivered',
      nextRetryAt: null,
    })
    // The event as the journal stored it.
    expect(entries[0]?.detail).toMatchObject({ type: 'order.created', order: { id: orderId } })
    // The cursor, the kind and a search by any id.
    expect(typesOf((await timeline(h, {}, 'after=4')).entries)).toEqual(['delivery', 'order.paid'])
    expect(typesOf((await timeline(h, {}, 'kind=delivery')).entries)).toEqual(['delivery'])
    expect((await timeline(h, {}, `q=${paymentId}`)).entries).toHaveLength(5)
    expect((await timeline(h, {}, 'after=1&limit=2')).entries.map((e) => e.seq)).toEqual([2, 3])
  })

  it('a checkout of two shops: each order placed and paid names the checkout, whose page tells it all', async () => {
    const h = harness()
    const { orderId: checkoutId, paymentId } = await payByQr(h, {}, SEED_CART)
    const { entries } = await timeline(h)
    expect(typesOf(entries)).toEqual([
      'order.created',
      'order.created',
      'payment.created',
      'payment.opened',
      'payment.succeeded',
      'delivery',
      'order.paid',
      'order.paid',
    ])
    const orders = entries.filter((e) => e.summary.startsWith('order'))
    expect(orders.every((e) => e.refs.checkoutId === checkoutId)).toBe(true)
    expect(new Set(orders.map((e) => e.refs.orderId)).size).toBe(2)
    expect(entries.find((e) => e.refs.paymentId === paymentId)?.refs.orderId).toBe(checkoutId)
    const page = await h.json('GET', `/api/console/objects/order/${checkoutId}`)
    expect(page.status).toBe(200)
    const object = page.body.object as { orderIds: string[]; status: string; payments: unknown[] }
    expect(object.orderIds).toHaveLength(2)
    expect(object.status).toBe('PAID')
    expect(object.payments).toHaveLength(1)
    // The checkout's story: both orders' entries and the payment's.
    expect((page.body.entries as unknown[]).length).toBe(entries.length)
  })

  it('two worlds never see each other’s entries', async () => {
    const h = harness()
    const other = await newWorld(h)
    const mine = await payByQr(h)
    const theirs = await payByQr(h, { 'x-sim-world': other })
    const here = await timeline(h)
    const there = await timeline(h, { 'x-sim-world': other })
    expect(here.entries.every((e) => e.refs.orderId === mine.orderId)).toBe(true)
    expect(there.entries.every((e) => e.refs.orderId === theirs.orderId)).toBe(true)
    expect(there.world).toBe(other)
    // Each world numbers its own.
    expect(there.entries[0]?.seq).toBe(1)
    const object = await h.call('GET', `/api/console/objects/order/${theirs.orderId}`)
    expect(object.status).toBe(404)
    const unknown = await h.call('GET', '/api/console/timeline', {
      headers: { 'x-sim-world': 'wAAAAAAAAAAAAAAAAAAAAAA' },
    })
    expect(unknown.status).toBe(404)
    expect(ApiErrorSchema.parse(await unknown.json()).code).toBe('WORLD_NOT_FOUND')
    expect((await h.call('GET', '/api/console/events?world=nope')).status).toBe(404)
  })

  it('logs clock moves, fault changes and resets; a reset empties the log and comes first after it', async () => {
    const h = harness()
    await h.order()
    await h.json('POST', '/api/__test/clock', { body: { advanceMs: 60_000 } })
    await h.json('POST', '/api/__test/clock', { body: { frozen: true } })
    await h.json('POST', '/api/__test/faults', { body: { notify: 'drop' } })
    const before = await timeline(h)
    expect(typesOf(before.entries)).toEqual([
      'order.created',
      'clock.moved',
      'clock.frozen',
      'faults.changed',
    ])
    expect(before.entries[1]?.summary).toContain('1 min')
    expect(before.entries[3]?.detail).toMatchObject({ notify: 'drop' })
    await h.call('POST', '/api/__test/reset')
    await h.order()
    const after = await timeline(h)
    expect(typesOf(after.entries)).toEqual(['world.reset', 'order.created'])
    expect(after.entries[0]?.seq).toBe(5)
  })

  it('shows a wrong password and the lock that follows as password.failed', async () => {
    const h = harness()
    const order = await h.order()
    const payment = PaymentSchema.parse((await h.pay(order.id, 'alipay-balance')).body)
    for (let i = 0; i < 5; i++) {
      await h.json('POST', `/api/pay/payments/${payment.id}/confirm`, {
        body: { password: '000000' },
      })
    }
    const failed = (await timeline(h, {}, 'q=password')).entries
    expect(failed).toHaveLength(5)
    expect(failed.every((e) => e.type === 'password.failed' && e.refs.persona === 'shopper')).toBe(
      true,
    )
    expect(failed.at(-1)?.summary).toContain('locked until')
  })

  it('an object page: the order as the world holds it, any persona’s, with its whole story', async () => {
    const h = harness()
    const { orderId, paymentId } = await payByQr(h)
    const res = await h.call('GET', `/api/console/objects/order/${orderId}`, {
      headers: { 'x-sim-persona': 'low_balance' },
    })
    const order = ConsoleObjectSchema.parse(await res.json())
    expect(order.object).toMatchObject({ system: 'taobao', id: orderId, status: 'PAID' })
    expect(typesOf(order.entries)).toContain('delivery')
    const payment = ConsoleObjectSchema.parse(
      await (await h.call('GET', `/api/console/objects/payment/${paymentId}`)).json(),
    )
    expect(payment.object).toMatchObject({ status: 'SUCCESS', payer: 'friend' })
    const merchant = ConsoleObjectSchema.parse(
      await (
        await h.call('GET', `/api/console/objects/merchant/${h.worlds.default.wechatpay.mchid}`)
      ).json(),
    )
    expect(merchant.object).toMatchObject({ api: 'wechatpay', demo: true })
    expect(JSON.stringify(merchant.object)).not.toMatch(/PRIVATE KEY|apiV3Key/)
    for (const path of ['order/nope', 'refund/nope', 'merchant/123', 'planet/earth']) {
      const missing = await h.call('GET', `/api/console/objects/${path}`)
      expect(missing.status, path).toBe(404)
      expect(ApiErrorSchema.parse(await missing.json()).code).toBe('NOT_FOUND')
    }
  })

  it('exports the log as NDJSON and the merchant traffic as HAR 1.2', async () => {
    const h = harness()
    await payByQr(h)
    const ndjson = await h.call('GET', '/api/console/export.ndjson')
    expect(ndjson.headers.get('content-type')).toContain('application/x-ndjson')
    expect(ndjson.headers.get('content-disposition')).toContain('console-default.ndjson')
    const lines = (await ndjson.text()).trim().split('\n')
    expect(lines.map((line) => ConsoleEntrySchema.parse(JSON.parse(line)).seq)).toEqual([
      1, 2, 3, 4, 5, 6,
    ])
    const har = ConsoleHarSchema.parse(
      await (await h.call('GET', '/api/console/export.har')).json(),
    )
    expect(har.log.entries).toHaveLength(1)
    expect(har.log.entries[0]?.request).toMatchObject({ method: 'POST' })
    expect(har.log.entries[0]?.response.status).toBe(200)
  })
})

describe('the console stream', { timeout: 30_000 }, () => {
  it('replays what came after Last-Event-ID, then goes on live', async () => {
    const h = harness()
    await payByQr(h)
    const res = await h.call('GET', '/api/console/events?after=0', {
      headers: { 'last-event-id': '3' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const stream = frames(res)
    const replayed = await stream.entries(3)
    expect(replayed.map((e) => e.seq)).toEqual([4, 5, 6])
    const first = await h.order()
    const [live] = await stream.entries(1)
    expect(live).toMatchObject({ seq: 7, type: 'order.created', refs: { orderId: first.id } })
    await stream.cancel()
  })

  it('frames carry `id:` the seq and `event: entry`; ?after= starts after it', async () => {
    const h = harness()
    await h.order()
    await h.order()
    const stream = frames(await h.call('GET', '/api/console/events?after=1'))
    const frame = await stream.next()
    expect(frame).toMatchObject({ id: '2', event: 'entry' })
    await stream.cancel()
    expect((await h.call('HEAD', '/api/console/events')).status).toBe(200)
  })
})

describe('the log’s bounds', { timeout: 30_000 }, () => {
  it('keeps the last `limit` entries, numbered on', async () => {
    const h = harness({}, { console: { limit: 5 } })
    for (let i = 0; i < 8; i++) await h.order()
    const { entries, last } = await timeline(h)
    expect(last).toBe(8)
    expect(entries.map((e) => e.seq)).toEqual([4, 5, 6, 7, 8])
    expect(h.worlds.default.console.size).toBe(5)
    // A cursor from before the ring's start gets what is left.
    expect((await timeline(h, {}, 'after=1')).entries).toHaveLength(5)
  })
})

describe('with GATEWAY_TEST_API=off', { timeout: 30_000 }, () => {
  it('reads work and say actions: false; every action answers 404', async () => {
    const h = harness({ testApi: false })
    const order = await h.order()
    const read = await timeline(h)
    expect(read.actions).toBe(false)
    expect(typesOf(read.entries)).toEqual(['order.created'])
    expect((await h.call('GET', `/api/console/objects/order/${order.id}`)).status).toBe(200)
    const actions: [string, unknown][] = [
      [`/api/__test/orders/${order.id}/close`, undefined],
      [`/api/__test/orders/${order.id}/refund`, {}],
      ['/api/__test/notifications/x/resend', undefined],
      [
        `/api/__test/merchants/${h.worlds.default.wechatpay.mchid}/fail-next`,
        { code: 'SYSTEM_ERROR' },
      ],
      ['/api/__test/clock', { to: 'next-deadline' }],
    ]
    for (const [path, body] of actions) {
      const res = await h.json('POST', path, body === undefined ? {} : { body })
      expect(res.status, path).toBe(404)
      expect(res.body.code).toBe('NOT_FOUND')
    }
  })
})
