import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { bodyLimit } from 'hono/body-limit'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { closeExpired } from '../store/deadlines.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { gatewayRoutes } from './gateway.ts'
import { merchantRoutes } from './merchant.ts'
import { fail } from './respond.ts'
import { testApiRoutes } from './test-api.ts'

export const MAX_BODY_BYTES = 64 * 1024

/** The whole API under /api. No input gets a 5xx: every refusal is `{ code, message }` with a 4xx. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>().basePath('/api')

  app.notFound((c) =>
    fail(c, { code: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` }),
  )
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 413) {
      return fail(c, {
        code: 'PAYLOAD_TOO_LARGE',
        message: `bodies are limited to ${MAX_BODY_BYTES} bytes`,
      })
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx, e.g. "Malformed JSON in request body" from the JSON validator.
      return fail(c, { code: 'PARAM_ERROR', message: error.message || 'bad request' })
    }
    deps.log(`unexpected error on ${c.req.method} ${c.req.path}`, error)
    return c.json({ code: 'SYSTEMERROR', message: 'unexpected server error' }, 500)
  })

  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        c.header('Allow', methods.join(', '))
        return fail(c, {
          code: 'METHOD_NOT_ALLOWED',
          message: `${c.req.method} is not allowed here`,
        })
      },
    }),
  )
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        fail(c, {
          code: 'PAYLOAD_TOO_LARGE',
          message: `bodies are limited to ${MAX_BODY_BYTES} bytes`,
        }),
    }),
  )
  app.use(async (_c, next) => {
    closeExpired(deps.store)
    await next()
  })

  return app
    .get('/health', (c) => c.json({ ok: true as const }))
    .route('/shop', merchantRoutes(deps))
    .route('/pay', gatewayRoutes(deps))
    .route('/__test', testApiRoutes(deps))
}

export type AppType = ReturnType<typeof createApp>
