import type { z } from 'zod'
import type { RouteSchemas } from '@/contract/route-schemas.ts'
import { ROUTES, routePath } from '@/contract/routes.ts'
import type { RouteName, RouteParams } from '@/contract/routes.ts'
import { apiTimed } from './client.ts'
import type { Timed } from './client.ts'

type SchemaOf<N extends RouteName, K extends string> =
  RouteSchemas[N] extends Record<K, infer S extends z.ZodType> ? S : never

/** What a route answers with (its schema's output). */
export type AnswerOf<N extends RouteName> = RouteSchemas[N]['answer'] extends {
  schema: infer S extends z.ZodType
}
  ? z.output<S>
  : never

type ParamsPart<N extends RouteName> = [keyof RouteParams<N>] extends [never]
  ? { params?: undefined }
  : { params: RouteParams<N> }
type QueryPart<N extends RouteName> = [SchemaOf<N, 'query'>] extends [never]
  ? { query?: undefined }
  : { query: z.input<SchemaOf<N, 'query'>> }
type BodyPart<N extends RouteName> = [SchemaOf<N, 'body'>] extends [never]
  ? { body?: undefined }
  : { body: z.input<SchemaOf<N, 'body'>> }

/** A call of route `N`: its params, query and body as the route's schemas take them. */
export type CallInput<N extends RouteName> = ParamsPart<N> &
  QueryPart<N> &
  BodyPart<N> & { idempotencyKey?: string; signal?: AbortSignal | undefined }

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

/**
 * The order page's first call checks its answer against its own schema alone, not the whole table's
 * (every schema of the API: 44.0 KB gzip with zod instead of 27.6, `npm run bench -- --only size`). It is the table's schema
 * for that route: `call.test.ts` holds them to be the same object.
 */
export const FIRST_SCREEN_ANSWERS = {
  catalog: async () => (await import('@/contract/catalog.ts')).CatalogSchema,
} satisfies Partial<Record<RouteName, () => Promise<z.ZodType>>>

function firstScreenAnswer(name: RouteName): (() => Promise<z.ZodType>) | undefined {
  return (FIRST_SCREEN_ANSWERS as Partial<Record<RouteName, () => Promise<z.ZodType>>>)[name]
}

/**
 * Calls a route of the table by name (contract/routes.ts): its method and path, the params filled in,
 * the answer checked against its schema, which loads (with zod) while the request is on the wire.
 */
export function callRouteTimed<N extends RouteName>(
  name: N,
  input: CallInput<N>,
): Promise<Timed<AnswerOf<N>>> {
  const { method } = ROUTES[name]
  const path = routePath(name, (input.params ?? {}) as RouteParams<N>)
  const loadSchema = async () => {
    const light = firstScreenAnswer(name)
    if (light) return (await light()) as unknown as z.ZodType<AnswerOf<N>>
    const { ROUTE_SCHEMAS } = await import('@/contract/route-schemas.ts')
    const answer: RouteSchemas[RouteName]['answer'] = ROUTE_SCHEMAS[name].answer
    if (answer === 'sse') throw new Error(`${name} is an event stream: open it with EventSource`)
    // The table pairs this name with this schema; TypeScript cannot follow a generic index here.
    return answer.schema as unknown as z.ZodType<AnswerOf<N>>
  }
  return apiTimed(
    `${path}${queryString(input.query as Record<string, unknown> | undefined)}`,
    loadSchema,
    {
      method,
      ...(input.body === undefined ? {} : { body: input.body }),
      ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
      signal: input.signal,
    },
  )
}

export async function callRoute<N extends RouteName>(
  name: N,
  input: CallInput<N>,
): Promise<AnswerOf<N>> {
  return (await callRouteTimed(name, input)).value
}
