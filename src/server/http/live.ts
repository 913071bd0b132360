import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { OrderLiveEvent } from '../../contract/order-live.ts'
import { findOrder } from '../domain/merchant/orders.ts'
import { iso } from '../domain/result.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { fail } from './respond.ts'

/** The browser retries a dropped stream after this long (SSE `retry:`). */
const RETRY_MS = 1000

/** What one kind of watcher may see of an order's events (the snapshot already cut to size). */
type Lens = (event: OrderLiveEvent) => OrderLiveEvent | null

/**
 * An order's live events as Server-Sent Events. A fresh connection gets a snapshot first; one that says
 * `Last-Event-ID` (header, or `?lastEventId=` for a client that opens a new EventSource) gets exactly the
 * events after it. A comment line every `heartbeatMs` keeps idle connections open; a reset ends it.
 */
function liveStream(deps: AppDeps, c: Context<AppEnv>, orderId: string, lens: Lens) {
  const { store, live, outbox } = deps
  outbox.checkOrder(orderId)
  const lastId = Number(c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? NaN)

  return streamSSE(c, async (stream) => {
    const queue: OrderLiveEvent[] = []
    let wake: (() => void) | null = null
    let ended = false
    const nudge = () => {
      wake?.()
      wake = null
    }
    const end = () => {
      ended = true
      nudge()
    }
    // Subscribe before reading the backlog: both happen in this one synchronous step, so nothing
    // can fall between them.
    const unsubscribe = live.subscribe(
      orderId,
      (event) => {
        queue.push(event)
        nudge()
      },
      end,
    )
    const missed = live.since(orderId, lastId)
    const first = missed ?? [live.snapshot(orderId, store.state, iso(store.now()))]
    const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), deps.heartbeatMs)
    stream.onAbort(end)
    let sent = Number.isInteger(lastId) && missed ? lastId : 0
    const send = async (event: OrderLiveEvent | null) => {
      if (!event || (event.type !== 'snapshot' && event.id <= sent)) return
      sent = event.id
      const seen = lens(event)
      if (seen)
        await stream.writeSSE({ data: JSON.stringify(seen), id: String(seen.id), retry: RETRY_MS })
    }
    try {
      for (const event of first) await send(event)
      while (!ended) {
        const next = queue.shift()
        if (next) await send(next)
        else await new Promise<void>((resolve) => (wake = resolve))
      }
    } finally {
      clearInterval(heartbeat)
      unsubscribe()
    }
  })
}

/** `GET /api/shop/orders/:orderId/events`: everything about the order, for its owner. */
export function orderEvents(deps: AppDeps) {
  return (c: Context<AppEnv>) => {
    const orderId = c.req.param('orderId') ?? ''
    const found = findOrder(deps.store.state.merchant, c.get('who').persona, orderId)
    if (!found.ok) return fail(c, found.error)
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
    const request = deps.store.state.gateway.friendRequests.get(token)
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
