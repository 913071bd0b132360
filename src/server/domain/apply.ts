import type { DomainEvent } from './events.ts'
import { CHANNELS } from './gateway/channels.ts'
import type { State } from './state.ts'

/**
 * Folds one event into the projection, in place. Events were checked when decided, so this never
 * refuses; an event about something unknown (which a correct journal cannot hold) is skipped.
 */
export function apply(state: State, event: DomainEvent): void {
  const { merchant, gateway } = state
  switch (event.type) {
    case 'order.created': {
      // Only top-level fields ever change, so a shallow copy keeps the state apart from the event.
      const order = { ...event.order }
      merchant.orders.set(order.id, order)
      merchant.pendingOrders.add(order.id)
      merchant.orderKeys.set(event.idemKey, { fingerprint: event.fingerprint, id: order.id })
      for (const line of order.lines) {
        const sku = merchant.skus.get(line.skuId)
        if (sku) sku.stock -= line.qty
      }
      return
    }
    case 'order.closed': {
      const order = merchant.orders.get(event.orderId)
      if (!order || order.status !== 'PENDING_PAYMENT') return
      order.status = 'CLOSED'
      order.closedAt = event.at
      order.closeReason = event.reason
      merchant.pendingOrders.delete(order.id)
      for (const line of order.lines) {
        const sku = merchant.skus.get(line.skuId)
        if (sku) sku.stock += line.qty
      }
      return
    }
    case 'order.paid': {
      const order = merchant.orders.get(event.orderId)
      if (!order) return
      order.status = 'PAID'
      order.paidAt = event.at
      order.paidWith = event.method
      order.paymentId = event.paymentId
      merchant.pendingOrders.delete(order.id)
      return
    }
    case 'payment.created': {
      const payment = { ...event.payment }
      gateway.payments.set(payment.id, payment)
      gateway.openPayments.add(payment.id)
      gateway.paymentKeys.set(event.idemKey, { fingerprint: event.fingerprint, id: payment.id })
      return
    }
    case 'payment.closed': {
      const payment = gateway.payments.get(event.paymentId)
      if (!payment) return
      payment.status = 'CLOSED'
      gateway.openPayments.delete(payment.id)
      return
    }
    case 'password.failed': {
      const guard = gateway.accounts[event.persona].guards[event.realm]
      guard.failedTries = event.failedTries
      guard.lockedUntilMs = event.lockedUntilMs
      return
    }
    case 'payment.succeeded': {
      const payment = gateway.payments.get(event.paymentId)
      if (!payment) return
      payment.status = 'SUCCESS'
      payment.payer = event.payer
      payment.paidAt = event.at
      payment.transactionId = event.transactionId
      gateway.openPayments.delete(payment.id)
      gateway.paidOrders.set(payment.orderId, payment.id)
      const account = gateway.accounts[event.payer]
      if (event.source !== 'bankCard') account.wallet[event.source] -= event.amountFen
      account.guards[CHANNELS[payment.method].realm] = { failedTries: 0, lockedUntilMs: null }
      return
    }
    case 'payment.refunded': {
      const payment = gateway.payments.get(event.paymentId)
      if (!payment || payment.status !== 'SUCCESS' || !payment.payer) return
      payment.status = 'REFUND'
      gateway.paidOrders.delete(payment.orderId)
      const source = CHANNELS[payment.method].source
      if (source !== 'bankCard') gateway.accounts[payment.payer].wallet[source] += payment.amountFen
      return
    }
  }
}
