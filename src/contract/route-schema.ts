// The shape of one route's schemas (routes.ts names the routes, route-schemas.ts gives each its schemas).
import type { z } from 'zod'
import type { ErrorCode } from './errors.ts'

/** One route's schemas and documentation. */
export interface RouteSchema {
  summary: string
  tag: 'meta' | 'merchant' | 'gateway' | 'friend-pay' | 'test' | 'console' | 'chat' | 'lab'
  /** Takes an `Idempotency-Key` header: a retry with the same key and body gets the first answer. */
  idempotent?: boolean
  query?: z.ZodType
  body?: z.ZodType
  /** The body is raw bytes of one of these types (an image upload), not JSON. */
  upload?: readonly string[]
  /**
   * The success answer; `sse` streams `OrderLiveEvent`s (or the `events` schema). `contentType` when it is
   * not `application/json` (an NDJSON export: the schema is one line's).
   */
  answer:
    | { readonly status: 200 | 201; readonly schema: z.ZodType; readonly contentType?: string }
    | 'sse'
  /** An `sse` route's `data:` frames, when they are not `OrderLiveEvent`s. */
  events?: z.ZodType
  errors: readonly ErrorCode[]
}

/** A state-changing test route: refused to foreign pages, and from beyond loopback without the token. */
export const GUARDED: readonly ErrorCode[] = ['CROSS_SITE_FORBIDDEN', 'TEST_TOKEN_REQUIRED']
