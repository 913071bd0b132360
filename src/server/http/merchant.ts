import { catalogView } from '../domain/merchant/catalog.ts'
import {
  createOrder,
  findOwnCheckout,
  findOwnOrder,
  listOrders,
} from '../domain/merchant/orders.ts'
import { cancelOrder } from '../domain/merchant/refunds.ts'
import { iso } from '../domain/result.ts'
import type { AppDeps } from './env.ts'
import { orderEvents } from './live.ts'
import { fail, fingerprint, freshId } from './respond.ts'
import type { RouteHandlers } from './route-table.ts'

type MerchantRoute =
  | 'catalog'
  | 'createOrder'
  | 'listOrders'
  | 'getOrder'
  | 'orderEvents'
  | 'cancelOrder'
  | 'getCheckout'

/** Taobao's side: /api/shop. */
export function merchantHandlers(deps: AppDeps): RouteHandlers<MerchantRoute> {
  const { ids } = deps
  return {
    catalog: (c) => {
      const { store } = c.get('world')
      return c.json(catalogView(store.state.merchant))
    },
    createOrder: (c, { body }) => {
      const { store } = c.get('world')
      const { persona } = c.get('who')
      const { merchant } = store.state
      const taken = new Set<string>()
      const fresh = () => {
        const id = freshId(
          ids.orderId,
          (id) => taken.has(id) || merchant.orders.has(id) || merchant.checkouts.has(id),
        )
        taken.add(id)
        return id
      }
      // An id per shop at most: the cart's lines bound them.
      const checkoutId = fresh()
      const orderIds = body.lines.map(fresh)
      const idemKey = c.get('idemKey')
      const result = store.run((s, now) =>
        createOrder(
          s.merchant,
          { checkoutId, orderIds, persona, idemKey, fingerprint: fingerprint(body), body },
          now,
        ),
      )
      if (!result.ok) return fail(c, result.error)
      return c.json(result.value.checkout, result.value.replayed ? 200 : 201)
    },
    listOrders: (c) => {
      const { store, outbox } = c.get('world')
      const { persona } = c.get('who')
      // A client polling the merchant never sees an order stuck unpaid after its payment succeeded.
      for (const order of listOrders(store.state.merchant, persona)) {
        if (order.status === 'PENDING_PAYMENT') outbox.checkOrder(order.id)
      }
      return c.json({ orders: listOrders(store.state.merchant, persona), now: iso(store.now()) })
    },
    getOrder: (c, { params }) => {
      const { store, outbox } = c.get('world')
      outbox.checkOrder(params.orderId)
      const found = findOwnOrder(store.state.merchant, c.get('who').persona, params.orderId)
      return found.ok ? c.json(found.value) : fail(c, found.error)
    },
    getCheckout: (c, { params }) => {
      const { store, outbox } = c.get('world')
      outbox.checkOrder(params.checkoutId)
      const found = findOwnCheckout(store.state.merchant, c.get('who').persona, params.checkoutId)
      return found.ok ? c.json(found.value) : fail(c, found.error)
    },
    cancelOrder: (c, { params }) => {
      const { store, outbox } = c.get('world')
      const { persona } = c.get('who')
      // Money that already landed settles first: a paid order is not cancelled.
      outbox.checkOrder(params.orderId)
      const own = findOwnOrder(store.state.merchant, persona, params.orderId)
      if (!own.ok) return fail(c, own.error)
      const result = store.run((s, now) => cancelOrder(s, own.value.id, now))
      return result.ok ? c.json(result.value.order) : fail(c, result.error)
    },
    orderEvents: orderEvents(deps),
  }
}
