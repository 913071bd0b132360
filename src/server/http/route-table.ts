import type { Context, Hono } from 'hono'
import type { z } from 'zod'
import { ROUTE_SCHEMAS } from '../../contract/route-schemas.ts'
import type { RouteSchema, RouteSchemas } from '../../contract/route-schemas.ts'
import { ROUTES } from '../../contract/routes.ts'
import type { RouteName, RouteParams } from '../../contract/routes.ts'
import type { AppEnv } from './env.ts'
import { checkIdempotencyKey, describe, fail } from './respond.ts'

type Field<N extends RouteName, K extends string> =
  RouteSchemas[N] extends Record<K, infer S extends z.ZodType> ? z.output<S> : undefined

/** What a route's handler gets, validated against the route's schemas. */
export interface RouteInput<N extends RouteName> {
  params: RouteParams<N>
  query: Field<N, 'query'>
  body: Field<N, 'body'>
}

export type RouteHandler<N extends RouteName> = (
  c: Context<AppEnv>,
  input: RouteInput<N>,
) => Response | Promise<Response>

/** A handler for every route of a group (`'catalog' | 'createOrder' | …`). */
export type RouteHandlers<N extends RouteName> = { [K in N]: RouteHandler<K> }

const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i

async function readBody(
  c: Context<AppEnv>,
  schema: z.ZodType,
): Promise<{ value: unknown } | Response> {
  if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    return fail(c, { code: 'PARAM_ERROR', message: 'send the body as application/json' })
  }
  let json: unknown
  try {
    json = await c.req.json()
  } catch {
    return fail(c, { code: 'PARAM_ERROR', message: 'Malformed JSON in request body' })
  }
  const parsed = schema.safeParse(json)
  return parsed.success
    ? { value: parsed.data }
    : fail(c, { code: 'PARAM_ERROR', message: describe(parsed.error) })
}

/**
 * Mounts every route of the table on `app`, each with its handler: the method and path from
 * `contract/routes.ts`, the Idempotency-Key check, query and body validation from
 * `contract/route-schemas.ts`. A route in the table without a handler does not compile.
 */
export function mountRoutes(app: Hono<AppEnv>, handlers: RouteHandlers<RouteName>): void {
  for (const name of Object.keys(ROUTES) as RouteName[]) mountRoute(app, name, handlers[name])
}

function mountRoute<N extends RouteName>(app: Hono<AppEnv>, name: N, handler: RouteHandler<N>) {
  const { method, path } = ROUTES[name]
  const schemas: RouteSchema = ROUTE_SCHEMAS[name]
  app.on(method, path, async (c) => {
    if (schemas.idempotent) {
      const refused = checkIdempotencyKey(c)
      if (refused) return refused
    }
    let query: unknown
    if (schemas.query) {
      const parsed = schemas.query.safeParse(c.req.query())
      if (!parsed.success) return fail(c, { code: 'PARAM_ERROR', message: describe(parsed.error) })
      query = parsed.data
    }
    let body: unknown
    if (schemas.body) {
      const read = await readBody(c, schemas.body)
      if (read instanceof Response) return read
      body = read.value
    }
    // The casts meet the checks above: each field was parsed by the route's own schema.
    const input = { params: c.req.param() as RouteParams<N>, query, body } as RouteInput<N>
    return handler(c, input)
  })
}
