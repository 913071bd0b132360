import { closeExpiredOrders } from '../domain/merchant/orders.ts'
import { closeExpiredPayments } from '../domain/gateway/payments.ts'
import type { Store } from './store.ts'

/**
 * Each side closes what its own clock says is over: the merchant its orders, the gateway its open
 * payments. Run before every request and from a timer, so a deadline shows everywhere at once.
 */
export function closeExpired(store: Store): void {
  const now = store.now()
  const { merchant, gateway } = store.state
  // Cheap pre-check: most requests find nothing due, and then nothing is decided at all.
  if (merchant.pendingOrders.size > 0) store.run((s) => closeExpiredOrders(s.merchant, now))
  if (gateway.openPayments.size > 0) store.run((s) => closeExpiredPayments(s.gateway, now))
}
