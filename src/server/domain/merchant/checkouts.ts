import type { Checkout, Order, OrderStatus } from '../../../contract/order.ts'
import type { PersonaId } from '../../../contract/sim.ts'
import type { MerchantState } from '../state.ts'

/** What a checkout is read from. */
type Books = Pick<MerchantState, 'orders' | 'checkouts'>

// A checkout is one submit of the order page: an order per shop, paid together (合并付款). The gateway
// knows it as one trade, numbered with the checkout's id; the merchant keeps the orders. Either id
// finds it: the checkout's own, or one of its orders' (an order page's 去支付 pays its whole checkout).

/** The checkout an id names (its own or one of its orders'), or null. */
export function checkoutIdOf(state: Books, id: string): string | null {
  if (state.checkouts.has(id)) return id
  return state.orders.get(id)?.checkoutId ?? null
}

/** The checkout's orders, in its shops' order. */
export function ordersOf(state: Books, checkoutId: string): Order[] {
  return (state.checkouts.get(checkoutId) ?? []).flatMap((id) => {
    const order = state.orders.get(id)
    return order ? [order] : []
  })
}

/** The orders its payment pays: those still waiting. */
export function pendingOf(state: Books, checkoutId: string): Order[] {
  return ordersOf(state, checkoutId).filter((o) => o.status === 'PENDING_PAYMENT')
}

/** Whose checkout it is (null: none). */
export function ownerOf(state: Books, checkoutId: string): PersonaId | null {
  return ordersOf(state, checkoutId)[0]?.persona ?? null
}

function statusOf(orders: readonly Order[]): OrderStatus {
  if (orders.some((o) => o.status === 'PENDING_PAYMENT')) return 'PENDING_PAYMENT'
  if (orders.some((o) => o.status === 'PAID')) return 'PAID'
  if (orders.some((o) => o.status === 'REFUNDED')) return 'REFUNDED'
  return 'CLOSED'
}

const sumFen = (orders: readonly Order[]) => orders.reduce((n, o) => n + o.totalFen, 0)

/** What the cashier and the checkout call the goods: the first one's title, and how many in all. */
export function goodsSummary(
  goods: readonly { title: string; qty: number }[],
  fallback: string,
): { title: string; itemCount: number } {
  const itemCount = Math.max(
    1,
    goods.reduce((n, g) => n + g.qty, 0),
  )
  return { title: goods[0]?.title ?? fallback, itemCount }
}

/** The earliest deadline of `orders` (undefined: none). */
export const earliestDeadline = (orders: readonly Order[]) =>
  orders.map((o) => o.deadlineAt).sort()[0]

/** The checkout as its screens see it (built from its orders; null for an unknown id). */
export function checkoutView(state: Books, checkoutId: string): Checkout | null {
  const orders = ordersOf(state, checkoutId)
  const first = orders[0]
  if (!first) return null
  const status = statusOf(orders)
  const live = orders.filter((o) => o.status !== 'CLOSED')
  const paid = orders.find((o) => o.paymentId !== null && o.status !== 'PENDING_PAYMENT')
  const closedAt =
    status === 'CLOSED'
      ? orders
          .map((o) => o.closedAt ?? '')
          .sort()
          .at(-1)
      : null
  const lines = orders.flatMap((o) => o.lines)
  return {
    checkoutId,
    persona: first.persona,
    orderIds: orders.map((o) => o.id),
    orders,
    status,
    totalFen: sumFen(live.length > 0 ? live : orders),
    deadlineAt: earliestDeadline(orders) ?? first.deadlineAt,
    createdAt: first.createdAt,
    paidAt: paid?.paidAt ?? null,
    paidWith: paid?.paidWith ?? null,
    paymentId: paid?.paymentId ?? null,
    closedAt: closedAt || null,
    closeReason: status === 'CLOSED' ? first.closeReason : null,
    address: first.address,
    ...goodsSummary(lines, checkoutId),
  }
}
