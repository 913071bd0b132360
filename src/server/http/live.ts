import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { OrderLiveEvent } from '../../contract/order-live.ts'
import { checkoutIdOf, ownerOf } from '../domain/merchant/checkouts.ts'
import { iso } from '../domain/result.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { fail } from './respond.ts'

/** The browser retries a dropped stream after this long (SSE `retry:`). */
export const RETRY_MS = 1000
/** A refused stream's `Retry-After`, in seconds. */
export const RETRY_AFTER_S = 5
/**
 * Events waiting for a reader that does not read: past this many the stream ends (the client resumes
 * with `Last-Event-ID` and gets them from the log), so a stalled reader never grows a queue.
 */
export const MAX_QUEUED_EVENTS = 1000
/** A write still pending after this many heartbeats: the reader has stalled, and the stream ends. */
export const STALL_HEARTBEATS = 2

/** What one kind of watcher may see of an order's events (the snapshot already cut to size). */
type Lens = (event: OrderLiveEvent) => OrderLiveEvent | null

/** One Server-Sent Event as its text (what hono's `writeSSE` writes, so several can go in one write). */
export function sseFrame(message: {
  event?: string
  data: string
  id?: string
  retry?: number
}): string {
  const lines = [
    message.event === undefined ? null : `event: ${message.event}`,
    ...message.data.split(/\r\n|\r|\n/).map((line) => `data: ${line}`),
    message.id === undefined ? null : `id: ${message.id}`,
    message.retry === undefined ? null : `retry: ${message.retry}`,
  ]
  return `${lines.filter((line) => line !== null).join('\n')}\n\n`
}

/** HEAD on a stream: the headers a GET would get, and nothing held (no listener, timer or queue). */
function headersOnly(c: Context<AppEnv>) {
  c.header('Content-Type', 'text/event-stream')
  c.header('Cache-Control', 'no-cache')
  return c.body(null, 200)
}

/**
 * An order's live events as Server-Sent Events. A fresh connection gets a snapshot first; one that says
 * `Last-Event-ID` (header, or `?lastEventId=` for a client that opens a new EventSource) gets exactly the
 * events after it. A comment line every `heartbeatMs` keeps idle connections open; a reset ends it.
 *
 * Each stream takes a lease on the caps (`deps.streams`): its listener and heartbeat are the lease's,
 * and every way it ends (the client goes, the socket fails, a reset, a reader that stalls, too many
 * unread events) closes the lease, which gives all of it back.
 */
