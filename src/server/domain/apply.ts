import type { DomainEvent } from './events.ts'
import { SOURCES } from './gateway/channels.ts'
import { indexAdd } from './state.ts'
import type { State } from './state.ts'
import { applyWechatpay } from './wechatpay/apply.ts'
import { applyAlipay } from './alipay/apply.ts'
import { isAlipayEvent } from './alipay/events.ts'

/**
 * Folds one event into the projection, in place. Events were checked when decided, so this never
 * refuses; an event about something unknown (which a correct journal cannot hold) is skipped.
 */
export function apply(state: State, event: DomainEvent): void {
  const { merchant, gateway } = state
  switch (event.type) {
    case 'order.created': {
      // Only top-level fields ever change, so a shallow copy keeps the state apart from the event.
      // (Orders journalled before refunds carry no refundedFen.)
      // (Orders journalled before checkouts are each their own.)
      const order = {
        ...event.order,
        refundedFen: event.order.refundedFen ?? 0,
        checkoutId: (event.order.checkoutId as string | undefined) ?? event.order.id,
      }
      merchant.orders.set(order.id, order)
      merchant.pendingOrders.add(order.id)
      indexAdd(merchant.checkouts, order.checkoutId, order.id)
      if (event.idemKey !== null && event.fingerprint !== null) {
        merchant.orderKeys.set(event.idemKey, {
          fingerprint: event.fingerprint,
          id: order.checkoutId,
        })
      }
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
      indexAdd(gateway.paymentsByOrder, payment.orderId, payment.id)
      if (payment.payToken) gateway.paymentByToken.set(payment.payToken, payment.id)
      if (event.idemKey !== null && event.fingerprint !== null) {
        gateway.paymentKeys.set(event.idemKey, { fingerprint: event.fingerprint, id: payment.id })
      }
      return
    }
    case 'payment.opened': {
      const payment = gateway.payments.get(event.paymentId)
      if (payment?.status === 'NOTPAY') payment.status = 'USERPAYING'
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
    case 'password.reset':
      gateway.accounts[event.persona].guards[event.realm] = { failedTries: 0, lockedUntilMs: null }
      return
    case 'payment.succeeded': {
      const payment = gateway.payments.get(event.paymentId)
      if (!payment) return
      payment.status = 'SUCCESS'
      payment.payer = event.payer
      payment.source = event.source
      payment.paidAt = event.at
      payment.transactionId = event.transactionId
      gateway.openPayments.delete(payment.id)
      gateway.paidOrders.set(payment.orderId, payment.id)
      const spec = SOURCES[event.source]
      const account = gateway.accounts[event.payer]
      account.wallet[spec.wallet] -= event.amountFen
      account.guards[spec.realm] = { failedTries: 0, lockedUntilMs: null }
      return
    }
    case 'payment.refunded': {
      const payment = gateway.payments.get(event.paymentId)
      if (!payment || payment.status !== 'SUCCESS' || !payment.payer || !payment.source) return
      payment.status = 'REFUND'
      if (gateway.paidOrders.get(payment.orderId) === payment.id) {
        gateway.paidOrders.delete(payment.orderId)
      }
      gateway.accounts[payment.payer].wallet[SOURCES[payment.source].wallet] += payment.amountFen
      return
    }
    case 'order.refunded': {
      const { refund } = event
      const order = merchant.orders.get(refund.orderId)
      const payment = gateway.payments.get(refund.paymentId)
      if (!order || !payment) return
      order.refundedFen = refund.refundedFen
      if (refund.full) order.status = 'REFUNDED'
      if (refund.paymentFull ?? refund.full) payment.status = 'REFUND'
      gateway.accounts[refund.payer].wallet[SOURCES[refund.source].wallet] += refund.amountFen
      gateway.refunds.set(refund.id, { ...refund })
      return
    }
    case 'friend.requested': {
      const request = { ...event.request }
      gateway.friendRequests.set(request.token, request)
      indexAdd(gateway.friendByOrder, request.orderId, request.token)
      gateway.friendKeys.set(event.idemKey, { fingerprint: event.fingerprint, id: request.token })
      return
    }
    case 'friend.ended': {
      const request = gateway.friendRequests.get(event.token)
      if (!request || request.status !== 'OPEN') return
      request.status = event.status
      request.endReason = event.reason
      request.endedAt = event.at
      request.paymentId = event.paymentId
      request.payer = event.payer
      return
    }
    case 'settings.changed':
      gateway.settings = { huabeiFeeBp: { ...event.settings.huabeiFeeBp } }
      return
    case 'fixture.wallet':
      Object.assign(gateway.accounts[event.persona].wallet, event.wallet)
      return
    case 'address.added':
      // Replayed twice (a correct journal never holds that), it is still one address.
      if (!merchant.addresses.some((a) => a.id === event.address.id)) {
        merchant.addresses.push({ ...event.address })
      }
      return
    case 'fixture.stock': {
      const sku = merchant.skus.get(event.skuId)
      if (sku) sku.stock = event.stock
      return
    }
    default:
      if (isAlipayEvent(event)) applyAlipay(state.alipay, gateway, event)
      else applyWechatpay(state.wechatpay, gateway, event)
  }
}
