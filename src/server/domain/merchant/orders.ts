import type { CreateOrderBody, Order, OrderLine } from '../../../contract/order.ts'
import type { PaymentMethodId } from '../../../contract/payment.ts'
import { priceCart } from '../../../contract/pricing.ts'
import type { PersonaId } from '../../../contract/sim.ts'
import { PERSONAS } from '../personas.ts'
import { accept, iso, MINUTE_MS, refuse } from '../result.ts'
import type { Decision, DomainError } from '../result.ts'
import { idemScope } from '../state.ts'
import type { MerchantState } from '../state.ts'

export interface CreateOrderCommand {
  orderId: string
  persona: PersonaId
  idemKey: string
  /** Hash of the validated body: the same key with another body is a client bug. */
  fingerprint: string
  body: CreateOrderBody
}

export function createOrder(
  state: MerchantState,
  cmd: CreateOrderCommand,
  now: number,
): Decision<{ order: Order; replayed: boolean }> {
  const seen = state.orderKeys.get(idemScope(cmd.persona, cmd.idemKey))
  if (seen) {
    const first = state.orders.get(seen.id)
    if (seen.fingerprint !== cmd.fingerprint || !first) {
      return refuse(
        'IDEMPOTENCY_MISMATCH',
        'this Idempotency-Key was used with another request body',
      )
    }
    return accept({ order: first, replayed: true })
  }
  if (state.orders.has(cmd.orderId)) return refuse('SYSTEMERROR', 'order id already taken')

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

  const lines: OrderLine[] = price.groups.flatMap((g) =>
    g.lines.map((l) => ({
      skuId: l.skuId,
      shopId: l.shopId,
      shopName: g.shopName,
      title: l.title,
      spec: l.spec,
      image: l.image,
      unitFen: l.unitFen,
      qty: l.qty,
    })),
  )
  const windowMinutes = Math.min(...skuIds.map((id) => state.skus.get(id)?.payWindowMinutes ?? 30))
  const order: Order = {
    id: cmd.orderId,
    persona: cmd.persona,
    status: 'PENDING_PAYMENT',
    lines,
    address: { ...address },
    note: cmd.body.note,
    invoice: cmd.body.invoice,
    itemsFen: price.itemsFen,
    shopCouponFen: price.shopCouponFen,
    crossStoreFen: price.crossStoreFen,
    deliveryFen: price.deliveryFen,
    totalFen: price.totalFen,
    createdAt: iso(now),
    deadlineAt: iso(now + windowMinutes * MINUTE_MS),
    paidAt: null,
    paidWith: null,
    paymentId: null,
    closedAt: null,
    closeReason: null,
    refundedFen: 0,
  }
  return accept({ order, replayed: false }, [
    {
      type: 'order.created',
      order,
      idemKey: idemScope(cmd.persona, cmd.idemKey),
      fingerprint: cmd.fingerprint,
    },
  ])
}

export interface MarkPaidCommand {
  orderId: string
  paymentId: string
  method: PaymentMethodId
  amountFen: number
  transactionId: string
  paidAt: string
}

/** Applies a verified gateway notification. Idempotent: the same payment twice changes nothing. */
export function markPaid(state: MerchantState, cmd: MarkPaidCommand): Decision<{ order: Order }> {
  const order = state.orders.get(cmd.orderId)
  if (!order) return refuse('ORDER_NOT_EXIST', `no order ${cmd.orderId}`)
  if (order.status === 'PAID' && order.paymentId === cmd.paymentId) return accept({ order })
  if (order.status === 'PAID') return refuse('ORDERPAID', 'the order was paid by another payment')
  if (order.status !== 'PENDING_PAYMENT') return refuse('ORDERCLOSED', 'the order is closed')
  if (order.totalFen !== cmd.amountFen) {
    return refuse('PARAM_ERROR', `paid ${cmd.amountFen} fen for an order of ${order.totalFen} fen`)
  }
  const paid: Order = {
    ...order,
    status: 'PAID',
    paidAt: cmd.paidAt,
    paidWith: cmd.method,
    paymentId: cmd.paymentId,
  }
  return accept({ order: paid }, [
    {
      type: 'order.paid',
      orderId: cmd.orderId,
      paymentId: cmd.paymentId,
      method: cmd.method,
      transactionId: cmd.transactionId,
      at: cmd.paidAt,
    },
  ])
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
  const order = state.orders.get(orderId)
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
