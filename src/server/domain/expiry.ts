import type { DomainEvent } from './events.ts'
import { isOpen } from './gateway/payments.ts'
import { accept } from './result.ts'
import type { Decision } from './result.ts'
import type { FriendRequestRecord, PaymentRecord, State } from './state.ts'

// Deadlines close things by themselves: an order at its deadline (with its open attempts and its
// pay-for-me requests), a pay code after its 2 hours, a pay-for-me link after its 24. The adapter keeps an
// index by deadline and hands in what fell due; the domain decides what is still open and closes it.

export type DueKind = 'order' | 'payment' | 'friend'

export interface DueItem {
  kind: DueKind
  id: string
  atMs: number
}

const paymentDue = (p: PaymentRecord) => Date.parse(p.codeExpiresAt ?? p.expiresAt)
const friendDue = (r: FriendRequestRecord) =>
  Math.min(Date.parse(r.expiresAt), Date.parse(r.orderExpiresAt))

/** When what this event creates falls due, for the adapter's deadline index. */
export function dueOf(event: DomainEvent): DueItem | null {
  switch (event.type) {
    case 'order.created':
      return { kind: 'order', id: event.order.id, atMs: Date.parse(event.order.deadlineAt) }
    case 'payment.created':
      return { kind: 'payment', id: event.payment.id, atMs: paymentDue(event.payment) }
    case 'friend.requested':
      return { kind: 'friend', id: event.request.token, atMs: friendDue(event.request) }
    default:
      return null
  }
}

/** Closes what is due among `candidates`; ones paid or closed meanwhile are skipped. */
export function expireDue(
  state: State,
  candidates: Iterable<DueItem>,
  now: number,
): Decision<{ closedOrders: string[] }> {
  const { merchant, gateway } = state
  const events: DomainEvent[] = []
  const closedOrders: string[] = []
  const done = new Set<string>()
  const closePayment = (p: PaymentRecord, at: string) => {
    if (!isOpen(p) || done.has(p.id)) return
    done.add(p.id)
    events.push({ type: 'payment.closed', paymentId: p.id, at, reason: 'EXPIRED' })
  }
  const endRequest = (r: FriendRequestRecord, at: string, orderClosed: boolean) => {
    if (r.status !== 'OPEN' || done.has(r.token)) return
    done.add(r.token)
    const reason = orderClosed || r.orderExpiresAt <= r.expiresAt ? 'ORDERCLOSED' : 'EXPIRED'
    events.push({
      type: 'friend.ended',
      token: r.token,
      status: 'EXPIRED',
      reason,
      at,
      paymentId: null,
      payer: null,
    })
  }

  for (const item of candidates) {
    if (item.kind === 'order') {
      const order = merchant.orders.get(item.id)
      if (!order || order.status !== 'PENDING_PAYMENT' || Date.parse(order.deadlineAt) > now)
        continue
      if (done.has(order.id)) continue
      done.add(order.id)
      const at = order.deadlineAt
      closedOrders.push(order.id)
      events.push({ type: 'order.closed', orderId: order.id, at, reason: 'TIMEOUT' })
      // The gateway knows the order's checkout as one trade (its orders share the deadline).
      const tradeId = order.checkoutId
      for (const id of gateway.paymentsByOrder.get(tradeId) ?? []) {
        const p = gateway.payments.get(id)
        if (p) closePayment(p, at)
      }
      for (const token of gateway.friendByOrder.get(tradeId) ?? []) {
        const r = gateway.friendRequests.get(token)
        if (r) endRequest(r, at, true)
      }
    } else if (item.kind === 'payment') {
      const p = gateway.payments.get(item.id)
      if (p && paymentDue(p) <= now) closePayment(p, new Date(paymentDue(p)).toISOString())
    } else {
      const r = gateway.friendRequests.get(item.id)
      if (r && friendDue(r) <= now) endRequest(r, new Date(friendDue(r)).toISOString(), false)
    }
  }
  return accept({ closedOrders }, events)
}

/** Everything still open, as due items: the reference the adapter's index must agree with (and tests use). */
export function openItems(state: State): DueItem[] {
  const items: DueItem[] = []
  for (const id of state.merchant.pendingOrders) {
    const order = state.merchant.orders.get(id)
    if (order) items.push({ kind: 'order', id, atMs: Date.parse(order.deadlineAt) })
  }
  for (const id of state.gateway.openPayments) {
    const p = state.gateway.payments.get(id)
    if (p) items.push({ kind: 'payment', id, atMs: paymentDue(p) })
  }
  for (const r of state.gateway.friendRequests.values()) {
    if (r.status === 'OPEN') items.push({ kind: 'friend', id: r.token, atMs: friendDue(r) })
  }
  return items
}

/** Closes everything due by a full scan (tests; the adapter uses its index). */
export function sweepExpired(state: State, now: number): Decision<{ closedOrders: string[] }> {
  return expireDue(state, openItems(state), now)
}
