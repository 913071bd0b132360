import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OrderLiveEventSchema } from '../../contract/order-live.ts'
import type { OrderLiveEvent } from '../../contract/order-live.ts'
import { PaymentSchema } from '../../contract/payment.ts'
import { harness } from './testing.ts'
import type { Harness } from './testing.ts'

interface Frame {
  id?: string
  data?: string
  comment?: string
  event?: string
}

/** Reads Server-Sent Events frames off a response body. */
function sse(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const frames: Frame[] = []
  async function next(timeoutMs = 5000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const frame: Frame = {}
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) frame.comment = line.slice(1).trim()
          else if (line.startsWith('id: ')) frame.id = line.slice(4)
          else if (line.startsWith('event: ')) frame.event = line.slice(7)
          else if (line.startsWith('data: ')) frame.data = (frame.data ?? '') + line.slice(6)
        }
        frames.push(frame)
        return frame
      }
      const left = deadline - Date.now()
      if (left <= 0)
        throw new Error(`no SSE frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`)
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, fail) =>
          setTimeout(() => fail(new Error('SSE read timed out')), left),
        ),
      ])
      if (chunk.done) throw new Error('the stream ended')
      buffer += decoder.decode(chunk.value, { stream: true })
    }
  }
  async function event(): Promise<OrderLiveEvent> {
    for (;;) {
      const frame = await next()
      // Named frames (`clock`) are not the order's events.
      if (frame.data && !frame.event) {
        const parsed = OrderLiveEventSchema.parse(JSON.parse(frame.data))
        expect(frame.id).toBe(String(parsed.id))
        return parsed
      }
    }
  }
  async function ended(): Promise<boolean> {
    for (;;) {
      const chunk = await reader.read()
      if (chunk.done) return true
    }
  }
  return { next, event, ended, close: () => reader.cancel() }
}

async function open(h: Harness, orderId: string, headers: Record<string, string> = {}, query = '') {
  const res = await h.call('GET', `/api/shop/orders/${orderId}/events${query}`, { headers })
  return res
}

/** The shopper asks a friend to pay the order: the request's token. */
async function askFriend(h: Harness, orderId: string): Promise<string> {
  const asked = await h.json('POST', '/api/pay/friend-requests', {
    body: { orderId },
    headers: { 'idempotency-key': h.newKey() },
  })
  return String(asked.body.token)
}

async function payByScan(h: Harness, orderId: string) {
  const payment = PaymentSchema.parse((await h.pay(orderId, 'wechat-scan')).body)
  await h.json('POST', `/api/pay/sheets/${payment.payToken}/open`, { headers: h.as('friend') })
  await h.json('POST', `/api/pay/sheets/${payment.payToken}/confirm`, {
    body: { password: '123456' },
    headers: h.as('friend'),
  })
  h.settle()
  return payment
}

