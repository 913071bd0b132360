import type {
  LiveFriendRequest,
  LiveOrder,
  LivePayment,
  OrderLiveEvent,
} from '../../contract/order-live.ts'
import type { Order } from '../../contract/order.ts'
import type { DomainEvent } from '../domain/events.ts'
import type { FriendRequestRecord, PaymentRecord, State } from '../domain/state.ts'
import type { StoreObserver } from './observer.ts'
import { checkoutView } from '../domain/merchant/checkouts.ts'

type Listener = (event: OrderLiveEvent) => void
/** An event before the log numbers it. */
type Unnumbered = OrderLiveEvent extends infer E
  ? E extends unknown
    ? Omit<E, 'id'>
    : never
  : never

export const liveOrder = (o: Order): LiveOrder => ({
  id: o.id,
  status: o.status,
  totalFen: o.totalFen,
  deadlineAt: o.deadlineAt,
  paidAt: o.paidAt,
  paidWith: o.paidWith,
  paymentId: o.paymentId,
  closedAt: o.closedAt,
})

export const livePayment = (p: PaymentRecord): LivePayment => ({
  id: p.id,
  method: p.method,
  status: p.status,
  amountFen: p.amountFen,
  payer: p.payer,
  paidAt: p.paidAt,
})

export const liveFriendRequest = (r: FriendRequestRecord): LiveFriendRequest => ({
  token: r.token,
  status: r.status,
  endReason: r.endReason,
  expiresAt: r.expiresAt,
})

/** A checkout as one "order" on its own stream: its status, what is left to pay, its deadline. */
function liveCheckout(state: State, checkoutId: string): LiveOrder | null {
  const view = checkoutView(state.merchant, checkoutId)
  if (!view) return null
  return {
    id: checkoutId,
    status: view.status,
    totalFen: view.totalFen,
    deadlineAt: view.deadlineAt,
    paidAt: view.paidAt,
    paidWith: view.paidWith,
    paymentId: view.paymentId,
    closedAt: view.closedAt,
  }
}

/** An order's view on the stream of `topic`: the order's own, or its checkout's. */
function orderOn(state: State, order: Order, topic: string): LiveOrder | null {
  return topic === order.id ? liveOrder(order) : liveCheckout(state, topic)
}

/** The topics of an order: its own stream, and its checkout's. */
const topicsOfOrder = (o: Order) => (o.checkoutId === o.id ? [o.id] : [o.id, o.checkoutId])
/** The topics of a payment or request: its checkout's stream and each of its orders'. */
const topicsOfTrade = (tradeId: string, orderIds: readonly string[] | undefined) => [
  ...new Set([tradeId, ...(orderIds ?? [])]),
]

type Topical = { orderId: string; event: Unnumbered }

function orderEvents(state: State, order: Order, at: string): Topical[] {
  return topicsOfOrder(order).flatMap((topic) => {
    const view = orderOn(state, order, topic)
    return view ? [{ orderId: topic, event: { type: 'order', at, order: view } as Unnumbered }] : []
  })
}

/**
 * What the watchers of each stream see of a domain event (after it applied): a stream is an order's
 * (its id) or a checkout's (its id: the order on it is the checkout as a whole).
 */
function toLive(event: DomainEvent, state: State): Topical[] {
  const { merchant, gateway } = state
  switch (event.type) {
    case 'order.created':
    case 'order.closed':
    case 'order.paid': {
      const id = event.type === 'order.created' ? event.order.id : event.orderId
      const order = merchant.orders.get(id)
      if (!order) return []
      return orderEvents(state, order, event.type === 'order.created' ? order.createdAt : event.at)
    }
    case 'order.refunded': {
      const order = merchant.orders.get(event.refund.orderId)
      return order ? orderEvents(state, order, event.refund.at) : []
    }
    case 'payment.created':
    case 'payment.opened':
    case 'payment.closed':
    case 'payment.succeeded':
    case 'payment.refunded': {
      const id = event.type === 'payment.created' ? event.payment.id : event.paymentId
      const payment = gateway.payments.get(id)
      if (!payment) return []
      const at = event.type === 'payment.created' ? payment.createdAt : event.at
      const live: Unnumbered = { type: 'payment', at, payment: livePayment(payment) }
      return topicsOfTrade(payment.orderId, payment.orderIds).map((orderId) => ({
        orderId,
        event: live,
      }))
    }
    case 'friend.requested':
    case 'friend.ended': {
      const token = event.type === 'friend.requested' ? event.request.token : event.token
      const request = gateway.friendRequests.get(token)
      if (!request) return []
      const at = event.type === 'friend.requested' ? request.createdAt : event.at
      const live: Unnumbered = {
        type: 'friend-request',
        at,
        friendRequest: liveFriendRequest(request),
      }
      return topicsOfTrade(request.orderId, request.orderIds).map((orderId) => ({
        orderId,
        event: live,
      }))
    }
    default:
      return []
  }
}

