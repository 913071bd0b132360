import { Hono } from 'hono'
import { isAlipayPath, V3_ROUTES } from '../../contract/routes.ts'
import { V3_ROUTE_SCHEMAS } from '../../contract/wechatpay-route-schemas.ts'
import { securityHeaders } from '../security-headers.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { mountTable } from '../http/route-table.ts'
import { recordCalls } from '../console/calls.ts'
import { v3Gate, v3Trouble } from './middleware.ts'
import { orderHandlers } from './orders.ts'
import { refundHandlers } from './refunds.ts'
import { v3Refusals } from './respond.ts'

/**
 * WeChat Pay's APIv3 (the routes of `V3_ROUTES`), for `createApp` to mount at /v3: every call signed
 * and checked, landed in its merchant's world, answered in WeChat's shapes and signed.
 * docs/wechatpay.md.
 */
export function wechatpayApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  const trouble = v3Trouble(deps)
  app.onError(trouble.error)
  app.use(securityHeaders())
  const gate = v3Gate(deps)
  // Every call, once answered, goes to its merchant's world's console log (console/calls.ts).
  const record = recordCalls(deps, 'wechatpay')
  // /v3/alipay/* is Alipay's OpenAPI (alipay/app.ts): WeChat's gate leaves it alone.
  app.use((c, next) => (isAlipayPath(c.req.path) ? next() : record(c, next)))
  app.use((c, next) => (isAlipayPath(c.req.path) ? next() : gate(c, next)))
  mountTable(
    app,
    V3_ROUTES,
    V3_ROUTE_SCHEMAS,
    { ...orderHandlers(deps), ...refundHandlers(deps) },
    v3Refusals,
  )
  return { app, notFound: trouble.notFound }
}