describe('GET /api/shop/orders/:orderId/events (SSE)', () => {
  it('starts with a snapshot, then streams every change with increasing ids', async () => {
    const h = harness()
    const order = await h.order()
    await askFriend(h, order.id)
    const res = await open(h, order.id)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const stream = sse(res)
    const snapshot = await stream.event()
    expect(snapshot).toMatchObject({
      type: 'snapshot',
      id: 2,
      order: { id: order.id, status: 'PENDING_PAYMENT', totalFen: order.totalFen },
      payments: [],
      friendRequests: [expect.objectContaining({ status: 'OPEN' })],
    })
    const payment = await payByScan(h, order.id)
    const seen: OrderLiveEvent[] = []
    for (let i = 0; i < 5; i++) seen.push(await stream.event())
    expect(seen.map((e) => e.id)).toEqual([3, 4, 5, 6, 7])
    expect(
      seen.map((e) =>
        e.type === 'payment'
          ? `payment ${e.payment.status}`
          : e.type === 'order'
            ? `order ${e.order.status}`
            : e.type === 'friend-request'
              ? `request ${e.friendRequest.status}`
              : e.type,
      ),
    ).toEqual([
      'payment NOTPAY',
      'payment USERPAYING',
      'payment SUCCESS',
      'request CANCELLED',
      'order PAID',
    ])
    expect(seen[2]).toMatchObject({ payment: { id: payment.id, payer: 'friend' } })
    await stream.close()
  })

  it('replays exactly what a reconnect missed (Last-Event-ID), header or query', async () => {
    const h = harness()
    const order = await h.order()
    await payByScan(h, order.id)
    const fromHeader = sse(await open(h, order.id, { 'last-event-id': '2' }))
    const replayed = [await fromHeader.event(), await fromHeader.event(), await fromHeader.event()]
    expect(replayed.map((e) => [e.id, e.type])).toEqual([
      [3, 'payment'],
      [4, 'payment'],
      [5, 'order'],
    ])
    await fromHeader.close()
    const fromQuery = sse(await open(h, order.id, {}, '?lastEventId=4'))
    expect(await fromQuery.event()).toMatchObject({
      id: 5,
      type: 'order',
      order: { status: 'PAID' },
    })
    await fromQuery.close()
    // An id this log never gave out (say, from before a reset) gets a fresh snapshot.
    const unknown = sse(await open(h, order.id, { 'last-event-id': '99' }))
    expect(await unknown.event()).toMatchObject({
      type: 'snapshot',
      id: 5,
      order: { status: 'PAID' },
    })
    await unknown.close()
  })

  it("is the owner's: another persona gets ORDER_NOT_EXIST; EventSource can say the persona in the query", async () => {
    const h = harness()
    const order = await h.order('low_balance')
    const denied = await open(h, order.id)
    expect(denied.status).toBe(404)
    expect(await denied.json()).toMatchObject({ code: 'ORDER_NOT_EXIST' })
    const viaQuery = sse(await open(h, order.id, {}, '?persona=low_balance'))
    expect(await viaQuery.event()).toMatchObject({ type: 'snapshot' })
    await viaQuery.close()
  })

  it('sends a heartbeat comment while idle', async () => {
    const h = harness({ heartbeatMs: 20 })
    const order = await h.order()
    const stream = sse(await open(h, order.id))
    await stream.event()
    expect(await stream.next()).toEqual({ comment: 'heartbeat' })
    await stream.close()
  })

  it('shows the deadline closing the order, and ends when the gateway resets', async () => {
    const h = harness()
    const order = await h.order()
    const stream = sse(await open(h, order.id))
    await stream.event()
    await h.json('POST', '/api/__test/clock', { body: { advanceMs: 30 * 60_000 } })
    expect(await stream.event()).toMatchObject({ type: 'order', order: { status: 'CLOSED' } })
    await h.json('POST', '/api/__test/reset')
    expect(await stream.ended()).toBe(true)
  })

  it('tells the phone each move of the test clock at once, as a named clock frame', async () => {
    const h = harness()
    const order = await h.order()
    const stream = sse(await open(h, order.id))
    const snapshot = await stream.event()
    expect(snapshot.at).toBe(new Date(h.clock.now).toISOString())
    await h.json('POST', '/api/__test/clock', { body: { advanceMs: 20 * 60_000 } })
    let frame = await stream.next()
    while (frame.comment) frame = await stream.next()
    expect(frame).toEqual({
      event: 'clock',
      data: JSON.stringify({ now: new Date(h.clock.now + 20 * 60_000).toISOString() }),
    })
    await stream.close()
  })

  it('numbers events the same after a restart, so a reconnect to the new process still replays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-live-'))
    try {
      const before = harness({}, { data: dir })
      const order = await before.order()
      await payByScan(before, order.id)
      await before.store.durable()
      const lastBefore = before.live.lastId(order.id)
      before.store.close()
      const after = harness({}, { data: dir })
      expect(after.live.lastId(order.id)).toBe(lastBefore)
      const stream = sse(await open(after, order.id, { 'last-event-id': '3' }))
      expect(await stream.event()).toMatchObject({ id: 4 })
      await stream.close()
      after.store.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('gives the friend their own stream: the order and their request, none of the shopper’s payments', async () => {
    const h = harness()
    const order = await h.order()
    const token = await askFriend(h, order.id)
    const res = await h.call('GET', `/api/pay/friend-requests/${token}/events`, {
      headers: h.as('friend'),
    })
    expect(res.status).toBe(200)
    const stream = sse(res)
    expect(await stream.event()).toMatchObject({
      type: 'snapshot',
      payments: [],
      friendRequests: [{ token, status: 'OPEN' }],
    })
    await payByScan(h, order.id) // the shopper pays another way
    const seen = [await stream.event(), await stream.event()]
    expect(seen.map((e) => e.type)).toEqual(['friend-request', 'order'])
    expect(seen[0]).toMatchObject({
      friendRequest: { status: 'CANCELLED', endReason: 'ORDERPAID' },
    })
    expect(seen[1]).toMatchObject({ order: { status: 'PAID' } })
    await stream.close()
    expect((await h.call('GET', '/api/pay/friend-requests/nope/events')).status).toBe(404)
  })
})

describe('GET /api/shop/orders/:orderId/events: one commit, one write', () => {
  it("sends what a friend's payment made durable in one chunk, so the page reads and draws it once", async () => {
    const h = harness()
    const order = await h.order()
    const token = await askFriend(h, order.id)
    const res = await open(h, order.id)
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const decoder = new TextDecoder()
    const first = decoder.decode((await reader.read()).value)
    expect(first).toContain('"type":"snapshot"')
    const paid = await h.json('POST', `/api/pay/friend-requests/${token}/pay`, {
      body: { password: '123456', source: 'wechat-balance' },
      headers: h.as('friend'),
    })
    expect(paid.status).toBe(200)
    const chunk = decoder.decode((await reader.read()).value)
    const events = chunk
      .split('\n\n')
      .filter((block) => block.startsWith('data: '))
      .map((block) => OrderLiveEventSchema.parse(JSON.parse(block.split('\n')[0]?.slice(6) ?? '')))
    expect(chunk.endsWith('\n\n')).toBe(true)
    const firstId = events[0]?.id ?? 0
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => firstId + i))
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'payment',
        payment: expect.objectContaining({ status: 'SUCCESS' }),
      }),
    )
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'friend-request',
        friendRequest: expect.objectContaining({ token, status: 'PAID' }),
      }),
    )
    await reader.cancel()
  })
})
