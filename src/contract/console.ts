import { z } from 'zod'
import { OrderSchema } from './order.ts'

/**
 * The console (`/console`, docs/console.md): one world's timeline. Every entry is one of three kinds of
 * thing the world did, each with a sequence number that only grows within the world (SSE `id:`, the
 * `after=` cursor, the `Last-Event-ID` replay):
 * - `event`: a state change, as the journal stored it (the console never recomputes state);
 * - `call`: an inbound API call of an external merchant (WeChat Pay APIv3 `/v3/…`, Alipay `/gateway.do`
 *   and `/v3/alipay/…`);
 * - `delivery`: one outbound notification attempt (Taobao's own merchant, a WeChat Pay or an Alipay
 *   merchant's `notify_url`).
 * Calls and deliveries live in a bounded log per world (the last CONSOLE_LOG_LIMIT), never in the journal.
 */

export const CONSOLE_LOG_LIMIT = 10_000

export const ConsoleKindSchema = z.enum(['event', 'call', 'delivery'])
export type ConsoleKind = z.infer<typeof ConsoleKindSchema>

/** The ids an entry touches: what the search and the filters match, and what its links open. */
export const ConsoleRefsSchema = z.object({
  orderId: z.string().optional(),
  /** The checkout an order of several shops' belongs to (a payment's `orderId` is the checkout's). */
  checkoutId: z.string().optional(),
  paymentId: z.string().optional(),
  refundId: z.string().optional(),
  token: z.string().optional(),
  outTradeNo: z.string().optional(),
  transactionId: z.string().optional(),
  /** A WeChat Pay mchid or an Alipay app_id. */
  merchant: z.string().optional(),
  persona: z.string().optional(),
  /** A delivery's notification id (what `POST /api/__test/notifications/:id/resend` takes). */
  notificationId: z.string().optional(),
})
export type ConsoleRefs = z.infer<typeof ConsoleRefsSchema>

const HeadersSchema = z.record(z.string(), z.string())

/** What an inbound call carried and was answered. Bodies are cut at 64 KiB. */
export const ConsoleCallSchema = z.object({
  api: z.enum(['wechatpay', 'alipay']),
  method: z.string(),
  path: z.string(),
  status: z.number().int(),
  ms: z.number().nonnegative(),
  /** The signature check: `ok`, `bad` (refused for it), or `none` (the route takes none). */
  signature: z.enum(['ok', 'bad', 'none']),
  requestHeaders: HeadersSchema,
  requestBody: z.string(),
  responseHeaders: HeadersSchema,
  responseBody: z.string(),
})
export type ConsoleCall = z.infer<typeof ConsoleCallSchema>

/** One notification attempt, as sent and as answered. */
export const ConsoleDeliverySchema = z.object({
  channel: z.enum(['taobao', 'wechatpay', 'alipay']),
  notificationId: z.string(),
  attempt: z.number().int().positive(),
  url: z.string(),
  method: z.string(),
  requestHeaders: HeadersSchema,
  requestBody: z.string(),
  /**
   * The decrypted `resource` (WeChat Pay) beside the ciphertext; only for loopback callers or with the
   * test token, else null.
   */
  decrypted: z.unknown().nullable(),
  /** The merchant's answer; null when none came (refused, timed out, dropped by a fault). */
  status: z.number().int().nullable(),
  responseBody: z.string(),
  ms: z.number().nonnegative(),
  outcome: z.enum(['delivered', 'failed', 'dropped']),
  /**
   * What was special about this attempt, if anything: `resent` (the console's resend), `probe`
   * (WeChat's SIGNTEST probe before it), `duplicate` (the second copy of a `duplicate` fault),
   * `wrong-signature` (the `notifySign: wrong` fault).
   */
  note: z.enum(['resent', 'probe', 'duplicate', 'wrong-signature']).optional(),
  /** When the next attempt is due (on the world's clock), or null when there is none. */
  nextRetryAt: z.iso.datetime().nullable(),
})
export type ConsoleDelivery = z.infer<typeof ConsoleDeliverySchema>

export const ConsoleEntrySchema = z.object({
  seq: z.number().int().positive(),
  /** On the world's clock. */
  at: z.iso.datetime(),
  kind: ConsoleKindSchema,
  /** `order.created`, `payment.succeeded`, `clock.moved`, `call`, `delivery`, … (the event's type). */
  type: z.string(),
  /** One line for the row, in English words and ids (the page words it itself from type + refs). */
  summary: z.string(),
  refs: ConsoleRefsSchema,
  /** `event`: the event as stored; `call` / `delivery`: the objects above. */
  detail: z.unknown(),
})
export type ConsoleEntry = z.infer<typeof ConsoleEntrySchema>

