import { Hono } from 'hono'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { TrieRouter } from 'hono/router/trie-router'
import { securityHeaders } from '../security-headers.ts'
import { StorageUnavailableError } from '../store/disk.ts'
import { appDeps } from './deps.ts'
import type { AppEnv, AppOptions } from './env.ts'
import { friendPayHandlers } from './friend-pay.ts'
import { gatewayHandlers, gatewayLatency } from './gateway.ts'
import { merchantHandlers } from './merchant.ts'
import { addressHandlers } from './addresses.ts'
import { openApiDocument } from './openapi.ts'
import { fail } from './respond.ts'
import { mountRoutes } from './route-table.ts'
import { simContext } from './sim.ts'
import { testApiGate, testApiHandlers, worldHandlers } from './test-api.ts'
import { resolveWorld } from './world-context.ts'
import { SIM_NOW_HEADER } from '../../contract/headers.ts'
import { V3_BASE } from '../../contract/routes.ts'
import { wechatpayApp } from '../wechatpay/app.ts'
import { wechatpayTestHandlers } from '../wechatpay/test-routes.ts'
import { merchantSheetHandlers } from '../wechatpay/sheets.ts'
import { alipayApp } from '../alipay/app.ts'
import { alipayApiHandlers } from '../alipay/test-routes.ts'
import { isAlipayPath } from '../../contract/routes.ts'
import { consoleActionHandlers } from '../console/actions.ts'
import { consoleHandlers } from '../console/routes.ts'
import { chatHandlers } from '../chat/routes.ts'
import { CHAT_IMAGE_MAX_BYTES } from '../../contract/chat-limits.ts'
import { STUDY_SCREEN_MAX_BYTES } from '../../contract/study.ts'
import { STUDY_SCREEN_PATH, studyHandlers } from '../lab/routes.ts'

export const MAX_BODY_BYTES = 64 * 1024
const IN_A_WORLD = /^\/api\/(?:shop|pay|alipay|__test|console|chat)(?:\/|$)/
/** The one route whose body is bigger: a chat image (docs/chats.md). */
const IMAGE_UPLOAD_PATH = '/api/chat/images'

const storageUnavailable = (c: Context) =>
  fail(c, {
    code: 'STORAGE_UNAVAILABLE',
    message: 'the journal cannot be written right now: nothing was changed, try again later',
  })

/** The study screenshot upload's bigger body (docs/studies.md). */
const isStudyScreen = (path: string) => path.startsWith('/api/lab/') && STUDY_SCREEN_PATH.test(path)

const limitOf = (c: Context) =>
  c.req.path === IMAGE_UPLOAD_PATH
    ? CHAT_IMAGE_MAX_BYTES
    : isStudyScreen(c.req.path)
      ? STUDY_SCREEN_MAX_BYTES
      : MAX_BODY_BYTES

const tooLarge = (c: Context) =>
  fail(c, { code: 'PAYLOAD_TOO_LARGE', message: `bodies are limited to ${limitOf(c)} bytes` })

/** The methods each route path answers, to tell 405 from 404 (built once, on the first miss). */
function allowedMethods(routes: readonly { method: string; path: string }[]) {
  let router: TrieRouter<string[]> | null = null
  return (path: string): string[] => {
    if (!router) {
      const byPath = new Map<string, Set<string>>()
      for (const route of routes) {
        if (route.method === 'ALL' || route.method === 'HEAD') continue
        const methods = byPath.get(route.path) ?? new Set<string>()
        methods.add(route.method)
        if (route.method === 'GET') methods.add('HEAD')
        byPath.set(route.path, methods)
      }
      router = new TrieRouter<string[]>()
      for (const [routePath, methods] of byPath) router.add('ALL', routePath, [...methods])
    }
    return [...new Set(router.match('ALL', path)[0].flatMap(([methods]) => methods))]
  }
}

const isV3 = (path: string) => path === V3_BASE || path.startsWith(`${V3_BASE}/`)

/**
 * The whole API under /api, and WeChat Pay's APIv3 at /v3 (its own shapes: wechatpay/app.ts). No input
 * gets a 5xx: every refusal is `{ code, message }` with a 4xx.
 */
