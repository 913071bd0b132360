import { z } from 'zod'
import { ErrorCodeSchema } from './errors.ts'
import { FriendRequestEndSchema, FriendRequestStatusSchema } from './friend-pay.ts'
import { FenSchema } from './money.ts'
import { OrderStatusSchema } from './order.ts'
import {
  FundingSourceSchema,
  PaymentMethodIdSchema,
  TradeStateSchema,
  WalletSchema,
} from './payment.ts'
import { TEST_TOKEN_PATTERN } from './headers.ts'
import { PersonaIdSchema } from './sim.ts'
import { V3ErrorCodeSchema, V3TradeStateSchema } from './wechatpay.ts'

/** Where `POST /api/__test/clock { to }` moves the clock. */
export const ClockTargetSchema = z.enum(['next-retry', 'next-deadline'])
export type ClockTarget = z.infer<typeof ClockTargetSchema>

/**
 * Moves the gateway's clock ahead, stops it or lets it run again (at least one of the two). A stopped
 * clock stands still until it is moved or started: what waits on the world's time (deadlines, the
 * merchant's query of a late notification) waits with it.
 */
export const ClockBodySchema = z
  .strictObject({
    advanceMs: z
      .number()
      .int()
      .nonnegative()
      .max(400 * 24 * 3600 * 1000)
      .optional(),
    frozen: z.boolean().optional(),
    /**
     * Moves the clock to the next moment something is due: a notification's retry (any channel), or an
     * order's or payment's deadline. Instead of advanceMs, not with it; 409 NOTHING_DUE when none is.
     */
    to: ClockTargetSchema.optional(),
  })
  .refine(
    (body) => body.advanceMs !== undefined || body.frozen !== undefined || body.to !== undefined,
    { message: 'give advanceMs, frozen or to' },
  )
  .refine((body) => body.advanceMs === undefined || body.to === undefined, {
    message: 'give advanceMs or to, not both',
  })
export const ClockAnswerSchema = z.object({ now: z.iso.datetime(), frozen: z.boolean() })

