import type { z } from 'zod'
import { ALIPAY_ROUTE_SCHEMAS } from '../../contract/alipay-route-schemas.ts'
import { ALIPAY_ROUTES } from '../../contract/routes.ts'
import type { AlipayRouteName } from '../../contract/routes.ts'

type JsonSchema = Record<string, unknown>

const v3Headers = Object.fromEntries(
  ['alipay-timestamp', 'alipay-nonce', 'alipay-signature'].map((name) => [
    name,
    { schema: { type: 'string' }, description: 'Alipay signs every v3 answer' },
  ]),
)

/**
 * The OpenAPI operations of `ALIPAY_ROUTES` (v2's gateway, v3), by path and method, for the document of
 * http/openapi.ts, which hands in its zod → JSON Schema conversion.
 */
export function alipayPaths(
  jsonSchema: (schema: z.ZodType, io: 'input' | 'output') => JsonSchema,
): Record<string, Record<string, JsonSchema>> {
  const paths: Record<string, Record<string, JsonSchema>> = {}
  for (const name of Object.keys(ALIPAY_ROUTES) as AlipayRouteName[]) {
    const { method, path } = ALIPAY_ROUTES[name]
    const route = ALIPAY_ROUTE_SCHEMAS[name]
    const v2 = route.answer === 'v2'
    const op: JsonSchema = {
      summary: route.summary,
      tags: [route.tag],
      operationId: name,
      description: v2
        ? 'Form or query parameters as alipay-sdk `exec` / `pageExec` send them (app_id, method, charset, sign_type=RSA2, timestamp, version, sign, biz_content, notify_url, return_url). Answer: `{ "<method>_response": { code, msg, sub_code?, sub_msg?, … }, "sign" }`, signed over the inner JSON; wap.pay / page.pay: 302 to the cashier. docs/alipay.md'
        : 'Authorization: ALIPAY-SHA256withRSA app_id=…,nonce=…,timestamp=…,sign=… over the request. docs/alipay.md',
      parameters: v2
        ? []
        : [{ name: 'Authorization', in: 'header', required: true, schema: { type: 'string' } }],
      ...('body' in route
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses: v2
        ? {
            '200': { description: `JSON, signed; sub_codes: ${route.errors.join(', ')}` },
            '302': { description: 'wap.pay / page.pay: to the simulated cashier' },
          }
        : {
            '200': {
              description: 'OK',
              headers: v3Headers,
              content: {
                'application/json': { schema: jsonSchema(route.answer.schema, 'output') },
              },
            },
            '400': { description: route.errors.join(', '), headers: v3Headers },
            '401': {
              description: 'invalid-signature, invalid-app-id, invalid-timestamp',
              headers: v3Headers,
            },
          },
    }
    paths[path] = { ...paths[path], [method === 'GET' ? 'get' : 'post']: op }
  }
  return paths
}
