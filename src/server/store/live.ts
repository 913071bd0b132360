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

/** The order a domain event is about, and what the order's watchers see of it (after it applied). */
function toLive(event: DomainEvent, state: State): { orderId: string; event: Unnumbered } | null {
  const { merchant, gateway } = state
  switch (event.type) {
    case 'order.created':
    case 'order.closed':
    case 'order.paid': {
      const id = event.type === 'order.created' ? event.order.id : event.orderId
      const order = merchant.orders.get(id)
      if (!order) return null
      const at = event.type === 'order.created' ? order.createdAt : event.at
      return { orderId: id, event: { type: 'order', at, order: liveOrder(order) } }
    }
    case 'order.refunded': {
      const order = merchant.orders.get(event.refund.orderId)
      if (!order) return null
      return {
        orderId: order.id,
        event: { type: 'order', at: event.refund.at, order: liveOrder(order) },
      }
    }
    case 'payment.created':
    case 'payment.opened':
    case 'payment.closed':
    case 'payment.succeeded':
    case 'payment.refunded': {
      const id = event.type === 'payment.created' ? event.payment.id : event.paymentId
      const payment = gateway.payments.get(id)
      if (!payment) return null
      const at = event.type === 'payment.created' ? payment.createdAt : event.at
      return {
        orderId: payment.orderId,
        event: { type: 'payment', at, payment: livePayment(payment) },
      }
    }
    case 'friend.requested':
    case 'friend.ended': {
      const token = event.type === 'friend.requested' ? event.request.token : event.token
      const request = gateway.friendRequests.get(token)
      if (!request) return null
      const at = event.type === 'friend.requested' ? request.createdAt : event.at
      return {
        orderId: request.orderId,
        event: { type: 'friend-request', at, friendRequest: liveFriendRequest(request) },
      }
    }
    default:
      return null
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
    const live = toLive(domainEvent, state)
    if (!live) return
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
    const order = state.merchant.orders.get(orderId)
    if (!order) return null
    const { gateway } = state
    const payments = (gateway.paymentsByOrder.get(orderId) ?? []).flatMap((id) => {
      const p = gateway.payments.get(id)
      return p ? [livePayment(p)] : []
    })
    const friendRequests = (gateway.friendByOrder.get(orderId) ?? []).flatMap((token) => {
      const r = gateway.friendRequests.get(token)
      return r ? [liveFriendRequest(r)] : []
    })
    return {
      type: 'snapshot',
      id: this.lastId(orderId),
      at,
      order: liveOrder(order),
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