function liveStream(deps: AppDeps, c: Context<AppEnv>, orderId: string, lens: Lens) {
  if (c.req.method === 'HEAD') return headersOnly(c)
  const { store, live, outbox, id: world } = c.get('world')
  // The caps count per order of a world: the same order id in two worlds is two orders.
  const lease = deps.streams.open(`${world}/${orderId}`)
  if ('code' in lease) {
    c.header('Retry-After', String(RETRY_AFTER_S))
    return fail(c, lease)
  }
  outbox.checkOrder(orderId)
  const lastId = Number(c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? NaN)

  return streamSSE(c, async (stream) => {
    /** Events to send, and moves of the test clock (`{ clock }`: the phones count down against it). */
    const queue: (OrderLiveEvent | { clock: string })[] = []
    let wake: (() => void) | null = null
    /** Writes on the wire, and since when the oldest of them has waited. */
    let writing = 0
    let writingSince = 0
    const nudge = () => {
      wake?.()
      wake = null
    }
    const close = () => lease.close()
    lease.onClose(() => {
      queue.length = 0
      nudge()
      // A write still waiting for the reader would hold the loop: abort unblocks it and ends the answer.
      if (writing > 0 && !stream.aborted) stream.abort()
    })
    stream.onAbort(close)
    const write = async (frame: () => Promise<unknown>) => {
      if (writing++ === 0) writingSince = Date.now()
      try {
        await frame()
      } finally {
        writing -= 1
      }
      // Hono swallows write errors: a failed write shows as an aborted or closed stream.
      if (stream.aborted || stream.closed) close()
    }
    let sent = 0
    /** The SSE text of an event for this watcher ('' when it is not new or not theirs). */
    const frameOf = (item: OrderLiveEvent | { clock: string } | null): string => {
      if (!item) return ''
      if ('clock' in item)
        return sseFrame({ event: 'clock', data: JSON.stringify({ now: item.clock }) })
      if (item.type !== 'snapshot' && item.id <= sent) return ''
      sent = item.id
      const seen = lens(item)
      return seen
        ? sseFrame({ data: JSON.stringify(seen), id: String(seen.id), retry: RETRY_MS })
        : ''
    }
    /**
     * What one commit made durable arrives together (a friend's payment is a payment, a request and an
     * order event): one write for all of it, so the page gets it in one read and draws it once, rather
     * than a write, a read and a render per event.
     */
    const sendAll = async (items: readonly (OrderLiveEvent | { clock: string } | null)[]) => {
      const text = items.map(frameOf).join('')
      if (text) await write(() => stream.write(text))
    }
    try {
      // Subscribe before reading the backlog: both happen in this one synchronous step, so nothing
      // can fall between them.
      lease.listen(
        live.subscribe(
          orderId,
          (event) => {
            if (queue.length >= MAX_QUEUED_EVENTS) return close()
            queue.push(event)
            nudge()
          },
          close,
        ),
      )
      lease.onClose(
        store.onClockMoved((now) => {
          queue.push({ clock: iso(now) })
          nudge()
        }),
      )
      const missed = live.since(orderId, lastId)
      const first = missed ?? [live.snapshot(orderId, store.state, iso(store.now()))]
      sent = Number.isInteger(lastId) && missed ? lastId : 0
      lease.heartbeat(() => {
        if (writing === 0) void write(() => stream.write(': heartbeat\n\n'))
        else if (Date.now() - writingSince >= STALL_HEARTBEATS * deps.heartbeatMs) close()
      }, deps.heartbeatMs)
      if (!lease.closed) await sendAll(first)
      while (!lease.closed) {
        if (queue.length > 0) await sendAll(queue.splice(0))
        else await new Promise<void>((resolve) => (wake = resolve))
      }
    } finally {
      close()
    }
  })
}

/**
 * `GET /api/shop/orders/:orderId/events`: everything about the order, for its owner; by a checkout's id,
 * the checkout as a whole (its status, what is left to pay) with its payments and requests.
 */
export function orderEvents(deps: AppDeps) {
  return (c: Context<AppEnv>) => {
    const orderId = c.req.param('orderId') ?? ''
    const { merchant } = c.get('world').store.state
    const checkoutId = checkoutIdOf(merchant, orderId)
    if (checkoutId === null || ownerOf(merchant, checkoutId) !== c.get('who').persona) {
      return fail(c, { code: 'ORDER_NOT_EXIST', message: `no order ${orderId}` })
    }
    return liveStream(deps, c, orderId, (event) => event)
  }
}

/**
 * `GET /api/pay/friend-requests/:token/events`: for the friend's page (the token is the key): the order's
 * status and this request's, never the shopper's payments or other requests.
 */
export function friendRequestEvents(deps: AppDeps) {
  return (c: Context<AppEnv>) => {
    const token = c.req.param('token') ?? ''
    const request = c.get('world').store.state.gateway.friendRequests.get(token)
    if (!request) return fail(c, { code: 'NOT_FOUND', message: 'no such request' })
    return liveStream(deps, c, request.orderId, (event) => {
      switch (event.type) {
        case 'snapshot':
          return {
            ...event,
            payments: [],
            friendRequests: event.friendRequests.filter((r) => r.token === token),
          }
        case 'order':
          return event
        case 'friend-request':
          return event.friendRequest.token === token ? event : null
        default:
          return null
      }
    })
  }
}
