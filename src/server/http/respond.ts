import { hash } from 'node:crypto'
import type { Context } from 'hono'
import type { z } from 'zod'
import { httpStatusOf } from '../../contract/errors.ts'
import type { ApiError } from '../../contract/errors.ts'
import { IDEMPOTENCY_HEADER, IdempotencyKeySchema } from '../../contract/sim.ts'
import type { AppEnv } from './env.ts'

/** Every non-2xx answer: `{ code, message, ... }` with the code's status. */
export function fail(c: Context, error: ApiError) {
  return c.json(error, httpStatusOf[error.code])
}

/** The first few problems zod found, for a PARAM_ERROR's message. */
export function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'value'}: ${i.message}`)
    .join('; ')
}

/**
 * A create's Idempotency-Key: a retry with the same key and body gets the first answer. Read alone (not
 * through Hono's header validator, which copies every header of every request). A refusal, or null.
 */
export function checkIdempotencyKey(c: Context<AppEnv>): Response | null {
  const parsed = IdempotencyKeySchema.safeParse(c.req.header(IDEMPOTENCY_HEADER))
  if (!parsed.success) {
    return fail(c, {
      code: 'PARAM_ERROR',
      message: `${IDEMPOTENCY_HEADER} header: ${describe(parsed.error)}`,
    })
  }
  c.set('idemKey', parsed.data)
  return null
}

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
