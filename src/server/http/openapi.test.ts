import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { ALIPAY_ROUTES, ROUTES, V3_ROUTES } from '../../contract/routes.ts'
import { harness } from './testing.ts'

interface Doc {
  openapi: string
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: unknown
        responses: Record<string, unknown>
        parameters: { name: string; in: string }[]
      }
    >
  >
}

describe('GET /api/openapi.json', () => {
  it('documents every route of the app, and only those, as OpenAPI 3.1 from the zod schemas', async () => {
    const h = harness()
    const res = await h.call('GET', '/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as Doc
    expect(doc.openapi).toBe('3.1.0')
    const routed = new Set(
      h.app.routes
        .filter((r) => r.method !== 'ALL')
        .map(
          (r) =>
            `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`,
        ),
    )
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m} ${path}`),
      ),
    )
    expect([...documented].sort()).toEqual([...routed].sort())
    expect(documented.size).toBeGreaterThanOrEqual(28)
  })

  it('is a valid OpenAPI 3.1 document, with one operation per route of the table, named after it', async () => {
    const h = harness()
    const doc = (await (await h.call('GET', '/api/openapi.json')).json()) as Doc
    const validator = new Validator()
    const result = await validator.validate(doc as unknown as Record<string, unknown>)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    const operationIds = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops).map((op) => (op as { operationId?: string }).operationId),
    )
    expect(operationIds.sort()).toEqual(
      [...Object.keys(ROUTES), ...Object.keys(V3_ROUTES), ...Object.keys(ALIPAY_ROUTES)].sort(),
    )
  })

  it('carries the request and answer schemas, path parameters, the idempotency header and error codes', async () => {
    const h = harness()
    const doc = (await (await h.call('GET', '/api/openapi.json')).json()) as Doc
    const create = doc.paths['/api/pay/payments']?.post
    expect(create?.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['orderId', 'method'],
            properties: { method: { enum: expect.arrayContaining(['wechat-scan', 'friend-pay']) } },
          },
        },
      },
    })
    expect(create?.parameters.map((p) => `${p.in}:${p.name}`)).toContain('header:idempotency-key')
    expect(Object.keys(create?.responses ?? {}).sort()).toEqual([
      '200',
      '201',
      '400',
      '403',
      '404',
      '405',
      '409',
      '413',
    ])
    const confirm = doc.paths['/api/pay/sheets/{token}/confirm']?.post
    expect(confirm?.parameters).toContainEqual(
      expect.objectContaining({ name: 'token', in: 'path' }),
    )
    expect(confirm?.responses['503']).toBeDefined()
    const events = doc.paths['/api/shop/orders/{orderId}/events']?.get
    expect(events?.responses['200']).toMatchObject({
      content: { 'text/event-stream': expect.anything() },
    })
  })
})
