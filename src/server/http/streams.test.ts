import { describe, expect, it, vi } from 'vitest'
import { ApiErrorSchema } from '../../contract/errors.ts'
import { FriendRequestSchema } from '../../contract/friend-pay.ts'
import { DEFAULT_STREAM_LIMITS, StreamRegistry, streamLimitsFromEnv } from './streams.ts'
import { harness } from './testing.ts'
import type { Harness } from './testing.ts'

const idle = { open: 0, orders: 0, listeners: 0, heartbeats: 0 }

/** Until `check` holds (the streams' ends run on later turns), or a timeout. */
async function eventually(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function friendToken(h: Harness, orderId: string): Promise<string> {
  const res = await h.json('POST', '/api/pay/friend-requests', {
    body: { orderId },
    headers: { 'idempotency-key': h.newKey() },
  })
  return FriendRequestSchema.parse(res.body).token
}

/** Opens a stream and reads its first frame (the snapshot): it is open and counted then. */
async function openStream(h: Harness, path: string) {
  const res = await h.call('GET', path)
  expect(res.status).toBe(200)
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  const first = await reader.read()
  expect(first.done).toBe(false)
  return reader
}

describe('event streams: HEAD, caps, and every way a stream ends', () => {
  it('HEAD answers the headers only and holds nothing, on both streams', async () => {
    const h = harness()
    const order = await h.order()
    const token = await friendToken(h, order.id)
    const subscribe = vi.spyOn(h.live, 'subscribe')
    for (const path of [
      `/api/shop/orders/${order.id}/events`,
      `/api/pay/friend-requests/${token}/events`,
    ]) {
      for (let i = 0; i < 50; i++) {
        const res = await h.call('HEAD', path)
        expect(res.status).toBe(200)
        expect(res.headers.get('content-type')).toContain('text/event-stream')
        expect(res.headers.get('cache-control')).toBe('no-cache')
        expect(await res.text()).toBe('')
      }
    }
    expect(h.streams.stats).toEqual(idle)
    // No listener was ever added to the live log.
    expect(subscribe).not.toHaveBeenCalled()
    // What a GET would refuse, HEAD refuses too (without a body).
    expect((await h.call('HEAD', '/api/shop/orders/123/events')).status).toBe(404)
    expect((await h.call('HEAD', '/api/pay/friend-requests/nope/events')).status).toBe(404)
    // Writes on the order are not slowed by HEADs that never went away: nothing listens.
    await h.pay(order.id, 'alipay-balance')
    expect(h.streams.stats).toEqual(idle)
  })

  it('caps open streams per order and per process: 429 TOO_MANY_STREAMS with Retry-After', async () => {
    const streams = new StreamRegistry({ perOrder: 2, perProcess: 3 })
    const h = harness({ streams })
    const a = await h.order()
    const b = await h.order()
    const friendOfA = await friendToken(h, a.id)
    const first = await openStream(h, `/api/shop/orders/${a.id}/events`)
    // The friend's page watches the same order: it counts against it.
    const friend = await openStream(h, `/api/pay/friend-requests/${friendOfA}/events`)
    expect(streams.openOn(`default/${a.id}`)).toBe(2)
    for (const path of [
      `/api/shop/orders/${a.id}/events`,
      `/api/pay/friend-requests/${friendOfA}/events`,
    ]) {
      const refused = await h.call('GET', path)
      expect(refused.status).toBe(429)
      expect(refused.headers.get('retry-after')).toBe('5')
      const body = ApiErrorSchema.parse(await refused.json())
      expect(body.code).toBe('TOO_MANY_STREAMS')
      expect(body.message).toMatch(/this order has 2 event streams open/)
    }
    // Another order has room, until the process is full.
    const onB = await openStream(h, `/api/shop/orders/${b.id}/events`)
    const full = await h.call('GET', `/api/shop/orders/${b.id}/events`)
    expect(full.status).toBe(429)
    expect(ApiErrorSchema.parse(await full.json()).message).toMatch(
      /this server has 3 event streams/,
    )
    // HEAD is never refused: it holds nothing.
    expect((await h.call('HEAD', `/api/shop/orders/${b.id}/events`)).status).toBe(200)
    expect(streams.stats).toEqual({ open: 3, orders: 2, listeners: 3, heartbeats: 3 })
    // A stream that goes gives its place back.
    await first.cancel()
    await eventually(() => streams.openOn(`default/${a.id}`) === 1)
    const again = await openStream(h, `/api/shop/orders/${a.id}/events`)
    for (const reader of [again, friend, onB]) await reader.cancel()
    await eventually(() => streams.stats.open === 0)
    expect(streams.stats).toEqual(idle)
  })

  it('frees everything when the client goes, when the gateway resets, and when the reader stalls', async () => {
    // Heartbeats every 20 ms, so a stalled reader is found within a test's time.
    const h = harness({ heartbeatMs: 20 })
    const order = await h.order()
    const token = await friendToken(h, order.id)
    const paths = [
      `/api/shop/orders/${order.id}/events`,
      `/api/pay/friend-requests/${token}/events`,
    ]

    // The client goes (the body is cancelled, as the node adapter does when the socket closes).
    for (const path of paths) await (await openStream(h, path)).cancel()
    await eventually(() => h.streams.stats.open === 0)
    expect(h.streams.stats).toEqual(idle)

    // The gateway resets: every stream ends, and what it held is freed.
    const readers = await Promise.all([...paths, ...paths].map((path) => openStream(h, path)))
    expect(h.streams.stats.open).toBe(4)
    await h.json('POST', '/api/__test/reset')
    for (const reader of readers) {
      for (;;) if ((await reader.read()).done) break
    }
    await eventually(() => h.streams.stats.open === 0)
    expect(h.streams.stats).toEqual(idle)

    // A reader that never reads: the first frame fills the pipe, the next write waits; two heartbeats
    // later the stream gives up, its answer ends, and nothing is held.
    const h2 = harness({ heartbeatMs: 20 })
    const again = await h2.order()
    const stalled = await h2.call('GET', `/api/shop/orders/${again.id}/events`)
    expect(stalled.status).toBe(200)
    expect(h2.streams.stats.open).toBe(1)
    await h2.pay(again.id, 'alipay-balance')
    await h2.pay(again.id, 'huabei', { huabeiPeriods: 3 })
    await eventually(() => h2.streams.stats.open === 0)
    expect(h2.streams.stats).toEqual(idle)
    void stalled.body?.cancel()
  })

  it('takes its caps from GATEWAY_STREAMS_PER_ORDER and GATEWAY_STREAMS_MAX, defaults 32 and 1000', () => {
    expect(DEFAULT_STREAM_LIMITS).toEqual({ perOrder: 32, perProcess: 1000 })
    expect(streamLimitsFromEnv({})).toEqual(DEFAULT_STREAM_LIMITS)
    expect(streamLimitsFromEnv({ GATEWAY_STREAMS_PER_ORDER: '', GATEWAY_STREAMS_MAX: '' })).toEqual(
      DEFAULT_STREAM_LIMITS,
    )
    expect(
      streamLimitsFromEnv({ GATEWAY_STREAMS_PER_ORDER: '4', GATEWAY_STREAMS_MAX: '50' }),
    ).toEqual({ perOrder: 4, perProcess: 50 })
    for (const bad of ['0', '-1', '2.5', 'many', '9999999']) {
      expect(() => streamLimitsFromEnv({ GATEWAY_STREAMS_MAX: bad })).toThrow(/GATEWAY_STREAMS_MAX/)
    }
    expect(() => streamLimitsFromEnv({ GATEWAY_STREAMS_PER_ORDER: 'x' })).toThrow(
      /GATEWAY_STREAMS_PER_ORDER/,
    )
  })
})