/** An order's live events since `base`: event `base + i + 1` is `events[i]`. */
interface OrderLog {
  base: number
  events: OrderLiveEvent[]
}

/**
 * Per-order logs of live events, derived from the journal's events (so a restart rebuilds the same
 * ids), and the streams listening to them. An order's events are numbered 1, 2, 3…: the SSE ids.
 * A snapshot keeps each order's count, not its events: after a restart from one, a reconnect that
 * missed events from before it gets a fresh snapshot of the order instead of a replay.
 */
export class LiveLog implements StoreObserver {
  #logs = new Map<string, OrderLog>()
  readonly #listeners = new Map<string, Set<Listener>>()
  readonly #resetListeners = new Set<() => void>()
  /** Events applied but not yet durable: listeners hear of them once they are (`committed`). */
  #undelivered: { orderId: string; event: OrderLiveEvent }[] = []
  readonly snapshotKey = 'live'

  applied(domainEvent: DomainEvent, state: State, replaying: boolean): void {
    for (const live of toLive(domainEvent, state)) this.#append(live, replaying)
  }

  #append(live: Topical, replaying: boolean): void {
    let log = this.#logs.get(live.orderId)
    if (!log) {
      log = { base: 0, events: [] }
      this.#logs.set(live.orderId, log)
    }
    const event = { ...live.event, id: log.base + log.events.length + 1 } as OrderLiveEvent
    log.events.push(event)
    if (!replaying && this.#listeners.has(live.orderId)) {
      this.#undelivered.push({ orderId: live.orderId, event })
    }
  }

  committed(): void {
    const due = this.#undelivered
    if (due.length === 0) return
    this.#undelivered = []
    for (const { orderId, event } of due) {
      const listeners = this.#listeners.get(orderId)
      if (listeners) for (const listener of listeners) listener(event)
    }
  }

  /** Also after a rollback: the streams end, and their clients reconnect to what is durable. */
  reset(): void {
    this.#logs.clear()
    this.#undelivered = []
    for (const listener of [...this.#resetListeners]) listener()
  }

  /** Each order's latest id. */
  save(): Map<string, number> {
    const counts = new Map<string, number>()
    for (const [orderId, log] of this.#logs) counts.set(orderId, log.base + log.events.length)
    return counts
  }

  restore(data: unknown): void {
    this.#logs = new Map()
    if (!(data instanceof Map)) return
    for (const [orderId, count] of data as Map<string, unknown>) {
      if (typeof orderId === 'string' && typeof count === 'number') {
        this.#logs.set(orderId, { base: count, events: [] })
      }
    }
  }

  /** The id of the order's latest event (0: none). */
  lastId(orderId: string): number {
    const log = this.#logs.get(orderId)
    return log ? log.base + log.events.length : 0
  }

  /** The events after `lastId`, or `null` when `lastId` is not one this log holds events after. */
  since(orderId: string, lastId: number): OrderLiveEvent[] | null {
    const log = this.#logs.get(orderId) ?? { base: 0, events: [] }
    const last = log.base + log.events.length
    if (!Number.isInteger(lastId) || lastId < Math.max(1, log.base) || lastId > last) return null
    return log.events.slice(lastId - log.base)
  }

  /** Everything about the order as it stands, numbered as its latest event. */
  snapshot(orderId: string, state: State, at: string): OrderLiveEvent | null {
    const own = state.merchant.orders.get(orderId)
    const order = own ? liveOrder(own) : liveCheckout(state, orderId)
    if (!order) return null
    const { gateway } = state
    // The gateway keeps them by the trade: the checkout's id.
    const tradeId = own ? own.checkoutId : orderId
    const payments = (gateway.paymentsByOrder.get(tradeId) ?? []).flatMap((id) => {
      const p = gateway.payments.get(id)
      return p && (p.orderIds ?? [p.orderId]).concat(p.orderId).includes(orderId)
        ? [livePayment(p)]
        : []
    })
    const friendRequests = (gateway.friendByOrder.get(tradeId) ?? []).flatMap((token) => {
      const r = gateway.friendRequests.get(token)
      return r && (r.orderIds ?? [r.orderId]).concat(r.orderId).includes(orderId)
        ? [liveFriendRequest(r)]
        : []
    })
    return {
      type: 'snapshot',
      id: this.lastId(orderId),
      at,
      order,
      payments,
      friendRequests,
    }
  }

  /** Calls `listener` with each new event of the order; `onReset` when the gateway resets. */
  subscribe(orderId: string, listener: Listener, onReset: () => void): () => void {
    let set = this.#listeners.get(orderId)
    if (!set) {
      set = new Set()
      this.#listeners.set(orderId, set)
    }
    set.add(listener)
    this.#resetListeners.add(onReset)
    return () => {
      set.delete(listener)
      if (set.size === 0 && this.#listeners.get(orderId) === set) this.#listeners.delete(orderId)
      this.#resetListeners.delete(onReset)
    }
  }
}
