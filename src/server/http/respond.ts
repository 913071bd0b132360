import { hash } from 'node:crypto'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { validator } from 'hono/validator'
import type { z } from 'zod'
import { httpStatusOf } from '../../contract/errors.ts'
import type { ApiError } from '../../contract/errors.ts'
import { IDEMPOTENCY_HEADER, IdempotencyKeySchema } from '../../contract/sim.ts'
import type { AppEnv } from './env.ts'

/** Every non-2xx answer: `{ code, message, ... }` with the code's status. */
export function fail(c: Context, error: ApiError) {
  return c.json(error, httpStatusOf[error.code])
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'value'}: ${i.message}`)
    .join('; ')
}

/** The JSON body, checked by `schema`. Malformed JSON is caught by the app's onError. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return validator('json', (value, c): z.output<S> | Response => {
    if (!/^application\/([\w.-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
      return fail(c, { code: 'PARAM_ERROR', message: 'send the body as application/json' })
    }
    const result = schema.safeParse(value)
    return result.success
      ? result.data
      : fail(c, { code: 'PARAM_ERROR', message: describe(result.error) })
  })
}

export function queryOf<S extends z.ZodType>(schema: S) {
  return validator('query', (value, c): z.output<S> | Response => {
    const result = schema.safeParse(value)
    return result.success
      ? result.data
      : fail(c, { code: 'PARAM_ERROR', message: describe(result.error) })
  })
}

/**
 * Creates carry an Idempotency-Key: a retry with the same key and body gets the first answer. Read alone
 * (not through the header validator, which copies every header of every request).
 */
export const idempotencyKey = createMiddleware<AppEnv>(async (c, next) => {
  const parsed = IdempotencyKeySchema.safeParse(c.req.header(IDEMPOTENCY_HEADER))
  if (!parsed.success) {
    return fail(c, {
      code: 'PARAM_ERROR',
      message: `${IDEMPOTENCY_HEADER} header: ${describe(parsed.error)}`,
    })
  }
  c.set('idemKey', parsed.data)
  await next()
})

/** Identifies a request body for idempotency: same key with another fingerprint is a mismatch. */
export function fingerprint(value: unknown): string {
  return hash('sha256', JSON.stringify(value), 'base64url')
}

/** A fresh id that nothing holds yet (collisions are astronomically rare, but cost nothing to rule out). */
export function freshId(make: () => string, taken: (id: string) => boolean): string {
  let id = make()
  while (taken(id)) id = make()
  return id
}
