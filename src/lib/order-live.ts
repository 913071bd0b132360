// First: zod configured for the browser before the schemas below parse (see the file).
import './zod-config.ts'
import { foldLiveEvent, OrderLiveEventSchema } from '@/contract/order-live.ts'
import type { LiveOrder, OrderLiveView } from '@/contract/order-live.ts'
import { CheckoutSchema } from '@/contract/order.ts'
import type { Checkout } from '@/contract/order.ts'
import { SIM_HEADERS, WORLD_HEADER, WORLD_QUERY } from '@/contract/headers.ts'
import { routePath } from '@/contract/routes.ts'
import { clockOfFrame } from './clock.ts'
import { fetchEventSource, type EventSourceLike } from './sse-fetch.ts'

/**
 * Live status of one order: the server's event stream (SSE), checked against the contract, folded into
 * a view; when the stream fails, polling `GET /api/shop/checkouts/:id` every second, and trying the stream
 * again a little later (resuming after the last event it had). No React here: see `order-watch.ts`.
 */

export type { EventSourceLike }

export interface LiveSource {
  /** `stream` while events flow; `poll` while the fallback polls. */
  mode: 'stream' | 'poll'
}

export interface SubscribeOptions {
  persona?: string
  era?: string
  appVersion?: string | null
  /** The world the order is in (null or none: the default world). */
  world?: string | null
  /** Polling period while the stream is down (ms). */
  pollMs?: number
  /** How long to poll before trying the stream again (ms). */
  resumeMs?: number
  /** The order no longer exists for this persona (a reset, another persona): updates stop. */
  onGone?: () => void
  /** The gateway's time (ISO) as the stream connects and whenever its test clock moves. */
  onClock?: (now: string) => void
  openStream?: (url: string) => EventSourceLike
  fetch?: typeof fetch
  base?: string
}

export const POLL_MS = 1000
export const RESUME_MS = 5000

/** The stream's URL; EventSource cannot send headers, so who is asking goes in the query. */
export function streamUrl(
  base: string,
  orderId: string,
  who: { persona?: string; era?: string; appVersion?: string | null; world?: string | null },
  lastEventId: number,
): string {
  const query = new URLSearchParams()
  if (who.persona) query.set('persona', who.persona)
  if (who.era) query.set('era', who.era)
  if (who.appVersion) query.set('appVersion', who.appVersion)
  if (who.world) query.set(WORLD_QUERY, who.world)
  if (lastEventId > 0) query.set('lastEventId', String(lastEventId))
  const qs = query.toString()
  return `${base}${routePath('orderEvents', { orderId })}${qs ? `?${qs}` : ''}`
}

export function liveOrderOf(order: LiveOrder): LiveOrder {
  const { id, status, totalFen, deadlineAt, paidAt, paidWith, paymentId, closedAt } = order
  return { id, status, totalFen, deadlineAt, paidAt, paidWith, paymentId, closedAt }
}

/**
 * What a poll of `GET /api/shop/checkouts/:id` says of the stream's subject: the order itself when the
 * stream is an order's, the checkout as a whole (as the stream shows it) when it is the checkout's.
 */
export function polledSubject(checkout: Checkout, id: string): LiveOrder {
  const own = checkout.orders.find((o) => o.id === id)
  return own ?? { ...checkout, id: checkout.checkoutId }
}

/** A polled order folded into the view (payments and requests stay as the stream last told them). */
export function foldPolledOrder(view: OrderLiveView | null, order: LiveOrder): OrderLiveView {
  const live = liveOrderOf(order)
  return view
    ? { ...view, order: live }
    : { order: live, payments: {}, friendRequests: {}, lastEventId: 0 }
}

function sameOrder(a: LiveOrder, b: LiveOrder): boolean {
  return (
    a.status === b.status &&
    a.paidAt === b.paidAt &&
    a.paymentId === b.paymentId &&
    a.closedAt === b.closedAt &&
    a.deadlineAt === b.deadlineAt
  )
}

/**
 * Calls `onChange` with the order's view whenever it changes, until the returned function is called.
 */
