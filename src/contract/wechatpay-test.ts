// The test API's part of the WeChat Pay APIv3 sandbox: the keys, registering a merchant's own key,
// paying an order as a persona (docs/wechatpay.md).
import { z } from 'zod'
import { PersonaIdSchema } from './sim.ts'
import { AppidSchema, MchidSchema, OutTradeNoSchema, V3TransactionSchema } from './wechatpay.ts'

/** Which key the merchant verifies with: the platform's public key (`PUB_KEY_ID_…`) or its certificate. */
export const VerifyModeSchema = z.enum(['publicKey', 'certificate'])
export type VerifyMode = z.infer<typeof VerifyModeSchema>

/** `GET /api/__test/wechatpay/keys`: the platform's keys and the caller's world's demo merchant. */
export const WechatpayKeysSchema = z.object({
  publicKeyId: z.string(),
  publicKeyPem: z.string(),
  platformCertificatePem: z.string(),
  platformSerialNo: z.string(),
  merchant: z.object({
    mchid: z.string(),
    appid: z.string(),
    serialNo: z.string(),
    privateKeyPem: z.string(),
    certificatePem: z.string(),
    apiV3Key: z.string(),
    mode: VerifyModeSchema,
  }),
})
export type WechatpayKeys = z.infer<typeof WechatpayKeysSchema>

const PEM =
  /^-----BEGIN (?:PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE)-----[\s\S]+-----END (?:PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE)-----\s*$/

/** `POST /api/__test/wechatpay/merchants`: a merchant's own key, registered in the caller's world. */
export const RegisterMerchantBodySchema = z.strictObject({
  mchid: MchidSchema,
  /** The serial number of the merchant's API certificate (`serial_no` in its Authorization). */
  serialNo: z.string().regex(/^[0-9A-Fa-f]{8,64}$/, 'hexadecimal, as a certificate serial'),
  /** The merchant's public key, or its certificate (apiclient_cert.pem), PEM. */
  publicKeyPem: z.string().max(8192).regex(PEM, 'a PEM public key or certificate'),
  /** The APIv3 key: 32 characters, the AES-256-GCM key of notifications and certificates. */
  apiV3Key: z.string().regex(/^[\x21-\x7e]{32}$/, '32 printable ASCII characters'),
  /** The appid bound to the merchant; without it, any appid is accepted. */
  appid: AppidSchema.optional(),
  /** Shown on pay sheets and bills. */
  name: z.string().min(1).max(64).optional(),
  /** Which key notifications (and answers, unless the request's Wechatpay-Serial names one) are signed for. */
  mode: VerifyModeSchema.optional(),
  /**
   * The form of the Native code_url it is given: WeChat's `weixin://wxpay/bizpayurl?pr=…` (the default),
   * or `ORIGIN/wechat/pay?pr=…`, which a real phone's camera opens in the simulated pay sheet.
   */
  codeUrl: z.enum(['weixin', 'web']).optional(),
})
export type RegisterMerchantBody = z.infer<typeof RegisterMerchantBodySchema>

export const RegisteredMerchantSchema = z.object({
  mchid: z.string(),
  appid: z.string().nullable(),
  serialNo: z.string(),
  name: z.string(),
  mode: VerifyModeSchema,
  codeUrl: z.enum(['weixin', 'web']),
  world: z.string(),
})

/**
 * `POST /api/__test/wechatpay/pay`: pays an order as a persona, for scripts. With `paySign`, the flat
 * fields of `wx.requestPayment` are checked first, as WeChat's client checks them.
 */
export const TestPayBodySchema = z
  .strictObject({
    mchid: MchidSchema,
    out_trade_no: OutTradeNoSchema.optional(),
    prepay_id: z.string().min(1).max(64).optional(),
    persona: PersonaIdSchema.optional(),
    /** The payment password (default: the right one). */
    password: z.string().max(32).optional(),
    source: z.enum(['wechat-balance', 'wechat-card']).optional(),
    appId: z.string().max(64).optional(),
    timeStamp: z.string().max(32).optional(),
    nonceStr: z.string().max(64).optional(),
    package: z.string().max(128).optional(),
    signType: z.string().max(16).optional(),
    paySign: z.string().max(1024).optional(),
  })
  .refine((b) => (b.out_trade_no === undefined) !== (b.prepay_id === undefined), {
    message: 'out_trade_no or prepay_id, not both',
    path: ['out_trade_no'],
  })
export type TestPayBody = z.infer<typeof TestPayBodySchema>

export const TestPayAnswerSchema = z.object({ transaction: V3TransactionSchema })
