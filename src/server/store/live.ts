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

/**
 * Per-order logs of live events, derived from the journal's events (so a restart rebuilds the same
 * ids), and the streams listening to them. An order's events are numbered 1, 2, 3…: the SSE ids.
 */
export class LiveLog implements StoreObserver {
  readonly #logs = new Map<string, OrderLiveEvent[]>()
  readonly #listeners = new Map<string, Set<Listener>>()
  readonly #resetListeners = new Set<() => void>()

  applied(domainEvent: DomainEvent, state: State): void {
    const live = toLive(domainEvent, state)
    if (!live) return
    let log = this.#logs.get(live.orderId)
    if (!log) {
      log = []
      this.#logs.set(live.orderId, log)
    }
    const event = { ...live.event, id: log.length + 1 } as OrderLiveEvent
    log.push(event)
    const listeners = this.#listeners.get(live.orderId)
    if (listeners) for (const listener of listeners) listener(event)
  }

  reset(): void {
    this.#logs.clear()
    for (const listener of [...this.#resetListeners]) listener()
  }

  /** The id of the order's latest event (0: none). */
  lastId(orderId: string): number {
    return this.#logs.get(orderId)?.length ?? 0
  }

  /** The events after `lastId`, or `null` when `lastId` is not one this log gave out. */
  since(orderId: string, lastId: number): OrderLiveEvent[] | null {
    const log = this.#logs.get(orderId) ?? []
    if (!Number.isInteger(lastId) || lastId < 1 || lastId > log.length) return null
    return log.slice(lastId)
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
