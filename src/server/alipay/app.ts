import { Hono } from 'hono'
import type { Context } from 'hono'
import { ALIPAY_ROUTE_SCHEMAS } from '../../contract/alipay-route-schemas.ts'
import { ALIPAY_GATEWAY_PATH, ALIPAY_ROUTES, ALIPAY_V3_PREFIX } from '../../contract/routes.ts'
import { securityHeaders } from '../security-headers.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { mountTable } from '../http/route-table.ts'
import { recordCalls } from '../console/calls.ts'
import { StorageUnavailableError } from '../store/disk.ts'
import { v2Respond, v3Respond } from './answer.ts'
import { alipayGatewayHandler } from './gateway-v2.ts'
import { alipayV3Gate, alipayV3Handlers, alipayV3Refusals } from './v3.ts'

/**
 * Alipay's OpenAPI (the routes of `ALIPAY_ROUTES`), for `createApp` to mount at the root: v2 at
 * /gateway.do, v3 under /v3/alipay, every call signed and checked, landed in its app's world, answered
 * in Alipay's shapes and signed. docs/alipay.md.
 */
export function alipayApp(deps: AppDeps) {
  const app = new Hono<AppEnv>()
  const key = () => deps.worlds.alipayDirectory.keys.alipay.privateKey
  const isV3 = (c: Context) => c.req.path.startsWith(ALIPAY_V3_PREFIX)
  app.onError((error, c) => {
    if (!(error instanceof StorageUnavailableError)) {
      deps.log(`unexpected error on ${c.req.method} ${c.req.path}`, error)
    }
    return isV3(c)
      ? v3Respond(c, 500, { code: 'SYSTEM_ERROR', message: '系统繁忙' }, key())
      : v2Respond(
          c,
          null,
          { code: '20000', subCode: 'isp.unknow-error', subMsg: '系统繁忙' },
          key(),
        )
  })
  app.use(securityHeaders())
  // Every call, once answered, goes to its app's world's console log (console/calls.ts).
  const record = recordCalls(deps, 'alipay')
  app.use(ALIPAY_GATEWAY_PATH, record)
  app.use(`${ALIPAY_V3_PREFIX}*`, record)
  app.use(`${ALIPAY_V3_PREFIX}*`, alipayV3Gate(deps))
  const gateway = alipayGatewayHandler(deps)
  mountTable(
    app,
    ALIPAY_ROUTES,
    ALIPAY_ROUTE_SCHEMAS,
    { alipayGateway: gateway, alipayGatewayGet: gateway, ...alipayV3Handlers(deps) },
    alipayV3Refusals(deps),
  )
  /** A path under /v3/alipay it does not have: Alipay's v3 shape, signed. */
  const notFound = (c: Context) =>
    v3Respond(
      c,
      404,
      { code: 'NOT_FOUND', message: `没有这个接口: ${c.req.method} ${c.req.path}` },
      key(),
    )
  return { app, notFound }
}
