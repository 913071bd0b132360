import { z } from 'zod'
import { FenSchema } from './money.ts'
import { OrderStatusSchema } from './order.ts'
import { PaymentMethodIdSchema, TradeStateSchema, WalletSchema } from './payment.ts'
import { PersonaIdSchema } from './sim.ts'

export const ClockBodySchema = z.strictObject({
  advanceMs: z.number().int().nonnegative().max(400 * 24 * 3600 * 1000),
})
export const ClockAnswerSchema = z.object({ now: z.iso.datetime() })

/** GET /api/__test/state (BRIEF §8). */
export const TestStateSchema = z.object({
  now: z.iso.datetime(),
  orders: z.array(z.object({ id: z.string(), status: OrderStatusSchema, totalFen: FenSchema })),
  payments: z.array(
    z.object({
      id: z.string(),
      orderId: z.string(),
      channel: PaymentMethodIdSchema,
      status: TradeStateSchema,
      amountFen: FenSchema,
      payer: PersonaIdSchema.nullable(),
    }),
  ),
  friendRequests: z.array(
    z.object({
      token: z.string(),
      orderId: z.string(),
      status: z.enum(['OPEN', 'PAID', 'CANCELLED', 'EXPIRED']),
    }),
  ),
  wallets: z.record(PersonaIdSchema, WalletSchema),
})
export type TestState = z.infer<typeof TestStateSchema>

export const HealthSchema = z.object({ ok: z.literal(true) })
