// The paying side of the WeChat Pay APIv3 sandbox: what the simulated WeChat shows and sends when a
// shopper pays a merchant's order (a scanned code_url, the H5 cashier, WeixinJSBridge's pay sheet).
// docs/wechatpay.md "Paying in the simulated WeChat".
import { z } from 'zod'
import { FenSchema } from './money.ts'
import { PasswordSchema, PaySheetSourceSchema } from './payment.ts'

/** A merchant order as WeChat's pay sheet shows it: the merchant, the description, the amount. */
export const MerchantSheetSchema = z.object({
  /** The code's `pr` or the prepay_id. */
  token: z.string(),
  tradeType: z.enum(['NATIVE', 'JSAPI', 'MWEB', 'APP']),
  mchid: z.string(),
  /** The merchant's name, as registered ("示例小店 Example Shop": Chinese, then English). */
  merchant: z.string(),
  description: z.string(),
  outTradeNo: z.string(),
  amountFen: FenSchema,
  /** NOTPAY until paid; SUCCESS, REFUND or CLOSED once it cannot be paid. */
  status: z.enum(['NOTPAY', 'USERPAYING', 'SUCCESS', 'CLOSED', 'REFUND', 'REVOKED', 'PAYERROR']),
  /** The order's time_expire; null: none. */
  expiresAt: z.iso.datetime().nullable(),
  /** The viewer's WeChat sources (零钱, the card), with balances. */
  sources: z.array(PaySheetSourceSchema),
})
export type MerchantSheet = z.infer<typeof MerchantSheetSchema>

export const MerchantSheetConfirmBodySchema = z.strictObject({
  password: PasswordSchema,
  source: z.enum(['wechat-balance', 'wechat-card']).optional(),
})
export type MerchantSheetConfirmBody = z.infer<typeof MerchantSheetConfirmBodySchema>

/** 支付成功: the voucher's fields. */
export const MerchantPaidSchema = z.object({
  transactionId: z.string(),
  outTradeNo: z.string(),
  merchant: z.string(),
  amountFen: FenSchema,
  paidAt: z.iso.datetime(),
})
export type MerchantPaid = z.infer<typeof MerchantPaidSchema>

/**
 * `WeixinJSBridge.invoke('getBrandWCPayRequest', params)`: the flat fields the merchant's server signed
 * (`package` is `prepay_id=…`, `signType` `RSA`). WeChat checks `paySign` before it shows the sheet.
 */
export const BrandPayBodySchema = z.strictObject({
  appId: z.string().min(1).max(64),
  timeStamp: z.string().min(1).max(32),
  nonceStr: z.string().min(1).max(64),
  package: z.string().min(1).max(128),
  signType: z.string().min(1).max(16),
  paySign: z.string().min(1).max(1024),
})
export type BrandPayBody = z.infer<typeof BrandPayBodySchema>