/** GET /api/__test/state (BRIEF §8). */
export const TestStateSchema = z.object({
  now: z.iso.datetime(),
  orders: z.array(
    z.object({
      id: z.string(),
      /** The checkout it was placed in (an order per shop of the cart). */
      checkoutId: z.string(),
      status: OrderStatusSchema,
      totalFen: FenSchema,
      /** What the test API's refunds gave back so far (all of it: REFUNDED). */
      refundedFen: FenSchema,
    }),
  ),
  /** One per submit of the order page: its orders, paid together (`status` and `totalFen` as on `GET /api/shop/checkouts/:id`). */
  checkouts: z.array(
    z.object({
      checkoutId: z.string(),
      orderIds: z.array(z.string()),
      status: OrderStatusSchema,
      totalFen: FenSchema,
      paymentId: z.string().nullable(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      /** The trade it pays: the checkout's id (as `checkoutId`). */
      orderId: z.string(),
      checkoutId: z.string(),
      orderIds: z.array(z.string()),
      channel: PaymentMethodIdSchema,
      status: TradeStateSchema,
      amountFen: FenSchema,
      payer: PersonaIdSchema.nullable(),
      source: FundingSourceSchema.nullable(),
    }),
  ),
  friendRequests: z.array(
    z.object({
      token: z.string(),
      /** The checkout it asks to be paid (its id). */
      orderId: z.string(),
      status: FriendRequestStatusSchema,
      endReason: FriendRequestEndSchema.nullable(),
      requester: PersonaIdSchema,
      payer: PersonaIdSchema.nullable(),
    }),
  ),
  wallets: z.record(PersonaIdSchema, WalletSchema),
  /** WeChat Pay APIv3 orders of the world's merchants, and their notifications (docs/wechatpay.md). */
  wechatpay: z
    .object({
      transactions: z.array(
        z.object({
          mchid: z.string(),
          outTradeNo: z.string(),
          tradeState: V3TradeStateSchema,
          totalFen: FenSchema,
          refundedFen: FenSchema,
          payer: PersonaIdSchema.nullable(),
        }),
      ),
      notifications: z.array(
        z.object({
          id: z.string(),
          eventType: z.enum(['TRANSACTION.SUCCESS', 'REFUND.SUCCESS']),
          status: z.enum(['PENDING', 'DELIVERED', 'FAILED']),
          attempts: z.number().int().nonnegative(),
          nextAt: z.iso.datetime().nullable(),
          lastError: z.string().nullable(),
        }),
      ),
    })
    .optional(),
})
export type TestState = z.infer<typeof TestStateSchema>

export const HealthSchema = z.object({ ok: z.literal(true) })

/** `POST /api/__test/faults` (BRIEF §8). Every field is optional: what is left out stays as it was. */
export const NotifyFaultSchema = z.enum(['normal', 'drop', 'duplicate', 'delay'])
export const NotifySignSchema = z.enum(['valid', 'wrong', 'signtest'])
export type NotifyFault = z.infer<typeof NotifyFaultSchema>
export type NotifySign = z.infer<typeof NotifySignSchema>
export const FaultsBodySchema = z.strictObject({
  /** Gateway → merchant notifications: delivered, never delivered, delivered twice, delivered late. */
  notify: NotifyFaultSchema.optional(),
  /** Extra time every gateway answer takes; also how late a `delay`ed notification is (default 5 s). */
  latencyMs: z.number().int().nonnegative().max(60_000).optional(),
  /** The next payment confirm fails with this code (nothing is charged); `null` clears it. */
  failNextConfirm: ErrorCodeSchema.nullable().optional(),
  /**
   * WeChat Pay APIv3 notifications: signed right (`valid`), with a wrong signature (`wrong`), or each
   * one preceded by WeChat's signature probe (`signtest`: `Wechatpay-Signature: WECHATPAY/SIGNTEST/…`).
   */
  notifySign: NotifySignSchema.optional(),
  /** The next signed /v3 call answers this WeChat error code instead (nothing changes); `null` clears it. */
  wechatpayFailNext: V3ErrorCodeSchema.nullable().optional(),
})
export type FaultsBody = z.infer<typeof FaultsBodySchema>
export const FaultsSchema = z.object({
  notify: NotifyFaultSchema,
  latencyMs: z.number().int().nonnegative(),
  failNextConfirm: ErrorCodeSchema.nullable(),
  notifySign: NotifySignSchema,
  wechatpayFailNext: V3ErrorCodeSchema.nullable(),
})
export type Faults = z.infer<typeof FaultsSchema>

const FeeBpSchema = z.number().int().nonnegative().max(10_000)
/** Simulator settings the gateway keeps (journalled, reset to the defaults by `reset`). */
export const GatewaySettingsSchema = z.object({
  /** Huabei buyer fee rate per plan, in basis points (defaults 250, 450, 880: 2.5 %, 4.5 %, 8.8 %). */
  huabeiFeeBp: z.object({ '3': FeeBpSchema, '6': FeeBpSchema, '12': FeeBpSchema }),
})
export type GatewaySettings = z.infer<typeof GatewaySettingsSchema>
export const GatewaySettingsBodySchema = z.strictObject({
  huabeiFeeBp: z.strictObject({ '3': FeeBpSchema, '6': FeeBpSchema, '12': FeeBpSchema }).partial(),
})

/** `POST /api/__test/wallets`: set some of a persona's balances (for tests and the bench). */
export const TestWalletBodySchema = z.strictObject({
  persona: PersonaIdSchema,
  wallet: WalletSchema.partial().strict(),
})
/** `POST /api/__test/stock`: set a SKU's stock. */
export const TestStockBodySchema = z.strictObject({
  skuId: z.string().min(1).max(64),
  stock: z.number().int().nonnegative().max(100_000_000),
})
export const OkSchema = z.object({ ok: z.literal(true) })

/** `GATEWAY_TEST_TOKEN`, and what a test-API call sends as `x-sim-test-token` or `?token=`. */
export const TestTokenSchema = z
  .string()
  .regex(TEST_TOKEN_PATTERN, '22 to 256 URL-safe characters (A-Z a-z 0-9 . _ ~ -)')
