import { z } from 'zod'
import { FenSchema } from './money.ts'
import { PasswordSchema } from './payment.ts'
import { PersonaIdSchema } from './sim.ts'

/** Pay-for-me requests (找朋友帮忙付, BRIEF §5). */
export const FriendRequestStatusSchema = z.enum(['OPEN', 'PAID', 'CANCELLED', 'EXPIRED'])
export type FriendRequestStatus = z.infer<typeof FriendRequestStatusSchema>

/**
 * Why a request is no longer OPEN: paid by the friend; cancelled by the requester (or `REPLACED` by a newer
 * request of theirs); `ORDERPAID` when the order was paid another way (the race the friend lost);
 * `ORDERCLOSED` when the order reached its deadline; `EXPIRED` after its own 24 hours.
 */
export const FriendRequestEndSchema = z.enum([
  'PAID',
  'CANCELLED',
  'REPLACED',
  'ORDERPAID',
  'ORDERCLOSED',
  'EXPIRED',
])
export type FriendRequestEnd = z.infer<typeof FriendRequestEndSchema>

export const ShareViaSchema = z.enum(['wechat', 'qq', 'link'])
export type ShareVia = z.infer<typeof ShareViaSchema>

const isPlainText = (text: string) =>
  [...text].every((ch) => {
    const code = ch.charCodeAt(0)
    return code === 10 || (code >= 32 && code !== 127)
  })

/** Plain text: no control characters (new lines are fine), at most 100 characters. */
export const FriendMessageSchema = z.string().trim().max(100).refine(isPlainText, 'plain text only')

export const CreateFriendRequestBodySchema = z.strictObject({
  orderId: z.string().min(1).max(64),
  message: FriendMessageSchema.default(''),
  via: ShareViaSchema.default('link'),
})
export type CreateFriendRequestBody = z.infer<typeof CreateFriendRequestBodySchema>

/** The requester's view of a request (the token is the link's secret: only they and the link's holders have it). */
export const FriendRequestSchema = z.object({
  /** At least 128 random bits, URL-safe. The link is `ORIGIN/friend-pay/TOKEN`; the amount is never in it. */
  token: z.string(),
  orderId: z.string(),
  /** The checkout the friend pays (the same as `orderId`), and its orders. */
  checkoutId: z.string(),
  orderIds: z.array(z.string()),
  status: FriendRequestStatusSchema,
  endReason: FriendRequestEndSchema.nullable(),
  message: z.string(),
  via: ShareViaSchema,
  amountFen: FenSchema,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
  /** The friend's payment, once PAID. */
  paymentId: z.string().nullable(),
  payer: PersonaIdSchema.nullable(),
  /** `/friend-pay/TOKEN`: prefix it with the app's origin. */
  path: z.string(),
})
export type FriendRequest = z.infer<typeof FriendRequestSchema>

export const FriendRequestListSchema = z.object({ requests: z.array(FriendRequestSchema) })
export const FriendRequestQuerySchema = z.object({ orderId: z.string().min(1).max(64) })

/** What the friend's page shows: who asks, the message, the goods, the amount; no address, no phone. */
export const FriendPayViewSchema = z.object({
  token: z.string(),
  status: FriendRequestStatusSchema,
  endReason: FriendRequestEndSchema.nullable(),
  /** The requester's nickname, masked (张**). */
  requester: z.string(),
  message: z.string(),
  items: z.array(
    z.object({
      title: z.string(),
      spec: z.string(),
      image: z.string(),
      unitFen: FenSchema,
      qty: z.number().int().positive(),
    }),
  ),
  amountFen: FenSchema,
  payee: z.string(),
  expiresAt: z.iso.datetime(),
})
export type FriendPayView = z.infer<typeof FriendPayViewSchema>

/** The friend pays with their own WeChat Pay (零钱 or card) or Alipay (balance or card). */
export const FriendPaySourceSchema = z.enum([
  'wechat-balance',
  'wechat-card',
  'alipay-balance',
  'alipay-card',
])

export const PayFriendRequestBodySchema = z.strictObject({
  password: PasswordSchema,
  source: FriendPaySourceSchema.default('wechat-balance'),
})
export type PayFriendRequestBody = z.infer<typeof PayFriendRequestBodySchema>
