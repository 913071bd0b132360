import { Hono } from 'hono'
import { CreateOrderBodySchema } from '../../contract/order.ts'
import { IDEMPOTENCY_HEADER } from '../../contract/sim.ts'
import { catalogView } from '../domain/merchant/catalog.ts'
import { createOrder, findOrder, listOrders } from '../domain/merchant/orders.ts'
import type { AppDeps, AppEnv } from './env.ts'
import {
  fail,
  fingerprint,
  freshId,
  headersOf,
  IdempotencyHeadersSchema,
  jsonBody,
} from './respond.ts'
import { simContext } from './sim.ts'

/** Taobao's side: /api/shop. */
export function merchantRoutes(deps: AppDeps) {
  const { store, ids } = deps
  return new Hono<AppEnv>()
    .use(simContext(deps))
    .get('/catalog', (c) => c.json(catalogView(store.state.merchant)))
    .post('/orders', headersOf(IdempotencyHeadersSchema), jsonBody(CreateOrderBodySchema), (c) => {
      const { persona } = c.get('who')
      const body = c.req.valid('json')
      const orderId = freshId(ids.orderId, (id) => store.state.merchant.orders.has(id))
      const result = store.run((s, now) =>
        createOrder(
          s.merchant,
          {
            orderId,
            persona,
            idemKey: c.req.valid('header')[IDEMPOTENCY_HEADER],
            fingerprint: fingerprint(body),
            body,
          },
          now,
        ),
      )
      if (!result.ok) return fail(c, result.error)
      return c.json(result.value.order, result.value.replayed ? 200 : 201)
    })
    .get('/orders', (c) =>
      c.json({ orders: listOrders(store.state.merchant, c.get('who').persona) }),
    )
    .get('/orders/:orderId', (c) => {
      const found = findOrder(store.state.merchant, c.get('who').persona, c.req.param('orderId'))
      return found.ok ? c.json(found.value) : fail(c, found.error)
    })
}
