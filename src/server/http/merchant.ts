import { Hono } from 'hono'
import { CreateOrderBodySchema } from '../../contract/order.ts'
import { catalogView } from '../domain/merchant/catalog.ts'
import { createOrder, findOrder, listOrders } from '../domain/merchant/orders.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { orderEvents } from './live.ts'
import { fail, fingerprint, freshId, idempotencyKey, jsonBody } from './respond.ts'
import { simContext } from './sim.ts'

/** Taobao's side: /api/shop. */
export function merchantRoutes(deps: AppDeps) {
  const { store, ids, outbox } = deps
  return new Hono<AppEnv>()
    .use(simContext(deps))
    .get('/catalog', (c) => c.json(catalogView(store.state.merchant)))
    .post('/orders', idempotencyKey, jsonBody(CreateOrderBodySchema), (c) => {
      const { persona } = c.get('who')
      const body = c.req.valid('json')
      const orderId = freshId(ids.orderId, (id) => store.state.merchant.orders.has(id))
      const result = store.run((s, now) =>
        createOrder(
          s.merchant,
          {
            orderId,
            persona,
            idemKey: c.get('idemKey'),
            fingerprint: fingerprint(body),
            body,
          },
          now,
        ),
      )
      if (!result.ok) return fail(c, result.error)
      return c.json(result.value.order, result.value.replayed ? 200 : 201)
    })
    .get('/orders', (c) => {
      const { persona } = c.get('who')
      // A client polling the merchant never sees an order stuck unpaid after its payment succeeded.
      for (const order of listOrders(store.state.merchant, persona)) {
        if (order.status === 'PENDING_PAYMENT') outbox.checkOrder(order.id)
      }
      return c.json({
        orders: listOrders(store.state.merchant, persona),
        now: new Date(store.now()).toISOString(),
      })
    })
    .get('/orders/:orderId', (c) => {
      const orderId = c.req.param('orderId')
      outbox.checkOrder(orderId)
      const found = findOrder(store.state.merchant, c.get('who').persona, orderId)
      return found.ok ? c.json(found.value) : fail(c, found.error)
    })
    .get('/orders/:orderId/events', orderEvents(deps))
}
