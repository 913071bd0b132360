import { z } from 'zod'
import { FenSchema } from './money.ts'
import { PersonaIdSchema } from './sim.ts'

/** Cashier methods (BRIEF §4). */
export const PaymentMethodIdSchema = z.enum([
  'alipay-balance',
  'alipay-card',
  'huabei',
  'unionpay',
  'wechat',
  'wechat-scan',
  'friend-pay',
])
export type PaymentMethodId = z.infer<typeof PaymentMethodIdSchema>

/** WeChat Pay's trade_state names. */
export const TradeStateSchema = z.enum([
  'NOTPAY',
  'USERPAYING',
  'SUCCESS',
  'PAYERROR',
  'CLOSED',
  'REFUND',
])
export type TradeState = z.infer<typeof TradeStateSchema>

export const HuabeiPeriodsSchema = z.union([
  z.literal(0),
  z.literal(3),
  z.literal(6),
  z.literal(12),
])
export type HuabeiPeriods = z.infer<typeof HuabeiPeriodsSchema>

/** Where the money comes from: a wallet balance, a linked bank card, or the Huabei credit line. */
export const FundingSourceSchema = z.enum([
  'alipay-balance',
  'alipay-card',
  'huabei',
  'unionpay-card',
  'wechat-balance',
  'wechat-card',
])
export type FundingSource = z.infer<typeof FundingSourceSchema>

/**
 * A Huabei plan (BRIEF §4). `periods` 0 is pay-in-full. The fee is charged on the buyer-pays share of
 * the amount (items marked seller-pays 免息 carry none); each period is principal plus fee, the fen that
 * don't divide evenly go to the first period, and the schedule adds up to `amountFen + feeFen` exactly.
 */
export const InstallmentSchema = z.object({
  periods: HuabeiPeriodsSchema,
  /** Buyer fee rate of the plan, in basis points (250 = 2.5 %). */
  feeRateBp: z.number().int().nonnegative(),
  /** The part of the amount the fee applies to (the buyer-pays items' share). */
  feeBaseFen: FenSchema,
  feeFen: FenSchema,
  /** Principal plus fee. */
  totalFen: FenSchema,
  schedule: z.array(z.object({ principalFen: FenSchema, feeFen: FenSchema })),
})
export type Installment = z.infer<typeof InstallmentSchema>

/** A bank card as the cashier and the pay sheet name it: bank and last four digits. */
export const BankCardSchema = z.object({ bank: z.string(), last4: z.string() })
export type BankCard = z.infer<typeof BankCardSchema>

/** A native (scan-code) payment's QR payload, in both forms of BRIEF §5. */
export const CodeUrlSchema = z.object({
  /** `ORIGIN/wechat/pay?pr=TOKEN`: a real phone's camera opens it. */
  web: z.string(),
  /** `weixin://wxpay/bizpayurl?pr=TOKEN`: WeChat's own form. */
  weixin: z.string(),
  /** The code lives 2 hours (and never past the order's deadline). */
  expiresAt: z.iso.datetime(),
})
export type CodeUrl = z.infer<typeof CodeUrlSchema>

export const PaymentSchema = z.object({
  id: z.string(),
  /** The trade it pays: the checkout's id (the same as `checkoutId`; kept for scripts that read it). */
  orderId: z.string(),
  /** The checkout it pays, all of its orders still waiting when it opened (合并付款). */
  checkoutId: z.string(),
  orderIds: z.array(z.string()),
  method: PaymentMethodIdSchema,
  status: TradeStateSchema,
  amountFen: FenSchema,
  /** Persona whose wallet pays (set when the payment succeeds). */
  payer: PersonaIdSchema.nullable(),
  createdAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
  transactionId: z.string().nullable(),
  /** What paid (set when the payment succeeds). */
  source: FundingSourceSchema.nullable().optional(),
  /** Huabei: the chosen plan. */
  installment: InstallmentSchema.nullable().optional(),
  /**
   * `wechat` (prepay_id-like), `unionpay` (tn-like), `wechat-scan` (the code's `pr`): the token of the
   * pay sheet that confirms it, `GET /api/pay/sheets/:token`.
   */
  payToken: z.string().nullable().optional(),
  /** `wechat-scan`: the QR payload. */
  codeUrl: CodeUrlSchema.nullable().optional(),
  /** `friend-pay`: the request the friend paid. */
  friendRequestToken: z.string().nullable().optional(),
})
export type Payment = z.infer<typeof PaymentSchema>

export const CreatePaymentBodySchema = z.strictObject({
  orderId: z.string().min(1).max(64),
  method: PaymentMethodIdSchema,
  huabeiPeriods: HuabeiPeriodsSchema.optional(),
})
export type CreatePaymentBody = z.infer<typeof CreatePaymentBodySchema>

export const PasswordSchema = z.string().regex(/^\d{6}$/, 'the payment password is 6 digits')

export const ConfirmPaymentBodySchema = z.strictObject({
  password: PasswordSchema,
  /** WeChat's pay sheet: 零钱 (`wechat-balance`, the default) or the bank card. Other methods have one source. */
  source: FundingSourceSchema.optional(),
})
export type ConfirmPaymentBody = z.infer<typeof ConfirmPaymentBodySchema>

/** Whose password pad it is: each persona has one lockout counter per realm (BRIEF §4). */
export const PasswordRealmSchema = z.enum(['alipay', 'wechat', 'unionpay'])
export type PasswordRealm = z.infer<typeof PasswordRealmSchema>

