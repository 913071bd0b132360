import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { foldLiveEvent } from '@/contract/order-live.ts'
import type { LiveOrder, OrderLiveEvent, OrderLiveView } from '@/contract/order-live.ts'
import type { Order, Checkout } from '@/contract/order.ts'
import { foldPolledOrder, liveOrderOf, streamUrl, subscribe } from './order-live.ts'
import type { EventSourceLike, LiveSource } from './order-live.ts'

const at = '2024-09-18T10:00:00.000Z'
const liveOrder = (status: LiveOrder['status'] = 'PENDING_PAYMENT'): LiveOrder => ({
  id: 'o1',
  status,
  totalFen: 365_80,
  deadlineAt: '2024-09-18T10:30:00.000Z',
  paidAt: status === 'PAID' ? at : null,
  paidWith: status === 'PAID' ? 'wechat-scan' : null,
  paymentId: status === 'PAID' ? 'p1' : null,
  closedAt: null,
})
const order = (status: Order['status']): Order => ({
  ...liveOrder(status === 'CLOSED' ? 'PENDING_PAYMENT' : status),
  status,
  checkoutId: 'o1',
  persona: 'shopper',
  lines: [],
  address: { id: 'a', name: 'n', phone: 'p', region: 'r', detail: 'd', isDefault: true },
  note: '',
  invoice: { kind: 'none' },
  itemsFen: 365_80,
  shopCouponFen: 0,
  crossStoreFen: 0,
  deliveryFen: 0,
  createdAt: at,
  closeReason: null,
  refundedFen: 0,
})
/** `GET /api/shop/checkouts/o1`, as the poll reads it: a one-shop checkout of the order. */
const checkoutOf = (o: Order): Checkout => ({
  ...o,
  checkoutId: o.id,
  orderIds: [o.id],
  orders: [o],
  title: 't',
  itemCount: 1,
})
const snapshot = (id: number, status: LiveOrder['status'] = 'PENDING_PAYMENT'): OrderLiveEvent => ({
  type: 'snapshot',
  id,
  at,
  order: liveOrder(status),
  payments: [],
  friendRequests: [],
})
const paymentEvent = (id: number, status: 'NOTPAY' | 'SUCCESS'): OrderLiveEvent => ({
  type: 'payment',
  id,
  at,
  payment: {
    id: 'p1',
    method: 'wechat-scan',
    status,
    amountFen: 365_80,
    payer: null,
    paidAt: null,
  },
})
const orderEvent = (id: number, status: LiveOrder['status']): OrderLiveEvent => ({
  type: 'order',
  id,
  at,
  order: liveOrder(status),
})

describe('the pure parts', () => {
  it('folds events: a snapshot starts the view, later events update it, stale ones are ignored', () => {
    let view = foldLiveEvent(null, paymentEvent(1, 'NOTPAY'))
    expect(view).toBeNull() // nothing to attach a payment to before the snapshot
    view = foldLiveEvent(null, snapshot(2))
    view = foldLiveEvent(view, paymentEvent(3, 'NOTPAY'))
    view = foldLiveEvent(view, paymentEvent(4, 'SUCCESS'))
    const before = view
    expect(foldLiveEvent(view, paymentEvent(3, 'NOTPAY'))).toBe(before)
    view = foldLiveEvent(view, orderEvent(5, 'PAID'))
    expect(view).toMatchObject({
      lastEventId: 5,
      order: { status: 'PAID' },
      payments: { p1: { status: 'SUCCESS' } },
    })
  })

  it('builds the stream URL with who is asking and where to resume', () => {
    expect(streamUrl('/api', 'o 1', {}, 0)).toBe('/api/shop/orders/o%201/events')
    expect(
      streamUrl('/api', 'o1', { persona: 'friend', era: 'launch', appVersion: '10.40.0' }, 7),
    ).toBe('/api/shop/orders/o1/events?persona=friend&era=launch&appVersion=10.40.0&lastEventId=7')
  })

  it('folds a polled order in, keeping what the stream said of payments', () => {
    const streamed = foldLiveEvent(
      foldLiveEvent(null, snapshot(1)),
      paymentEvent(2, 'SUCCESS'),
    ) as OrderLiveView
    const polled = foldPolledOrder(streamed, order('PAID'))
    expect(polled).toMatchObject({
      lastEventId: 2,
      order: { status: 'PAID' },
      payments: { p1: { status: 'SUCCESS' } },
    })
    expect(foldPolledOrder(null, order('PENDING_PAYMENT'))).toMatchObject({
      lastEventId: 0,
      payments: {},
    })
    expect(liveOrderOf(order('PAID'))).toEqual(liveOrder('PAID'))
  })
})

class FakeStream implements EventSourceLike {
  onopen: EventSourceLike['onopen'] = null
  onmessage: EventSourceLike['onmessage'] = null
  onerror: EventSourceLike['onerror'] = null
  closed = false
  constructor(readonly url: string) {}
  close() {
    this.closed = true
  }
  open() {
    this.onopen?.(new Event('open'))
  }
  send(event: OrderLiveEvent | string) {
    const data = typeof event === 'string' ? event : JSON.stringify(event)
    this.onmessage?.({ data } as MessageEvent<string>)
  }
  fail() {
    this.onerror?.(new Event('error'))
  }
  readonly clockListeners: ((event: MessageEvent<string>) => void)[] = []
  addEventListener(_type: 'clock', listener: (event: MessageEvent<string>) => void) {
    this.clockListeners.push(listener)
  }
  clock(data: string) {
    for (const listener of this.clockListeners) listener({ data } as MessageEvent<string>)
  }
}