export function createApp(options: AppOptions) {
  const deps = appDeps(options)
  // One router for both: /api's routes and /v3's (mounted from the second table below).
  const root = new Hono<AppEnv>()
  const app = root.basePath('/api')
  const v3 = wechatpayApp(deps)
  const alipay = alipayApp(deps)
  const allowed = allowedMethods(app.routes)
  // First, so every answer carries them: refusals, errors and event streams too.
  app.use(securityHeaders())

  app.notFound((c) => {
    if (isAlipayPath(c.req.path)) return alipay.notFound(c)
    if (isV3(c.req.path)) return v3.notFound(c)
    const methods = allowed(c.req.path)
    if (methods.length > 0 && !methods.includes(c.req.method)) {
      c.header('Allow', methods.join(', '))
      return fail(c, { code: 'METHOD_NOT_ALLOWED', message: `${c.req.method} is not allowed here` })
    }
    return fail(c, { code: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` })
  })
  app.onError((error, c) => {
    if (error instanceof StorageUnavailableError) return storageUnavailable(c)
    if (error instanceof HTTPException && error.status === 413) return tooLarge(c)
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx, e.g. "Malformed JSON in request body" from the JSON validator.
      return fail(c, { code: 'PARAM_ERROR', message: error.message || 'bad request' })
    }
    deps.log(`unexpected error on ${c.req.method} ${c.req.path}`, error)
    return c.json({ code: 'SYSTEMERROR', message: 'unexpected server error' }, 500)
  })

  // Hono's bodyLimit reads `request.body`, which makes Node's adapter build a full web Request (streams,
  // an AbortController) for every call: a declared length is checked as is, only a chunked body is
  // measured by reading it.
  const measured = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge })
  const measuredImage = bodyLimit({ maxSize: CHAT_IMAGE_MAX_BYTES, onError: tooLarge })
  const measuredScreen = bodyLimit({ maxSize: STUDY_SCREEN_MAX_BYTES, onError: tooLarge })
  app.use(async (c, next) => {
    const method = c.req.method
    if (method !== 'GET' && method !== 'HEAD') {
      const length = c.req.header('content-length')
      if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
        const measure =
          c.req.path === IMAGE_UPLOAD_PATH
            ? measuredImage
            : isStudyScreen(c.req.path)
              ? measuredScreen
              : measured
        return measure(c, () => serve(c, next))
      }
      if (Number(length) > limitOf(c)) return tooLarge(c)
    }
    return serve(c, next)
  })
  async function serve(c: Context<AppEnv>, next: () => Promise<void>): Promise<void> {
    // Health and the document belong to no world; everything under /shop, /pay, /alipay, /__test and
    // /console does.
    const world = IN_A_WORLD.test(c.req.path) ? resolveWorld(deps.worlds, c) : deps.worlds.default
    if ('code' in world) {
      c.res = fail(c, world)
      return
    }
    c.set('world', world)
    // Deadlines show everywhere at once: whatever fell due closes before the request is looked at.
    world.store.closeExpired()
    await next()
    // The world's clock, on every answer of its routes: a phone learns the time from any of them.
    try {
      c.res.headers.set(SIM_NOW_HEADER, new Date(world.store.now()).toISOString())
    } catch {
      // An answer with immutable headers (none of ours today): it goes without.
    }
    // Group commit: the answer leaves only once what the request changed is in the journal. If that
    // write failed, what the request changed was undone: whatever it was going to answer, it is a 503.
    try {
      await world.store.durable()
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error
      c.res = undefined
      c.res = storageUnavailable(c)
    }
  }

  // Who is calling (x-sim-* headers) on the shop and pay routes; the faults' latency on pay; the test
  // API's switch, origin check and token on /__test.
  app.use('/shop/*', simContext(deps))
  app.use('/pay/*', simContext(deps), gatewayLatency())
  app.use('/alipay/*', simContext(deps), gatewayLatency())
  app.use('/__test/*', testApiGate(deps))
  app.use('/chat/*', simContext(deps))
  app.use('/chat', simContext(deps))
  // Every route of contract/routes.ts, validated by contract/route-schemas.ts.
  mountRoutes(app, {
    health: (c) => {
      const storage = deps.worlds.health
      // Healthy stays `{ ok: true }` (BRIEF §8); degraded says why, and answers 503 so probes notice.
      return storage.state === 'ok'
        ? c.json({ ok: true as const })
        : c.json({ ok: false as const, storage }, 503)
    },
    openapi: (c) => c.json(openApiDocument()),
    ...merchantHandlers(deps),
    ...addressHandlers(),
    ...gatewayHandlers(deps),
    ...friendPayHandlers(deps),
    ...testApiHandlers(),
    ...worldHandlers(deps.worlds),
    ...wechatpayTestHandlers(deps),
    ...merchantSheetHandlers(deps),
    ...alipayApiHandlers(deps),
    ...consoleHandlers(deps),
    ...consoleActionHandlers(deps),
    ...chatHandlers(deps),
    ...studyHandlers(deps),
  })
  // WeChat Pay APIv3, at the server's root where WeChat has it (SDKs sign the path).
  // Alipay's OpenAPI first (/gateway.do, /v3/alipay/...): /v3/alipay is Alipay's, not WeChat's.
  root.route('/', alipay.app)
  root.route(V3_BASE, v3.app)
  return app
}
