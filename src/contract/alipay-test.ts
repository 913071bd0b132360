// The /api side of the Alipay sandbox: the test API (keys, an app's own key, a buyer scanning and paying)
// and what the simulated Alipay cashier and app read and send (docs/alipay.md).
import { z } from 'zod'
import { FenSchema } from './money.ts'
import { PersonaIdSchema } from './sim.ts'
import { AlipayTradeStatusSchema, OutTradeNoSchema } from './alipay.ts'

/** An Alipay app id: 16 digits (Alipay's start 2021…). */
export const AppIdSchema = z.string().regex(/^\d{16}$/, '16 digits, as an Alipay app_id')

/** `GET /api/__test/alipay/keys`: Alipay's public key and the caller's world's demo app. */
export const AlipayKeysSchema = z.object({
  alipayPublicKeyPem: z.string(),
  app: z.object({
    appId: z.string(),
    /** PKCS#1 (`BEGIN RSA PRIVATE KEY`), what alipay-sdk reads by default (keyType PKCS1). */
    privateKeyPem: z.string(),
    publicKeyPem: z.string(),
  }),
})
export type AlipayKeys = z.infer<typeof AlipayKeysSchema>

const PEM =
  /^-----BEGIN (?:PUBLIC KEY|RSA PUBLIC KEY)-----[\s\S]+-----END (?:PUBLIC KEY|RSA PUBLIC KEY)-----\s*$/

/** `POST /api/__test/alipay/apps`: an app's own public key (应用公钥), registered in the caller's world. */
export const RegisterAlipayAppBodySchema = z.strictObject({
  appId: AppIdSchema,
  publicKeyPem: z.string().max(8192).regex(PEM, 'a PEM public key'),
  /** The merchant's name, on the cashier and in bills. */
  name: z.string().min(1).max(64).optional(),
})
export type RegisterAlipayAppBody = z.infer<typeof RegisterAlipayAppBodySchema>

export const RegisteredAlipayAppSchema = z.object({
  appId: z.string(),
  name: z.string(),
  world: z.string(),
})

/** `POST /api/__test/alipay/scan` and `/pay`: a buyer (a persona) scans, or pays, an app's trade. */
export const AlipayBuyerBodySchema = z.strictObject({
  out_trade_no: OutTradeNoSchema,
  app_id: AppIdSchema,
  persona: PersonaIdSchema.optional(),
})
export type AlipayBuyerBody = z.infer<typeof AlipayBuyerBodySchema>

/** Where the money comes from in Alipay. */
export const AlipaySourceSchema = z.enum(['alipay-balance', 'huabei', 'alipay-card'])
export type AlipaySource = z.infer<typeof AlipaySourceSchema>

/** A trade as the simulated cashier and the 支付宝 app show it (`GET /api/alipay/trades/:token`). */
export const AlipayTradeSheetSchema = z.object({
  token: z.string(),
  appId: z.string(),
  merchantName: z.string(),
  outTradeNo: z.string(),
  subject: z.string(),
  amountFen: FenSchema,
  /** precreate: a scanned QR code; wap / page: the cashier a merchant's page sent the browser to. */
  product: z.enum(['QR', 'WAP', 'PAGE']),
  /** null: nobody has scanned or opened it yet. */
  status: AlipayTradeStatusSchema.nullable(),
  expiresAt: z.iso.datetime(),
  /** Where the cashier goes back to: return_url with Alipay's signed return parameters (once paid). */
  returnUrl: z.string().nullable(),
  /** Where the cashier's "back to the merchant" goes before paying. */
  quitUrl: z.string().nullable(),
})
export type AlipayTradeSheet = z.infer<typeof AlipayTradeSheetSchema>

/** `POST /api/alipay/trades/:token/pay`: the pay sheet's confirm (the 6-digit password pad). */
export const AlipayPayBodySchema = z.strictObject({
  method: AlipaySourceSchema.default('alipay-balance'),
  password: z.string().regex(/^\d{6}$/, 'six digits'),
})
export type AlipayPayBody = z.infer<typeof AlipayPayBodySchema>

export const AlipayTestPayAnswerSchema = z.object({
  trade: AlipayTradeSheetSchema,
  tradeNo: z.string(),
})