describe('subscribe', () => {
  let streams: FakeStream[]
  let polled: Order['status'] | 404
  let fetches: string[]
  let seen: [OrderLiveView, LiveSource][]
  const start = () =>
    subscribe('o1', (view, source) => seen.push([view, source]), {
      persona: 'shopper',
      openStream: (url) => {
        const s = new FakeStream(url)
        streams.push(s)
        return s
      },
      fetch: (async (url: string, init?: RequestInit) => {
        fetches.push(`${url} ${JSON.stringify(init?.headers)}`)
        if (polled === 404)
          return new Response('{"code":"ORDER_NOT_EXIST","message":"x"}', { status: 404 })
        return new Response(JSON.stringify(checkoutOf(order(polled))), { status: 200 })
      }) as typeof fetch,
    })

  beforeEach(() => {
    vi.useFakeTimers()
    streams = []
    polled = 'PENDING_PAYMENT'
    fetches = []
    seen = []
  })
  afterEach(() => vi.useRealTimers())

  it('streams: validates each event with the contract and reports changes only', () => {
    const stop = start()
    const s = streams[0] as FakeStream
    expect(s.url).toBe('/api/shop/orders/o1/events?persona=shopper')
    s.open()
    s.send(snapshot(1))
    s.send('not json')
    s.send(JSON.stringify({ type: 'payment', id: 2 })) // breaks the contract: ignored
    s.send(paymentEvent(2, 'NOTPAY'))
    s.send(paymentEvent(2, 'NOTPAY')) // a repeat: no change
    s.send(orderEvent(3, 'PAID'))
    expect(seen.map(([v, src]) => [v.lastEventId, v.order.status, src.mode])).toEqual([
      [1, 'PENDING_PAYMENT', 'stream'],
      [2, 'PENDING_PAYMENT', 'stream'],
      [3, 'PAID', 'stream'],
    ])
    stop()
    expect(s.closed).toBe(true)
    s.send(orderEvent(4, 'REFUNDED'))
    expect(seen).toHaveLength(3)
  })

  it('falls back to polling every second when the stream fails, then resumes the stream where it left off', async () => {
    start()
    const first = streams[0] as FakeStream
    first.open()
    first.send(snapshot(4))
    first.fail()
    expect(first.closed).toBe(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(fetches).toHaveLength(1)
    expect(fetches[0]).toContain('"x-sim-persona":"shopper"')
    polled = 'PAID'
    await vi.advanceTimersByTimeAsync(1000)
    expect(fetches).toHaveLength(2)
    expect(seen.at(-1)?.[0].order.status).toBe('PAID')
    expect(seen.at(-1)?.[1].mode).toBe('poll')
    await vi.advanceTimersByTimeAsync(4000) // five seconds of polling: try the stream again
    const second = streams[1] as FakeStream
    expect(second.url).toBe('/api/shop/orders/o1/events?persona=shopper&lastEventId=4')
    second.open()
    const polls = fetches.length
    await vi.advanceTimersByTimeAsync(3000)
    expect(fetches).toHaveLength(polls) // the stream is back: no more polling
    second.send(paymentEvent(5, 'SUCCESS'))
    expect(seen.at(-1)?.[0]).toMatchObject({
      lastEventId: 5,
      payments: { p1: { status: 'SUCCESS' } },
    })
  })

  it('keeps polling when the stream never works, and stops when the order is gone', async () => {
    const gone = vi.fn()
    const stop = subscribe('o1', () => {}, {
      openStream: (url) => {
        const s = new FakeStream(url)
        streams.push(s)
        queueMicrotask(() => s.fail())
        return s
      },
      fetch: (async () =>
        polled === 404
          ? new Response('{}', { status: 404 })
          : new Response(
              JSON.stringify(checkoutOf(order('PENDING_PAYMENT'))),
            )) as unknown as typeof fetch,
      onGone: gone,
    })
    await vi.advanceTimersByTimeAsync(12_000)
    expect(streams.length).toBeGreaterThanOrEqual(3)
    polled = 404
    await vi.advanceTimersByTimeAsync(6000)
    expect(gone).toHaveBeenCalledTimes(1)
    const count = streams.length
    await vi.advanceTimersByTimeAsync(20_000)
    expect(streams).toHaveLength(count)
    stop()
  })

  it('passes on the gateway clock: the snapshot time, then each clock frame; bad frames are ignored', () => {
    const clocks: string[] = []
    const stop = subscribe('o1', () => undefined, {
      openStream: (url) => {
        const s = new FakeStream(url)
        streams.push(s)
        return s
      },
      onClock: (now) => clocks.push(now),
    })
    const s = streams[0] as FakeStream
    s.open()
    s.send(snapshot(1))
    s.clock(JSON.stringify({ now: '2024-09-18T10:20:00.000Z' }))
    s.clock('not json')
    s.clock(JSON.stringify({ now: 5 }))
    expect(clocks).toEqual([at, '2024-09-18T10:20:00.000Z'])
    stop()
  })
})
