import { z } from 'zod'
import { ApiErrorSchema, httpStatusOf } from '../../contract/errors.ts'
import type { ErrorCode } from '../../contract/errors.ts'
import { OrderLiveEventSchema } from '../../contract/order-live.ts'
import { TEST_TOKEN_HEADER, TEST_TOKEN_QUERY } from '../../contract/headers.ts'
import { IDEMPOTENCY_HEADER, IdempotencyKeySchema, SIM_HEADERS } from '../../contract/sim.ts'
import { ROUTE_SCHEMAS } from '../../contract/route-schemas.ts'
import type { RouteSchema } from '../../contract/route-schema.ts'
import { API_BASE, ROUTES, V3_BASE, V3_ROUTES } from '../../contract/routes.ts'
import type { RouteName, V3RouteName } from '../../contract/routes.ts'
import { V3_ERROR_STATUS, V3ErrorSchema } from '../../contract/wechatpay.ts'
import { V3_ROUTE_SCHEMAS } from '../../contract/wechatpay-route-schemas.ts'
import { alipayPaths } from '../alipay/openapi.ts'
import type { V3RouteSchema } from '../../contract/wechatpay-route-schemas.ts'

/** A route of the table as the document needs it: its name, method and path, and its schemas. */
type RouteDoc = RouteSchema & { name: RouteName; method: 'get' | 'post' | 'delete'; path: string }

type JsonSchema = Record<string, unknown>

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' })
  return rest
}

const simHeaderParams = [
  {
    name: SIM_HEADERS.persona,
    in: 'header',
    required: false,
    schema: { type: 'string' },
    description: 'The simulated user (default shopper); also `?persona=`',
  },
  {
    name: SIM_HEADERS.era,
    in: 'header',
    required: false,
    schema: { type: 'string', enum: ['beta', 'launch'] },
    description: 'beta (default) or launch; also `?era=`',
  },
  {
    name: SIM_HEADERS.appVersion,
    in: 'header',
    required: false,
    schema: { type: 'string' },
    description: "Taobao app version (default: the persona's); also `?appVersion=`",
  },
]

const studyKeyParams = [
  {
    name: 'x-study-key',
    in: 'header',
    required: false,
    schema: { type: 'string' },
    description:
      "The study's owner key (from its creation); needed from beyond loopback. Also `?key=`",
  },
  {
    name: 'key',
    in: 'query',
    required: false,
    schema: { type: 'string' },
    description: "The study's owner key, where a header cannot be set",
  },
]

const testTokenParams = [
  {
    name: TEST_TOKEN_HEADER,
    in: 'header',
    required: false,
    schema: { type: 'string' },
    description:
      'The test token (GATEWAY_TEST_TOKEN, or printed at start); needed from beyond loopback. Also `?token=`',
  },
  {
    name: TEST_TOKEN_QUERY,
    in: 'query',
    required: false,
    schema: { type: 'string' },
    description: 'The test token, where a header cannot be set',
  },
]

/** A route's path and query parameters, from its path and query schema. */
function pathAndQuery(path: string, querySchema: z.ZodType | undefined): JsonSchema[] {
  const parameters: JsonSchema[] = []
  for (const match of path.matchAll(/:(\w+)/g)) {
    parameters.push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } })
  }
  if (querySchema) {
    const query = jsonSchema(querySchema, 'input') as {
      properties?: Record<string, JsonSchema>
      required?: string[]
    }
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      parameters.push({
        name,
        in: 'query',
        required: query.required?.includes(name) ?? false,
        schema,
      })
    }
  }
  return parameters
}

function operation(route: RouteDoc): JsonSchema {
  const parameters = pathAndQuery(route.path, route.query)
  if (route.idempotent) {
    parameters.push({
      name: IDEMPOTENCY_HEADER,
      in: 'header',
      required: true,
      schema: jsonSchema(IdempotencyKeySchema, 'input'),
    })
  }
  if (
    route.tag !== 'meta' &&
    route.tag !== 'test' &&
    route.tag !== 'console' &&
    route.tag !== 'lab'
  ) {
    parameters.push(...simHeaderParams)
  }
  // A study owner's routes (docs/studies.md): the owner key, needed from beyond loopback.
  if (route.errors.includes('STUDY_KEY_REQUIRED')) parameters.push(...studyKeyParams)
  // The console's reads take the token too: with it (or from loopback) nothing is redacted.
  if (route.tag === 'test' || route.tag === 'console') parameters.push(...testTokenParams)

  const responses: Record<string, JsonSchema> = {}
  if (route.answer === 'sse') {
    responses['200'] = {
      description: route.events
        ? 'A stream of `event: entry` frames, `id:` the seq, `data:` one entry (JSON)'
        : 'A stream of `data:` lines, each an OrderLiveEvent (JSON), with `id:` lines',
      content: {
        'text/event-stream': {
          schema: { type: 'string' },
          'x-event-schema': jsonSchema(route.events ?? OrderLiveEventSchema, 'output'),
        },
      },
    }
  } else {
    const type = route.answer.contentType ?? 'application/json'
    const content = { [type]: { schema: jsonSchema(route.answer.schema, 'output') } }
    responses[String(route.answer.status)] = { description: 'OK', content }
    if (route.idempotent)
      responses['200'] = { description: 'The first answer again (same key, same body)', content }
  }
  const byStatus = new Map<number, ErrorCode[]>()
  for (const code of [...route.errors, 'METHOD_NOT_ALLOWED', 'PAYLOAD_TOO_LARGE'] as ErrorCode[]) {
    const status = httpStatusOf[code]
    byStatus.set(status, [...(byStatus.get(status) ?? []), code])
  }
  for (const [status, codes] of byStatus) {
    responses[String(status)] = {
      description: codes.join(', '),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
    }
  }
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: route.name,
    parameters,
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    ...(route.upload
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              route.upload.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
            ),
          },
        }
      : {}),
    responses,
  }
}