export function subscribe(
  orderId: string,
  onChange: (view: OrderLiveView, source: LiveSource) => void,
  options: SubscribeOptions = {},
): () => void {
  const base = options.base ?? '/api'
  const pollMs = options.pollMs ?? POLL_MS
  const resumeMs = options.resumeMs ?? RESUME_MS
  const doFetch =
    options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  // Read with fetch, not EventSource: the events one commit made arrive together and are drawn once
  // (sse-fetch.ts), and the shopper's frame does not wait for a render per event.
  const openStream = options.openStream ?? ((url: string) => fetchEventSource(url, doFetch))

  let view: OrderLiveView | null = null
  let stream: EventSourceLike | null = null
  let pollTimer: ReturnType<typeof setTimeout> | undefined
  let resumeTimer: ReturnType<typeof setTimeout> | undefined
  let stopped = false

  const publish = (next: OrderLiveView | null, mode: LiveSource['mode']) => {
    if (!next || next === view) return
    const changed =
      !view || view.lastEventId !== next.lastEventId || !sameOrder(view.order, next.order)
    view = next
    if (changed) onChange(next, { mode })
  }

  const stop = () => {
    stopped = true
    stream?.close()
    stream = null
    clearTimeout(pollTimer)
    clearTimeout(resumeTimer)
  }

  const connect = () => {
    if (stopped) return
    const source = openStream(streamUrl(base, orderId, options, view?.lastEventId ?? 0))
    stream = source
    source.onopen = () => {
      // Events flow again: the fallback can stop.
      clearTimeout(pollTimer)
      clearTimeout(resumeTimer)
      pollTimer = undefined
    }
    source.addEventListener?.('clock', (message) => {
      if (stopped || stream !== source) return
      const now = clockOfFrame(message.data)
      if (now) options.onClock?.(now)
    })
    source.onmessage = (message) => {
      if (stopped || stream !== source) return
      let data: unknown
      try {
        data = JSON.parse(message.data)
      } catch {
        return
      }
      const parsed = OrderLiveEventSchema.safeParse(data)
      if (!parsed.success) return
      // A snapshot is the state as of now: its time is the gateway's clock.
      if (parsed.data.type === 'snapshot') options.onClock?.(parsed.data.at)
      publish(foldLiveEvent(view, parsed.data), 'stream')
    }
    source.onerror = () => {
      if (stream !== source || stopped) return
      // The stream failed: stop it, poll, and try the stream again later.
      source.close()
      stream = null
      startPolling()
    }
  }

  const poll = async () => {
    if (stopped) return
    try {
      const headers: Record<string, string> = { accept: 'application/json' }
      if (options.persona) headers[SIM_HEADERS.persona] = options.persona
      if (options.era) headers[SIM_HEADERS.era] = options.era
      if (options.appVersion) headers[SIM_HEADERS.appVersion] = options.appVersion
      if (options.world) headers[WORLD_HEADER] = options.world
      // (By either id: an order's stream polls its order, a checkout's the checkout.)
      const path = routePath('getCheckout', { checkoutId: orderId })
      const res = await doFetch(`${base}${path}`, { headers })
      if (stopped) return
      // Gone (a reset), or another persona's (ORDER_OF_OTHER_PERSONA): nothing more to watch.
      if (res.status === 404 || res.status === 403) {
        stop()
        options.onGone?.()
        return
      }
      const parsed = CheckoutSchema.safeParse(await res.json())
      if (!stopped && parsed.success) {
        publish(foldPolledOrder(view, polledSubject(parsed.data, orderId)), 'poll')
      }
    } catch {
      // The network is down too: keep trying.
    }
    if (!stopped && stream === null) pollTimer = setTimeout(() => void poll(), pollMs)
  }

  const startPolling = () => {
    clearTimeout(pollTimer)
    clearTimeout(resumeTimer)
    void poll()
    resumeTimer = setTimeout(() => {
      clearTimeout(pollTimer)
      connect()
    }, resumeMs)
  }

  connect()
  return stop
}
