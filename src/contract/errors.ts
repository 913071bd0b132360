import { z } from 'zod'
import { PersonaIdSchema } from './sim.ts'

/** WeChat-Pay-style error codes; every non-2xx answer of the API carries one. */
export const ErrorCodeSchema = z.enum([
  'PARAM_ERROR',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'IDEMPOTENCY_MISMATCH',
  'ORDER_NOT_EXIST',
  'PAYMENT_NOT_EXIST',
  'OUT_OF_STOCK',
  'ORDERPAID',
  'ORDERCLOSED',
  'PAYMENT_CLOSED',
  'METHOD_UNAVAILABLE',
  'NOTENOUGH',
  'PASSWORD_ERROR',
  'ACCOUNT_LOCKED',
  'LINK_EXPIRED',
  'SIGN_ERROR',
  'SYSTEMERROR',
  'STORAGE_UNAVAILABLE',
  'TOO_MANY_STREAMS',
  'CROSS_SITE_FORBIDDEN',
  'TEST_TOKEN_REQUIRED',
  'WORLD_NOT_FOUND',
  'TOO_MANY_WORLDS',
  'WORLD_FULL',
  'MCHID_TAKEN',
  'PAY_SIGN_ERROR',
  'APP_ID_TAKEN',
  'ORDER_OF_OTHER_PERSONA',
  'ORDER_NOT_PAID',
  'REFUND_TOO_LARGE',
  'NOTHING_DUE',
  'UNSUPPORTED_MEDIA_TYPE',
  'STUDY_NOT_FOUND',
  'PARTICIPANT_NOT_FOUND',
  'STUDY_CLOSED',
  'STUDY_KEY_REQUIRED',
  'TOO_MANY_STUDIES',
])
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** PASSWORD_ERROR: tries left before the wallet locks. */
  triesLeft: z.number().int().nonnegative().optional(),
  /** ACCOUNT_LOCKED: when payments unlock (ISO time, gateway clock). */
  lockedUntil: z.iso.datetime().optional(),
  /** ORDER_OF_OTHER_PERSONA: whose order it is (the simulator's persona and its nickname). */
  owner: z.object({ persona: PersonaIdSchema, nickname: z.string() }).optional(),
})
export type ApiError = z.infer<typeof ApiErrorSchema>

export type HttpErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 423 | 429 | 503

/** HTTP status each code is answered with. */
export const httpStatusOf: Record<ErrorCode, HttpErrorStatus> = {
  PARAM_ERROR: 400,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  IDEMPOTENCY_MISMATCH: 409,
  ORDER_NOT_EXIST: 404,
  PAYMENT_NOT_EXIST: 404,
  OUT_OF_STOCK: 409,
  ORDERPAID: 409,
  ORDERCLOSED: 409,
  PAYMENT_CLOSED: 409,
  METHOD_UNAVAILABLE: 403,
  NOTENOUGH: 403,
  PASSWORD_ERROR: 403,
  ACCOUNT_LOCKED: 423,
  LINK_EXPIRED: 410,
  SIGN_ERROR: 401,
  // Only a simulated gateway fault (persona flaky_gateway, the faults switch) answers this.
  SYSTEMERROR: 503,
  // The journal could not be made durable: nothing was changed; reads still work.
  STORAGE_UNAVAILABLE: 503,
  // An event stream over the per-order or per-process cap.
  TOO_MANY_STREAMS: 429,
  // A state-changing test route called from a page on another origin.
  CROSS_SITE_FORBIDDEN: 403,
  // A test-API call from beyond loopback without GATEWAY_TEST_TOKEN.
  TEST_TOKEN_REQUIRED: 401,
  // A world id that was never created (or has expired, or is malformed).
  WORLD_NOT_FOUND: 404,
  // GATEWAY_MAX_WORLDS worlds exist already.
  TOO_MANY_WORLDS: 429,
  // The world (or all worlds together) holds as many events as allowed: reset or delete one.
  WORLD_FULL: 413,
  // A WeChat Pay mchid another world holds (mchids are unique in the process).
  MCHID_TAKEN: 409,
  // wx.requestPayment's paySign does not verify (the test API's pay route): nothing was paid.
  PAY_SIGN_ERROR: 400,
  // An Alipay app_id another world holds (app_ids are unique in the process).
  APP_ID_TAKEN: 409,
  // The order exists but another persona of the simulator placed it (the answer names whose).
  ORDER_OF_OTHER_PERSONA: 403,
  // A refund (the test API's) of an order that is not paid: pending, closed.
  ORDER_NOT_PAID: 409,
  // A refund of more than the order has left to refund (nothing, once it is REFUNDED).
  REFUND_TOO_LARGE: 409,
  // POST /api/__test/clock { to }: no notification retry, or no deadline, is pending in the world.
  NOTHING_DUE: 409,
  // A chat image that is not a PNG or a JPEG (by its first bytes, whatever its Content-Type says).
  UNSUPPORTED_MEDIA_TYPE: 415,
  // A study id that was never made (or was deleted).
  STUDY_NOT_FOUND: 404,
  // A participant id the study does not have (or whose data was deleted).
  PARTICIPANT_NOT_FOUND: 404,
  // The study reached its target: nobody else may join.
  STUDY_CLOSED: 409,
  // An owner's route (results, exports, deletes) from beyond loopback without the study's key.
  STUDY_KEY_REQUIRED: 403,
  // The process holds as many studies as it may (500, docs/studies.md): delete one first.
  TOO_MANY_STUDIES: 429,
}
