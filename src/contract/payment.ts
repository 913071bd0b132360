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

export const HuabeiPeriodsSchema = z.union([z.literal(0), z.literal(3), z.literal(6), z.literal(12)])
export type HuabeiPeriods = z.infer<typeof HuabeiPeriodsSchema>

export const PaymentSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  method: PaymentMethodIdSchema,
  status: TradeStateSchema,
  amountFen: FenSchema,
  /** Persona whose wallet pays (set when the payment succeeds). */
  payer: PersonaIdSchema.nullable(),
  createdAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
  transactionId: z.string().nullable(),
})
export type Payment = z.infer<typeof PaymentSchema>

export const CreatePaymentBodySchema = z.strictObject({
  orderId: z.string().min(1).max(64),
  method: PaymentMethodIdSchema,
  huabeiPeriods: HuabeiPeriodsSchema.optional(),
})
export type CreatePaymentBody = z.infer<typeof CreatePaymentBodySchema>

export const PasswordSchema = z.string().regex(/^\d{6}$/, 'the payment password is 6 digits')

export const ConfirmPaymentBodySchema = z.strictObject({ password: PasswordSchema })
export type ConfirmPaymentBody = z.infer<typeof ConfirmPaymentBodySchema>

export const MethodOptionSchema = z.object({
  id: PaymentMethodIdSchema,
  enabled: z.boolean(),
  /** Why it is disabled, as a reason code the client translates. */
  reason: z.enum(['NOTENOUGH', 'NO_HUABEI', 'UPDATE_APP', 'ITEM_NOT_ELIGIBLE', 'LOCKED']).nullable(),
  /** Balance shown beside the method, where it has one. */
  balanceFen: FenSchema.nullable(),
})
export type MethodOption = z.infer<typeof MethodOptionSchema>

/** What the cashier sheet needs: the amount, the deadline, the methods the rules allow. */
export const CashierSchema = z.object({
  orderId: z.string(),
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
})
export type Wallet = z.infer<typeof WalletSchema>
