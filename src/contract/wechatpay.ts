// WeChat Pay APIv3 on the wire, as pay.weixin.qq.com documents it (直连商户): the bodies merchants send
// to /v3, the answers, the errors, the notifications. Field names are WeChat's own (snake_case), so an
// off-the-shelf SDK reads and writes them unchanged. docs/wechatpay.md.
import { z } from 'zod'

/** Each error code of APIv3 with the HTTP status WeChat answers it with. */
export const V3_ERROR_STATUS = {
  PARAM_ERROR: 400,
  INVALID_REQUEST: 400,
  APPID_MCHID_NOT_MATCH: 400,
  ORDERPAID: 400,
  ORDER_CLOSED: 400,
  SIGN_ERROR: 401,
  OUT_TRADE_NO_USED: 403,
  NOT_ENOUGH: 403,
  NO_AUTH: 403,
  ORDER_NOT_EXIST: 404,
  RESOURCE_NOT_EXISTS: 404,
  NOT_FOUND: 404,
  FREQUENCY_LIMITED: 429,
  SYSTEM_ERROR: 500,
} as const
export type V3ErrorCode = keyof typeof V3_ERROR_STATUS
export type V3ErrorStatus = (typeof V3_ERROR_STATUS)[V3ErrorCode]
export const V3ErrorCodeSchema = z.enum(
  Object.keys(V3_ERROR_STATUS) as [V3ErrorCode, ...V3ErrorCode[]],
)

/** Every non-2xx answer under /v3: `{ code, message, detail? }`, as WeChat sends it. */
export const V3ErrorSchema = z.object({
  code: V3ErrorCodeSchema,
  message: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
})
export type V3Error = z.infer<typeof V3ErrorSchema>

const bytes = (s: string) => new TextEncoder().encode(s).length
/** A string of at most `max` UTF-8 bytes (WeChat counts bytes, not characters). */
const text = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .refine((s) => bytes(s) <= max, `at most ${max} bytes (UTF-8)`)

export const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/
export const OutTradeNoSchema = z.string().regex(OUT_TRADE_NO, '6 to 32 of 0-9 A-Z a-z _ - | *')
export const OutRefundNoSchema = z
  .string()
  .regex(/^[0-9A-Za-z_\-|*@]{1,64}$/, '1 to 64 of 0-9 A-Z a-z _ - | * @')
export const MchidSchema = z.string().regex(/^\d{6,32}$/, 'digits, as WeChat Pay assigns them')
export const AppidSchema = z.string().min(1).max(32)
/** rfc3339 with an offset, as WeChat writes times: `2018-06-08T10:34:56+08:00`. */
export const Rfc3339Schema = z.iso.datetime({ offset: true })

const AmountSchema = z.object({
  total: z.number().int().min(1).max(100_000_000_00),
  currency: z.literal('CNY').optional(),
})
const GoodsDetailSchema = z.object({
  merchant_goods_id: text(1, 32),
  wechatpay_goods_id: text(1, 32).optional(),
  goods_name: text(1, 256).optional(),
  quantity: z.number().int().min(1),
  unit_price: z.number().int().min(0),
})
const DetailSchema = z.object({
  cost_price: z.number().int().min(0).optional(),
  invoice_id: text(1, 32).optional(),
  goods_detail: z.array(GoodsDetailSchema).max(6000).optional(),
})
const StoreInfoSchema = z.object({
  id: text(1, 32),
  name: text(1, 256).optional(),
  area_code: text(1, 32).optional(),
  address: text(1, 512).optional(),
})
const SceneInfoSchema = z.object({
  payer_client_ip: text(1, 45),
  device_id: text(1, 32).optional(),
  store_info: StoreInfoSchema.optional(),
})
const H5InfoSchema = z.object({
  type: z.enum(['iOS', 'Android', 'Wap']),
  app_name: text(1, 64).optional(),
  app_url: text(1, 128).optional(),
  bundle_id: text(1, 128).optional(),
  package_name: text(1, 128).optional(),
})

/** What every order body has (Native, H5, JSAPI and APP add their own parts). */
const OrderBase = {
  appid: AppidSchema,
  mchid: MchidSchema,
  description: text(1, 127),
  out_trade_no: OutTradeNoSchema,
  time_expire: Rfc3339Schema.optional(),
  attach: text(0, 128).optional(),
  notify_url: text(1, 255),
  goods_tag: text(1, 32).optional(),
  support_fapiao: z.boolean().optional(),
  amount: AmountSchema,
  detail: DetailSchema.optional(),
  settle_info: z.object({ profit_sharing: z.boolean().optional() }).optional(),
}

export const NativeOrderBodySchema = z.object({
  ...OrderBase,
  scene_info: SceneInfoSchema.optional(),
})
export const AppOrderBodySchema = NativeOrderBodySchema
export const JsapiOrderBodySchema = z.object({
  ...OrderBase,
  payer: z.object({ openid: text(1, 128) }),
  scene_info: SceneInfoSchema.optional(),
})
export const H5OrderBodySchema = z.object({
  ...OrderBase,
  scene_info: SceneInfoSchema.extend({ h5_info: H5InfoSchema }),
})
export type V3OrderBody = z.infer<typeof NativeOrderBodySchema> & {
  payer?: { openid: string }
  scene_info?: { payer_client_ip: string; h5_info?: unknown }
}