/** `GET /api/console/timeline?after=&limit=&kind=&q=`: oldest first, after the cursor. */
export const ConsoleTimelineQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().positive().max(CONSOLE_LOG_LIMIT).optional(),
  kind: ConsoleKindSchema.optional(),
  /** Any id of `refs` (exact), or a part of the type or summary. */
  q: z.string().max(200).optional(),
})
export const ConsoleTimelineSchema = z.object({
  world: z.string(),
  entries: z.array(ConsoleEntrySchema),
  /** The last seq of the world (what the stream continues from). */
  last: z.number().int().nonnegative(),
  /** Whether the test API is on: with it off the console is read-only and says why. */
  actions: z.boolean(),
})
export type ConsoleTimeline = z.infer<typeof ConsoleTimelineSchema>

/** `POST /api/__test/merchants/:id/fail-next`: the merchant's next signed call answers this code. */
export const FailNextBodySchema = z.strictObject({ code: z.string().min(1).max(64) })

/** `POST /api/__test/orders/:orderId/refund`: all of it by default. */
export const TestRefundBodySchema = z.strictObject({
  amountFen: z.number().int().positive().optional(),
})

export const ConsoleObjectKindSchema = z.enum(['order', 'payment', 'refund', 'merchant'])
export type ConsoleObjectKind = z.infer<typeof ConsoleObjectKindSchema>

/**
 * `GET /api/console/objects/:kind/:id`: an order, a payment, a refund or a merchant as the world holds
 * it (any persona's), with its whole story: every entry whose refs name it, oldest first. A merchant's
 * object lists its keys' ids (serial numbers, never a private key) and no secrets.
 */
export const ConsoleObjectSchema = z.object({
  kind: ConsoleObjectKindSchema,
  id: z.string(),
  object: z.record(z.string(), z.unknown()),
  entries: z.array(ConsoleEntrySchema),
})
export type ConsoleObject = z.infer<typeof ConsoleObjectSchema>

/** `GET /api/console/events?after=`: the entries after this seq first (a `Last-Event-ID` header wins). */
export const ConsoleEventsQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().optional(),
})

/** `POST /api/__test/notifications/:id/resend`: the attempt's deliveries (two with `duplicate`). */
export const ResendAnswerSchema = z.object({
  notificationId: z.string(),
  channel: ConsoleDeliverySchema.shape.channel,
  deliveries: z.array(ConsoleEntrySchema),
})
export type ResendAnswer = z.infer<typeof ResendAnswerSchema>

/** `POST /api/__test/merchants/:id/fail-next`: what the merchant's next signed call answers. */
export const FailNextAnswerSchema = z.object({
  merchant: z.string(),
  api: z.enum(['wechatpay', 'alipay']),
  code: z.string(),
})

/** A refund made by the test API (`POST /api/__test/orders/:orderId/refund`), as the world keeps it. */
export const TestRefundSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  paymentId: z.string(),
  amountFen: z.number().int().positive(),
  /** The order's refunded amount after this one. */
  refundedFen: z.number().int().positive(),
  /** Whether it refunded what was left in full (the order is REFUNDED). */
  full: z.boolean(),
  at: z.iso.datetime(),
})
export type TestRefund = z.infer<typeof TestRefundSchema>
export const TestRefundAnswerSchema = z.object({ order: OrderSchema, refund: TestRefundSchema })

const HarHeadersSchema = z.array(z.object({ name: z.string(), value: z.string() }))
/** One request/answer pair of `GET /api/console/export.har` (HAR 1.2; a delivery's request is the sandbox's). */
export const HarEntrySchema = z.object({
  startedDateTime: z.iso.datetime(),
  time: z.number().nonnegative(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    httpVersion: z.string(),
    headers: HarHeadersSchema,
    queryString: HarHeadersSchema,
    cookies: z.array(z.never()),
    headersSize: z.literal(-1),
    bodySize: z.number().int(),
    postData: z.object({ mimeType: z.string(), text: z.string() }).optional(),
  }),
  response: z.object({
    status: z.number().int(),
    statusText: z.string(),
    httpVersion: z.string(),
    headers: HarHeadersSchema,
    cookies: z.array(z.never()),
    content: z.object({ size: z.number().int(), mimeType: z.string(), text: z.string() }),
    redirectURL: z.string(),
    headersSize: z.literal(-1),
    bodySize: z.number().int(),
  }),
  cache: z.object({}),
  timings: z.object({ send: z.number(), wait: z.number(), receive: z.number() }),
  /** `call` or `delivery`, and the entry's seq. */
  comment: z.string(),
})
export const ConsoleHarSchema = z.object({
  log: z.object({
    version: z.literal('1.2'),
    creator: z.object({ name: z.string(), version: z.string() }),
    entries: z.array(HarEntrySchema),
  }),
})
export type ConsoleHar = z.infer<typeof ConsoleHarSchema>
