import { catalogView } from '../domain/merchant/catalog.ts'
import { createOrder, findOwnOrder, listOrders } from '../domain/merchant/orders.ts'
import { iso } from '../domain/result.ts'
import type { AppDeps } from './env.ts'
import { orderEvents } from './live.ts'
import { fail, fingerprint, freshId } from './respond.ts'
import type { RouteHandlers } from './route-table.ts'

type MerchantRoute = 'catalog' | 'createOrder' | 'listOrders' | 'getOrder' | 'orderEvents'

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
      const orderId = freshId(ids.orderId, (id) => store.state.merchant.orders.has(id))
      const result = store.run((s, now) =>
        createOrder(
          s.merchant,
          { orderId, persona, idemKey: c.get('idemKey'), fingerprint: fingerprint(body), body },
          now,
        ),
      )
      if (!result.ok) return fail(c, result.error)
      return c.json(result.value.order, result.value.replayed ? 200 : 201)
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
    orderEvents: orderEvents(deps),
  }
}
