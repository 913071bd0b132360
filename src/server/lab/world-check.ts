// What a participant's world says about their task: whether its order was paid the route's way.
import { ROUTE_METHOD } from '../../contract/study.ts'
import type { StudyRoute } from '../../contract/study.ts'
import type { World } from '../worlds/world.ts'

/**
 * When the world's first order paid with the route's method was paid (ms, the world's clock), or
 * undefined when none is: a `done` is believed only then. The gateway's word counts as the merchant's:
 * a SUCCESS payment of that method (its notification to the merchant may still be on its way, while the
 * phone already shows the payment done).
 */
export function paidAt(world: World | undefined, route: StudyRoute): number | undefined {
  if (!world) return undefined
  const method = ROUTE_METHOD[route]
  const { merchant, gateway } = world.store.state
  let first: number | undefined
  const consider = (iso: string | null) => {
    const at = iso === null ? Number.NaN : Date.parse(iso)
    if (Number.isFinite(at) && (first === undefined || at < first)) first = at
  }
  for (const order of merchant.orders.values()) {
    if (order.paidWith === method && (order.status === 'PAID' || order.status === 'REFUNDED')) {
      consider(order.paidAt)
    }
  }
  for (const paymentId of gateway.paidOrders.values()) {
    const payment = gateway.payments.get(paymentId)
    if (payment?.method === method && payment.status === 'SUCCESS') consider(payment.paidAt)
  }
  return first
}
