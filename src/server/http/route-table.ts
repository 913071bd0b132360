import type { Context, Hono } from 'hono'
import type { z } from 'zod'
import { ROUTE_SCHEMAS } from '../../contract/route-schemas.ts'
import type { RouteSchemas } from '../../contract/route-schemas.ts'
import { ROUTES } from '../../contract/routes.ts'
import type { ParamNames, RouteName, V3RouteName } from '../../contract/routes.ts'
import type { V3_ROUTES } from '../../contract/routes.ts'
import type { V3RouteSchemas } from '../../contract/wechatpay-route-schemas.ts'
import type { AppEnv } from './env.ts'
import { checkIdempotencyKey, describe, fail } from './respond.ts'

/** A route of a table: its method and path (under the table's base). */
export interface TableRoute {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
}

/** What mounting needs of a route's schemas. */
export interface TableSchema {
  summary: string
  idempotent?: boolean
  query?: z.ZodType
  body?: z.ZodType
}

type Field<S, K extends string> =
  S extends Record<K, infer Z extends z.ZodType> ? z.output<Z> : undefined

/** What a handler gets, validated with its route's schemas. */
export interface TableInput<P extends string, S> {
  params: Record<ParamNames<P>, string>
  query: Field<S, 'query'>
  body: Field<S, 'body'>
}

type Handler<I> = (c: Context<AppEnv>, input: I) => Response | Promise<Response>

/** A handler for every route of a table. */
export type TableHandlers<
  R extends Record<string, TableRoute>,
  S extends Record<keyof R, unknown>,
> = {
  [K in keyof R]: Handler<TableInput<R[K]['path'], S[K]>>
}

/** How a table refuses bad input: the /api's `{ code, message }`, or WeChat's own for /v3. */
export interface Refusals {
  invalid(c: Context<AppEnv>, where: 'query' | 'body', problem: z.ZodError | string): Response
}

export type RouteInput<N extends RouteName> = TableInput<
  (typeof ROUTES)[N]['path'],
  RouteSchemas[N]
>
export type RouteHandler<N extends RouteName> = Handler<RouteInput<N>>
/** A handler for every route of a group (`'catalog' | 'createOrder' | …`). */
export type RouteHandlers<N extends RouteName> = { [K in N]: RouteHandler<K> }

export type V3RouteInput<N extends V3RouteName> = TableInput<
  (typeof V3_ROUTES)[N]['path'],
  V3RouteSchemas[N]
>
export type V3RouteHandlers<N extends V3RouteName> = { [K in N]: Handler<V3RouteInput<K>> }

const JSON_TYPE = /^application\/([\w.-]+\+)?json\b/i

async function readBody(
  c: Context<AppEnv>,
  schema: z.ZodType,
  refusals: Refusals,
): Promise<{ value: unknown } | Response> {
  const type = c.req.header('content-type')
  if (!JSON_TYPE.test(type ?? '')) {
    // No body at all, where the route's body is optional (joining a study, quitting it).
    const empty =
      type === undefined &&
      (c.req.header('content-length') ?? '0') === '0' &&
      c.req.header('transfer-encoding') === undefined
    const none = empty ? schema.safeParse(undefined) : null
    if (none?.success) return { value: none.data }
    return refusals.invalid(c, 'body', 'send the body as application/json')
  }
  let json: unknown
  try {
    json = await c.req.json()
  } catch {
    return refusals.invalid(c, 'body', 'Malformed JSON in request body')
  }
  const parsed = schema.safeParse(json)
  return parsed.success ? { value: parsed.data } : refusals.invalid(c, 'body', parsed.error)
}

const apiRefusals: Refusals = {
  invalid: (c, _where, problem) =>
    fail(c, {
      code: 'PARAM_ERROR',
      message: typeof problem === 'string' ? problem : describe(problem),
    }),
}

/**
 * Mounts every route of a table on `app`, each with its handler: the method and path from the table,
 * the Idempotency-Key check, query and body validation with the route's schemas, refusals in the
 * table's own shape. A route in the table without a handler does not compile.
 */
export function mountTable<
  R extends Record<string, TableRoute>,
  S extends Record<keyof R, TableSchema>,
>(
  app: Hono<AppEnv>,
  routes: R,
  schemas: S,
  handlers: TableHandlers<R, S>,
  refusals: Refusals,
): void {
  for (const name of Object.keys(routes) as (keyof R & string)[]) {
    const { method, path } = routes[name] as TableRoute
    const schema: TableSchema = schemas[name]
    const handler = handlers[name] as Handler<unknown>
    app.on(method, path, async (c) => {
      if (schema.idempotent) {
        const refused = checkIdempotencyKey(c)
        if (refused) return refused
      }
      let query: unknown
      if (schema.query) {
        const parsed = schema.query.safeParse(c.req.query())
        if (!parsed.success) return refusals.invalid(c, 'query', parsed.error)
        query = parsed.data
      }
      let body: unknown
      if (schema.body) {
        const read = await readBody(c, schema.body, refusals)
        if (read instanceof Response) return read
        body = read.value
      }
      // The casts meet the checks above: each field was parsed by the route's own schema.
      return handler(c, { params: c.req.param(), query, body })
    })
  }
}

/** Mounts contract/routes.ts under /api, validated by contract/route-schemas.ts. */
export function mountRoutes(app: Hono<AppEnv>, handlers: RouteHandlers<RouteName>): void {
  mountTable(app, ROUTES, ROUTE_SCHEMAS, handlers, apiRefusals)
}