/** 忘记密码？: the simulated reset of one realm's payment password. */
export const ResetPasswordBodySchema = z.strictObject({ realm: PasswordRealmSchema })
export type ResetPasswordBody = z.infer<typeof ResetPasswordBodySchema>

/** The realm after a reset: unlocked, every try back (the password stays the seeded one). */
export const PasswordStatusSchema = z.object({
  realm: PasswordRealmSchema,
  locked: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  triesLeft: z.number().int().nonnegative(),
})
export type PasswordStatus = z.infer<typeof PasswordStatusSchema>

export const MethodOptionSchema = z.object({
  id: PaymentMethodIdSchema,
  enabled: z.boolean(),
  /** Why it is disabled, as a reason code the client translates. */
  reason: z
    .enum(['NOTENOUGH', 'NO_HUABEI', 'UPDATE_APP', 'ITEM_NOT_ELIGIBLE', 'LOCKED'])
    .nullable(),
  /** Balance shown beside the method, where it has one. */
  balanceFen: FenSchema.nullable(),
  /** `huabei`: the plans, pay-in-full first. */
  plans: z.array(InstallmentSchema).optional(),
  /** `huabei`: the titles of the items whose seller pays the instalment fee (免息), if any. */
  freeItems: z.array(z.string()).optional(),
  /** `alipay-card`, `unionpay`: the card that pays. */
  card: BankCardSchema.optional(),
  /** `LOCKED`: when the realm's payments unlock (ISO, gateway clock). */
  lockedUntil: z.iso.datetime().optional(),
})
export type MethodOption = z.infer<typeof MethodOptionSchema>

export const CashierQuerySchema = z.object({ orderId: z.string().min(1).max(64) })

/** What the cashier sheet needs: the amount, the deadline, the methods the rules allow. */
export const CashierSchema = z.object({
  /** The checkout being paid (asked for by its id or one of its orders'). */
  orderId: z.string(),
  /** Its orders still waiting: what this payment pays (合并付款 when more than one). */
  orderIds: z.array(z.string()),
  /** What the cashier calls it: the first item's title; `itemCount` items in all. */
  title: z.string(),
  itemCount: z.number().int().positive(),
  amountFen: FenSchema,
  deadlineAt: z.iso.datetime(),
  now: z.iso.datetime(),
  methods: z.array(MethodOptionSchema),
})
export type Cashier = z.infer<typeof CashierSchema>

export const WalletSchema = z.object({
  alipayBalanceFen: FenSchema,
  wechatBalanceFen: FenSchema,
  huabeiAvailableFen: FenSchema,
  /** The bank card linked to Alipay (a generous limit, modelled as a balance so money adds up). */
  alipayCardFen: FenSchema,
  /** The UnionPay card in 云闪付. */
  unionpayCardFen: FenSchema,
  /** The bank card in WeChat Pay. */
  wechatCardFen: FenSchema,
})
export type Wallet = z.infer<typeof WalletSchema>

/** What a pay sheet (WeChat's, UnionPay's) offers the persona looking at it. */
export const PaySheetSourceSchema = z.object({
  id: FundingSourceSchema,
  balanceFen: FenSchema,
  card: BankCardSchema.nullable(),
  enabled: z.boolean(),
})

/**
 * What was bought, for a screen to word in its own language (the `description` is WeChat's, in Chinese:
 * "X 等5件"): the first item's title and how many items there are in all.
 */
export const GoodsSummarySchema = z.object({
  title: z.string(),
  count: z.number().int().positive(),
})
export type GoodsSummary = z.infer<typeof GoodsSummarySchema>

/**
 * `GET /api/pay/sheets/:token`: the WeChat pay sheet of a jump or of a scanned code, or UnionPay's sheet.
 * The scanned code's sheet is open to any persona (the payer is whoever scans); the others to the owner.
 */
export const PaySheetSchema = z.object({
  token: z.string(),
  paymentId: z.string(),
  orderId: z.string(),
  method: z.enum(['wechat', 'wechat-scan', 'unionpay']),
  status: TradeStateSchema,
  amountFen: FenSchema,
  payee: z.string(),
  description: z.string(),
  /** The goods, to word in the screen's language (absent for payments journalled before it). */
  goods: GoodsSummarySchema.optional(),
  expiresAt: z.iso.datetime(),
  payer: PersonaIdSchema.nullable(),
  /** The viewer's sources for this sheet, with balances. */
  sources: z.array(PaySheetSourceSchema),
})
export type PaySheet = z.infer<typeof PaySheetSchema>

/** A bill line in a wallet app (WeChat 账单, Alipay 账单), with its voucher. */
export const BillSchema = z.object({
  paymentId: z.string(),
  orderId: z.string(),
  method: PaymentMethodIdSchema,
  source: FundingSourceSchema,
  status: TradeStateSchema,
  amountFen: FenSchema,
  payee: z.string(),
  description: z.string(),
  /** The goods, to word in the screen's language (absent for payments journalled before it). */
  goods: GoodsSummarySchema.optional(),
  paidAt: z.iso.datetime(),
  transactionId: z.string(),
})
export type Bill = z.infer<typeof BillSchema>

export const BillListSchema = z.object({ bills: z.array(BillSchema) })
export const BillQuerySchema = z.object({
  app: z.enum(['wechat', 'alipay', 'unionpay']).optional(),
})