export const CodeUrlSchema = z.object({ code_url: z.string() })
export const H5UrlSchema = z.object({ h5_url: z.string() })
export const PrepayIdSchema = z.object({ prepay_id: z.string() })

export const MchidQuerySchema = z.object({ mchid: MchidSchema })
export const CloseBodySchema = z.object({ mchid: MchidSchema })

export const TradeTypeSchema = z.enum(['NATIVE', 'JSAPI', 'APP', 'MWEB'])
export type TradeType = z.infer<typeof TradeTypeSchema>
export const V3TradeStateSchema = z.enum([
  'NOTPAY',
  'USERPAYING',
  'SUCCESS',
  'CLOSED',
  'REFUND',
  'REVOKED',
  'PAYERROR',
])
export type V3TradeState = z.infer<typeof V3TradeStateSchema>

/** A transaction as the query answers it, and as TRANSACTION.SUCCESS carries it (decrypted). */
export const V3TransactionSchema = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_type: TradeTypeSchema.optional(),
  trade_state: V3TradeStateSchema,
  trade_state_desc: z.string(),
  bank_type: z.string().optional(),
  attach: z.string().optional(),
  success_time: z.string().optional(),
  payer: z.object({ openid: z.string().optional() }).optional(),
  amount: z.object({
    total: z.number().int(),
    payer_total: z.number().int().optional(),
    currency: z.string(),
    payer_currency: z.string().optional(),
  }),
  scene_info: z.object({ device_id: z.string().optional() }).optional(),
  promotion_detail: z.array(z.unknown()).optional(),
})
export type V3Transaction = z.infer<typeof V3TransactionSchema>

export const RefundBodySchema = z
  .object({
    transaction_id: z.string().min(1).max(32).optional(),
    out_trade_no: OutTradeNoSchema.optional(),
    out_refund_no: OutRefundNoSchema,
    reason: text(1, 80).optional(),
    notify_url: text(1, 256).optional(),
    funds_account: z.literal('AVAILABLE').optional(),
    amount: z.object({
      refund: z.number().int().min(1),
      total: z.number().int().min(1),
      currency: z.literal('CNY'),
      from: z
        .array(
          z.object({ account: z.enum(['AVAILABLE', 'UNAVAILABLE']), amount: z.number().int() }),
        )
        .optional(),
    }),
    goods_detail: z.array(z.unknown()).optional(),
  })
  .refine((b) => b.transaction_id !== undefined || b.out_trade_no !== undefined, {
    message: 'transaction_id or out_trade_no',
    path: ['out_trade_no'],
  })
export type RefundBody = z.infer<typeof RefundBodySchema>

export const RefundStatusSchema = z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL'])
export const V3RefundSchema = z.object({
  refund_id: z.string(),
  out_refund_no: z.string(),
  transaction_id: z.string(),
  out_trade_no: z.string(),
  channel: z.enum(['ORIGINAL', 'BALANCE', 'OTHER_BALANCE', 'OTHER_BANKCARD']),
  user_received_account: z.string(),
  success_time: z.string().optional(),
  create_time: z.string(),
  status: RefundStatusSchema,
  funds_account: z.string().optional(),
  amount: z.object({
    total: z.number().int(),
    refund: z.number().int(),
    from: z.array(z.unknown()),
    payer_total: z.number().int(),
    payer_refund: z.number().int(),
    settlement_refund: z.number().int(),
    settlement_total: z.number().int(),
    discount_refund: z.number().int(),
    currency: z.string(),
    refund_fee: z.number().int().optional(),
  }),
  promotion_detail: z.array(z.unknown()),
})
export type V3Refund = z.infer<typeof V3RefundSchema>

/** `AEAD_AES_256_GCM` under the merchant's APIv3 key: certificates and notification resources. */
export const EncryptedSchema = z.object({
  algorithm: z.literal('AEAD_AES_256_GCM'),
  nonce: z.string(),
  associated_data: z.string(),
  ciphertext: z.string(),
})
export const CertificatesSchema = z.object({
  data: z.array(
    z.object({
      serial_no: z.string(),
      effective_time: z.string(),
      expire_time: z.string(),
      encrypt_certificate: EncryptedSchema,
    }),
  ),
})

/** A notification's envelope, as POSTed to a notify_url. */
export const V3NotificationSchema = z.object({
  id: z.string(),
  create_time: z.string(),
  resource_type: z.literal('encrypt-resource'),
  event_type: z.enum(['TRANSACTION.SUCCESS', 'REFUND.SUCCESS']),
  summary: z.string(),
  resource: EncryptedSchema.extend({ original_type: z.enum(['transaction', 'refund']) }),
})
export type V3Notification = z.infer<typeof V3NotificationSchema>

/** REFUND.SUCCESS's resource, decrypted. */
export const V3RefundResourceSchema = z.object({
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  refund_status: RefundStatusSchema,
  success_time: z.string().optional(),
  user_received_account: z.string(),
  amount: z.object({
    total: z.number().int(),
    refund: z.number().int(),
    payer_total: z.number().int(),
    payer_refund: z.number().int(),
  }),
})
