import type { Order } from '../../../contract/order.ts'
import { closeOpenAttempts } from '../gateway/payments.ts'
import type { DomainEvent } from '../events.ts'
import { accept, iso, refuse } from '../result.ts'
import type { Decision } from '../result.ts'
import type { RefundRecord, State } from '../state.ts'

// What the console's test actions do to one of Taobao's orders (docs/console.md): refund a paid one, in
// part or in full, and close a pending one as its shopper cancelling it. Decisions, as everywhere in the
// domain: the events carry their results, and applying them decides nothing.

export interface RefundOrderCommand {
  orderId: string
  /** What to refund; absent: all that is left. */
  amountFen?: number | undefined
  /** Assigned by the adapter. */
  refundId: string
}

/**
 * A refund of a paid order, the money back to the payer's source at once. A part keeps the order PAID
 * with its refunded amount; what is left in full makes it REFUNDED (its payment REFUND). More than is
 * left: REFUND_TOO_LARGE.
 */
export function refundOrder(
  state: State,
  cmd: RefundOrderCommand,
  now: number,
): Decision<{ order: Order; refund: RefundRecord }> {
  const order = state.merchant.orders.get(cmd.orderId)
  if (!order) return refuse('ORDER_NOT_EXIST', `no order ${cmd.orderId}`)
  if (order.status === 'REFUNDED') {
    return refuse('REFUND_TOO_LARGE', `order ${order.id} is refunded in full: nothing is left`)
  }
  const payment = order.paymentId ? state.gateway.payments.get(order.paymentId) : undefined
  if (
    order.status !== 'PAID' ||
    payment?.status !== 'SUCCESS' ||
    !payment.payer ||
    !payment.source
  ) {
    return refuse(
      'ORDER_NOT_PAID',
      `order ${order.id} is ${order.status}: only a paid order refunds`,
    )
  }
  const left = order.totalFen - order.refundedFen
  const amountFen = cmd.amountFen ?? left
  if (amountFen > left) {
    return refuse(
      'REFUND_TOO_LARGE',
      `order ${order.id} has ${left} fen left to refund (of ${order.totalFen}), not ${amountFen}`,
    )
  }
  const refundedFen = order.refundedFen + amountFen
  const full = refundedFen === order.totalFen
  // A checkout's payment paid its other orders too: it is REFUND once each of them is refunded.
  const paymentFull =
    full &&
    (payment.orderIds ?? [payment.orderId]).every(
      (id) => id === order.id || state.merchant.orders.get(id)?.status !== 'PAID',
    )
  const refund: RefundRecord = {
    id: cmd.refundId,
    orderId: order.id,
    paymentId: payment.id,
    payer: payment.payer,
    source: payment.source,
    amountFen,
    refundedFen,
    full,
    paymentFull,
    at: iso(now),
  }
  const refunded: Order = { ...order, refundedFen, status: full ? 'REFUNDED' : 'PAID' }
  return accept({ order: refunded, refund }, [{ type: 'order.refunded', refund }])
}

/**
 * Closes a pending order as its shopper cancelling it, with its open payment attempts and pay-for-me
 * requests. A closed one again: unchanged. A paid one (or one whose money already landed at the
 * gateway, its notification on the way): ORDERPAID.
 */
export function cancelOrder(
  state: State,
  orderId: string,
  now: number,
): Decision<{ order: Order }> {
  const { merchant, gateway } = state
  const order = merchant.orders.get(orderId)
  if (!order) return refuse('ORDER_NOT_EXIST', `no order ${orderId}`)
  if (order.status === 'CLOSED') return accept({ order })
  // The gateway knows the checkout as one trade: cancelling one of its orders changes what is left to
  // pay, so the checkout's open attempts and pay-for-me requests end with it.
  const tradeId = order.checkoutId
  if (order.status !== 'PENDING_PAYMENT' || gateway.paidOrders.has(tradeId)) {
    return refuse('ORDERPAID', `order ${orderId} is paid: refund it instead`)
  }
  const at = iso(now)
  const events: DomainEvent[] = [
    { type: 'order.closed', orderId, at, reason: 'CANCELLED' },
    ...closeOpenAttempts(gateway, tradeId, at, 'ORDERCLOSED'),
  ]
  for (const token of gateway.friendByOrder.get(tradeId) ?? []) {
    if (gateway.friendRequests.get(token)?.status !== 'OPEN') continue
    events.push({
      type: 'friend.ended',
      token,
      status: 'CANCELLED',
      reason: 'ORDERCLOSED',
      at,
      paymentId: null,
      payer: null,
    })
  }
  const closed: Order = { ...order, status: 'CLOSED', closedAt: at, closeReason: 'CANCELLED' }
  return accept({ order: closed }, events)
}
