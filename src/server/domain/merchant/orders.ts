import type { Checkout, CreateOrderBody, Order } from '../../../contract/order.ts'
import type { PaymentMethodId } from '../../../contract/payment.ts'
import { priceCart, splitProRata } from '../../../contract/pricing.ts'
import type { PersonaId } from '../../../contract/sim.ts'
import { PERSONAS } from '../personas.ts'
import { accept, iso, MINUTE_MS, refuse } from '../result.ts'
import type { Decision, DomainError } from '../result.ts'
import { idemScope } from '../state.ts'
import type { MerchantState } from '../state.ts'
import type { DomainEvent } from '../events.ts'
import { checkoutIdOf, checkoutView, ordersOf } from './checkouts.ts'

export interface CreateOrderCommand {
  /** The checkout's id, and ids for its orders: one per shop, so as many as the body has lines at most. */
  checkoutId: string
  orderIds: readonly string[]
  persona: PersonaId
  idemKey: string
  /** Hash of the validated body: the same key with another body is a client bug. */
  fingerprint: string
  body: CreateOrderBody
}

/**
 * Checks out the cart: one order per shop (Taobao's split; a one-shop cart's order has the checkout's id), each with its own lines, shop coupon, share
 * of the cross-store discount (pro rata to the shops' subtotals after their coupons, the fen that don't
 * divide to the first) and the delivery on the first; one deadline for all, the earliest of the items'
 * pay windows, so they close together. The same Idempotency-Key answers the same checkout.
 */
export function createOrder(
  state: MerchantState,
  cmd: CreateOrderCommand,
  now: number,
): Decision<{ checkout: Checkout; replayed: boolean }> {
  const seen = state.orderKeys.get(idemScope(cmd.persona, cmd.idemKey))
  if (seen) {
    const first = checkoutView(state, seen.id)
    if (seen.fingerprint !== cmd.fingerprint || !first) {
      return refuse(
        'IDEMPOTENCY_MISMATCH',
        'this Idempotency-Key was used with another request body',
      )
    }
    return accept({ checkout: first, replayed: true })
  }
  const ids = [cmd.checkoutId, ...cmd.orderIds]
  if (
    new Set(ids).size !== ids.length ||
    ids.some((id) => state.orders.has(id) || state.checkouts.has(id))
  ) {
    return refuse('SYSTEMERROR', 'order id already taken')
  }

  const skuIds = cmd.body.lines.map((l) => l.skuId)
  if (new Set(skuIds).size !== skuIds.length) {
    return refuse('PARAM_ERROR', 'each SKU may appear on one line only')
  }
  const address = state.addresses.find((a) => a.id === cmd.body.addressId)
  if (!address) return refuse('PARAM_ERROR', `unknown address ${cmd.body.addressId}`)

  const priced = priceCart(
    {
      shops: state.shops,
      skus: [...state.skus.values()],
      crossStore: state.crossStore,
      deliveryFen: state.deliveryFen,
    },
    cmd.body.lines,
  )
  if (!priced.ok) {
    const p = priced.problem
    if (p.kind === 'out-of-stock') {
      return refuse('OUT_OF_STOCK', `only ${p.stock} left of ${p.skuId}`)
    }
    return refuse(
      'PARAM_ERROR',
      p.kind === 'unknown-sku' ? `unknown SKU ${p.skuId}` : 'the cart is empty',
    )
  }
  const price = priced.value
  if (price.totalFen <= 0) return refuse('PARAM_ERROR', 'the order total must be positive')
  if (price.groups.length > cmd.orderIds.length) return refuse('SYSTEMERROR', 'too few order ids')

  const windowMinutes = Math.min(...skuIds.map((id) => state.skus.get(id)?.payWindowMinutes ?? 30))
  const deadlineAt = iso(now + windowMinutes * MINUTE_MS)
  const crossShares = splitProRata(
    price.crossStoreFen,
    price.groups.map((g) => g.itemsFen - g.shopCouponFen),
  )
  const orders: Order[] = price.groups.map((g, i) => {
    const crossStoreFen = crossShares[i] ?? 0
    const deliveryFen = i === 0 ? price.deliveryFen : 0
    return {
      // A cart of one shop is one order: the checkout is numbered as it (as Taobao's trade is).
      id: price.groups.length === 1 ? cmd.checkoutId : (cmd.orderIds[i] ?? ''),
      checkoutId: cmd.checkoutId,
      persona: cmd.persona,
      status: 'PENDING_PAYMENT',
      lines: g.lines.map((l) => ({
        skuId: l.skuId,
        shopId: l.shopId,
        shopName: g.shopName,
        title: l.title,
        spec: l.spec,
        image: l.image,
        unitFen: l.unitFen,
        qty: l.qty,
      })),
      address: { ...address },
      note: cmd.body.note,
      invoice: cmd.body.invoice,
      itemsFen: g.itemsFen,
      shopCouponFen: g.shopCouponFen,
      crossStoreFen,
      deliveryFen,
      totalFen: g.itemsFen - g.shopCouponFen - crossStoreFen + deliveryFen,
      createdAt: iso(now),
      deadlineAt,
      paidAt: null,
      paidWith: null,
      paymentId: null,
      closedAt: null,
      closeReason: null,
      refundedFen: 0,
    }
  })
  const events: DomainEvent[] = orders.map((order, i) => ({
    type: 'order.created',
    order,
    idemKey: i === 0 ? idemScope(cmd.persona, cmd.idemKey) : null,
    fingerprint: i === 0 ? cmd.fingerprint : null,
  }))
  const checkout = checkoutOfOrders(cmd.checkoutId, orders)
  return accept({ checkout, replayed: false }, events)
}