const signatureHeaders = Object.fromEntries(
  ['Wechatpay-Timestamp', 'Wechatpay-Nonce', 'Wechatpay-Serial', 'Wechatpay-Signature'].map(
    (name) => [
      name,
      { schema: { type: 'string' }, description: 'the platform signs every answer' },
    ],
  ),
)

/** A /v3 route: signed by the merchant (Authorization), answered signed, refused in WeChat's shape. */
function v3Operation(name: V3RouteName, route: V3RouteSchema, path: string): JsonSchema {
  const parameters = [
    ...pathAndQuery(path, route.query),
    {
      name: 'Authorization',
      in: 'header',
      required: true,
      schema: { type: 'string' },
      description:
        'WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",signature="…",timestamp="…",serial_no="…"',
    },
    {
      name: 'Wechatpay-Serial',
      in: 'header',
      required: false,
      schema: { type: 'string' },
      description:
        'PUB_KEY_ID_… or the platform certificate serial: the key the answer is signed for',
    },
  ]
  const responses: Record<string, JsonSchema> = {}
  responses[String(route.answer.status)] =
    'schema' in route.answer
      ? {
          description: 'OK',
          headers: signatureHeaders,
          content: { 'application/json': { schema: jsonSchema(route.answer.schema, 'output') } },
        }
      : { description: 'No Content (signed over the empty body)', headers: signatureHeaders }
  const byStatus = new Map<number, string[]>()
  for (const code of [...route.errors, 'NOT_FOUND'] as const) {
    const status = V3_ERROR_STATUS[code]
    byStatus.set(status, [...new Set([...(byStatus.get(status) ?? []), code])])
  }
  for (const [status, codes] of byStatus) {
    responses[String(status)] = {
      description: codes.join(', '),
      headers: signatureHeaders,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/V3Error' } } },
    }
  }
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: name,
    parameters,
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses,
  }
}

let cached: JsonSchema | null = null

/** The OpenAPI 3.1 document of the API, generated from the contract's zod schemas (built once). */
export function openApiDocument(): JsonSchema {
  if (cached) return cached
  const paths: Record<string, Record<string, JsonSchema>> = {}
  for (const name of Object.keys(ROUTES) as RouteName[]) {
    const { method, path: routePath } = ROUTES[name]
    const route: RouteDoc = {
      ...ROUTE_SCHEMAS[name],
      name,
      method: method === 'GET' ? 'get' : method === 'POST' ? 'post' : 'delete',
      path: routePath,
    }
    const path = `${API_BASE}${routePath.replace(/:(\w+)/g, '{$1}')}`
    paths[path] = { ...paths[path], [route.method]: operation(route) }
  }
  for (const name of Object.keys(V3_ROUTES) as V3RouteName[]) {
    const { method, path: routePath } = V3_ROUTES[name]
    const path = `${V3_BASE}${routePath.replace(/:(\w+)/g, '{$1}')}`
    const op = v3Operation(name, V3_ROUTE_SCHEMAS[name], routePath)
    paths[path] = { ...paths[path], [method === 'GET' ? 'get' : 'post']: op }
  }
  Object.assign(paths, alipayPaths(jsonSchema))
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Taobao × WeChat Pay checkout simulator: merchant and mock payment gateway',
      version: '1.0.0',
      description:
        'Simulation only: no real money. Every non-2xx answer under /api is `{ code, message }`; ' +
        "under /v3 (WeChat Pay APIv3, docs/wechatpay.md) WeChat's own `{ code, message, detail? }`, signed.",
    },
    paths,
    components: {
      schemas: {
        ApiError: jsonSchema(ApiErrorSchema, 'output'),
        V3Error: jsonSchema(V3ErrorSchema, 'output'),
      },
    },
  }
  return cached
}
