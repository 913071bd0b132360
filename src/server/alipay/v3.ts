import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { ALIPAY_ROUTES } from '../../contract/routes.ts'
import type { AlipayRouteSchemas } from '../../contract/alipay-route-schemas.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { describe } from '../http/respond.ts'
import type { Refusals, TableHandlers } from '../http/route-table.ts'
import { StorageUnavailableError } from '../store/disk.ts'
import { readBoundedText, v3Respond } from './answer.ts'
import { parseV3Authorization, v3RequestMessage, rsa2Verify } from './sign.ts'
import { closeOp, createOp, queryOp, refundOp } from './trade-ops.ts'
import type { OpContext, OpResult } from './trade-ops.ts'

/** How far a v3 call's timestamp may be from the wall clock, unless its expired_seconds says otherwise. */
const MAX_SKEW_MS = 5 * 60_000

/** The checked call each v3 request carries from the gate to its handler. */
const calls = new WeakMap<Request, OpContext>()

const keyOf = (deps: AppDeps) => deps.worlds.alipayDirectory.keys.alipay.privateKey

/** The request-target as the client sent it and signed it: path and query, undecoded. */
function targetOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2)
  return start < 0 ? '/' : url.slice(start)
}

/**
 * Every /v3/alipay call: the `ALIPAY-SHA256withRSA` Authorization checked with the app's registered key
 * (over app_id, nonce, timestamp, method, path, body), the timestamp within 5 minutes of the wall clock,
 * then the call lands in the app's world; a change waits for the journal before it is answered.
 */
export function alipayV3Gate(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = keyOf(deps)
    const refuse = (status: 400 | 401, code: string, message: string) =>
      v3Respond(c, status, { code, message }, key)
    const auth = parseV3Authorization(c.req.header('authorization'))
    if (typeof auth === 'string') return refuse(401, 'invalid-signature', `验签出错: ${auth}`)
    const app = deps.worlds.alipayDirectory.lookup(auth.appId)
    const seen = (signature: 'ok' | 'bad' | 'none') => {
      if (app) c.set('callSeen', { world: app.world, merchant: app.appId, signature })
    }
    seen('none')
    if (!app)
      return refuse(
        401,
        'invalid-app-id',
        `无效的AppID参数: ${auth.appId} is no app of this sandbox`,
      )
    const body = c.req.method === 'GET' ? '' : await readBoundedText(c)
    if (body === null)
      return refuse(400, 'ACQ.INVALID_PARAMETER', '参数无效: the body is over 64 KiB')
    // Hono keeps read bodies as promises (its type says otherwise): the route's c.req.json() reads this.
    ;(c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(body)
    const skew = Math.abs(Date.now() - Number(auth.timestamp))
    const allowed = auth.expiredSeconds === null ? MAX_SKEW_MS : auth.expiredSeconds * 1000
    if (skew > allowed) {
      return refuse(
        401,
        'invalid-timestamp',
        `timestamp ${auth.timestamp} is ${Math.round(skew / 1000)} s from now`,
      )
    }
    const message = v3RequestMessage(auth, c.req.method, targetOf(c.req.url), body)
    if (!rsa2Verify(message, auth.signature, app.publicKey)) {
      seen('bad')
      return refuse(
        401,
        'invalid-signature',
        `验签出错，网关生成的验签字符串为：${JSON.stringify(message)}`,
      )
    }
    const world = deps.worlds.get(app.world)
    if (!world)
      return v3Respond(
        c,
        500,
        { code: 'SYSTEM_ERROR', message: '系统繁忙: the world is gone' },
        key,
      )
    seen('ok')
    const fault = world.faults.takeAlipayFault(app.appId)
    if (fault) {
      const status = fault.startsWith('isp.') || fault.endsWith('SYSTEM_ERROR') ? 500 : 400
      const message = `simulated fault: ${fault} (POST /api/__test/merchants/:id/fail-next)`
      return v3Respond(c, status, { code: fault, message }, key)
    }
    calls.set(c.req.raw, { deps, world, app, origin: deps.publicOrigin(c.req.url) })
    world.store.closeExpired()
    await next()
    try {
      await world.store.durable()
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error
      c.res = undefined
      c.res = v3Respond(
        c,
        500,
        { code: 'SYSTEM_ERROR', message: '系统错误: the journal cannot be written' },
        key,
      )
    }
  })
}

/** v3's refusals of bad input: 400 ACQ.INVALID_PARAMETER, signed. */
export function alipayV3Refusals(deps: AppDeps): Refusals {
  return {
    invalid: (c, _where, problem) =>
      v3Respond(
        c,
        400,
        {
          code: 'ACQ.INVALID_PARAMETER',
          message: `参数无效: ${typeof problem === 'string' ? problem : describe(problem)}`,
        },
        keyOf(deps),
      ),
  }
}

type V3Route = 'alipayV3Precreate' | 'alipayV3Query' | 'alipayV3Close' | 'alipayV3Refund'

/** The v3 trade routes: the same operations as v2, answered as v3 JSON. */
export function alipayV3Handlers(
  deps: AppDeps,
): Pick<TableHandlers<typeof ALIPAY_ROUTES, AlipayRouteSchemas>, V3Route> {
  const answer = async (
    c: Context<AppEnv>,
    op: (ctx: OpContext) => OpResult | Promise<OpResult>,
  ) => {
    const ctx = calls.get(c.req.raw)
    if (!ctx)
      return v3Respond(c, 500, { code: 'SYSTEM_ERROR', message: 'unchecked call' }, keyOf(deps))
    const result = await op(ctx)
    if (result.ok) return v3Respond(c, 200, result.fields, keyOf(deps))
    const status = result.subCode === 'ACQ.SYSTEM_ERROR' ? 500 : 400
    return v3Respond(c, status, { code: result.subCode, message: result.subMsg }, keyOf(deps))
  }
  return {
    alipayV3Precreate: (c, { body }) => answer(c, (ctx) => createOp(ctx, body, 'QR', {})),
    alipayV3Query: (c, { body }) => answer(c, (ctx) => queryOp(ctx, body)),
    alipayV3Close: (c, { body }) => answer(c, (ctx) => closeOp(ctx, body)),
    alipayV3Refund: (c, { body }) => answer(c, (ctx) => refundOp(ctx, body)),
  }
}