/** A new checkout's view, before its orders are in the state. */
function checkoutOfOrders(checkoutId: string, orders: Order[]): Checkout {
  const scratch: Pick<MerchantState, 'orders' | 'checkouts'> = {
    orders: new Map(orders.map((o) => [o.id, o])),
    checkouts: new Map([[checkoutId, orders.map((o) => o.id)]]),
  }
  const view = checkoutView(scratch, checkoutId)
  if (!view) throw new Error('a checkout has at least one order')
  return view
}

export interface MarkPaidCommand {
  /** The gateway's trade number: the checkout's id (or, journalled before checkouts, an order's). */
  orderId: string
  paymentId: string
  method: PaymentMethodId
  amountFen: number
  transactionId: string
  paidAt: string
}

/**
 * Applies a verified gateway notification to the checkout it paid: every order of it still waiting is
 * paid by this one payment. Idempotent: the same payment twice changes nothing. Money for a checkout
 * with nothing left to pay, or for another amount than what is left (an order was cancelled since the
 * attempt opened), is ORDERCLOSED: the caller gives it back.
 */
export function markPaid(
  state: MerchantState,
  cmd: MarkPaidCommand,
): Decision<{ order: Order; orders: Order[] }> {
  const checkoutId = checkoutIdOf(state, cmd.orderId)
  const all = checkoutId === null ? [] : ordersOf(state, checkoutId)
  const first = all[0]
  if (!first) return refuse('ORDER_NOT_EXIST', `no order ${cmd.orderId}`)
  const byThis = all.filter((o) => o.paymentId === cmd.paymentId && o.status !== 'PENDING_PAYMENT')
  const pending = all.filter((o) => o.status === 'PENDING_PAYMENT')
  if (pending.length === 0) {
    if (byThis[0]) return accept({ order: byThis[0], orders: byThis })
    if (all.some((o) => o.status === 'PAID' || o.status === 'REFUNDED')) {
      return refuse('ORDERPAID', 'the order was paid by another payment')
    }
    return refuse('ORDERCLOSED', 'the order is closed')
  }
  const dueFen = pending.reduce((n, o) => n + o.totalFen, 0)
  if (dueFen !== cmd.amountFen) {
    if (byThis.length > 0 || all.some((o) => o.status === 'CLOSED')) {
      return refuse('ORDERCLOSED', `paid ${cmd.amountFen} fen, but ${dueFen} fen are left to pay`)
    }
    return refuse('PARAM_ERROR', `paid ${cmd.amountFen} fen for an order of ${dueFen} fen`)
  }
  const paid: Order[] = pending.map((o) => ({
    ...o,
    status: 'PAID',
    paidAt: cmd.paidAt,
    paidWith: cmd.method,
    paymentId: cmd.paymentId,
  }))
  const events: DomainEvent[] = paid.map((o) => ({
    type: 'order.paid',
    orderId: o.id,
    paymentId: cmd.paymentId,
    method: cmd.method,
    transactionId: cmd.transactionId,
    at: cmd.paidAt,
  }))
  return accept({ order: paid[0] ?? first, orders: paid }, events)
}

/** The persona's orders, newest first. */
export function listOrders(state: MerchantState, persona: PersonaId): Order[] {
  const mine = [...state.orders.values()].filter((o) => o.persona === persona)
  // Map keeps insertion order, so reversing keeps "newest first" stable for equal timestamps.
  return mine.reverse().sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
}

/** Another persona's order does not exist, as far as this one can tell. */
export function findOrder(
  state: MerchantState,
  persona: PersonaId,
  orderId: string,
): Decision<Order> {
  const order = state.orders.get(orderId)
  if (!order || order.persona !== persona) return refuse('ORDER_NOT_EXIST', `no order ${orderId}`)
  return accept(order)
}

/**
 * An order this persona cannot see because another persona of the simulator placed it: the simulator's
 * personas are one tester's phones, so the shopper's own screens say whose it is (and offer to switch
 * back) rather than "closed" or "not found". Only the order's own page and its cashier say so; paying,
 * streaming or asking a friend for it stay ORDER_NOT_EXIST. `null` if the order is the persona's or none.
 */
export function orderOfOther(
  state: MerchantState,
  persona: PersonaId,
  orderId: string,
): DomainError | null {
  // (A checkout's id names it too: its orders are one persona's.)
  const order = state.orders.get(orderId) ?? ordersOf(state, orderId)[0]
  if (!order || order.persona === persona) return null
  const owner = { persona: order.persona, nickname: PERSONAS[order.persona].nickname }
  return {
    code: 'ORDER_OF_OTHER_PERSONA',
    message: `order ${orderId} belongs to the persona ${order.persona}`,
    owner,
  }
}

/** The persona's order for its own screens: another persona's is said to be theirs (orderOfOther). */
export function findOwnOrder(
  state: MerchantState,
  persona: PersonaId,
  orderId: string,
): Decision<Order> {
  const other = orderOfOther(state, persona, orderId)
  return other ? { ok: false, events: [], error: other } : findOrder(state, persona, orderId)
}

/** The persona's checkout by either id; another persona's is said to be theirs (as for an order). */
export function findOwnCheckout(
  state: MerchantState,
  persona: PersonaId,
  id: string,
): Decision<Checkout> {
  const checkoutId = checkoutIdOf(state, id)
  const view = checkoutId === null ? null : checkoutView(state, checkoutId)
  if (!view) return refuse('ORDER_NOT_EXIST', `no order or checkout ${id}`)
  const other = orderOfOther(state, persona, checkoutId ?? id)
  return other ? { ok: false, events: [], error: other } : accept(view)
}
