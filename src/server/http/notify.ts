import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { PaymentMethodIdSchema } from '../../contract/payment.ts'
import type { Order } from '../../contract/order.ts'
import { refundPayment } from '../domain/gateway/payments.ts'
import { markPaid } from '../domain/merchant/orders.ts'
import type { Decision } from '../domain/result.ts'
import { refuse } from '../domain/result.ts'
import type { GatewayState, PaymentRecord } from '../domain/state.ts'
import { randomBytes } from '../store/ids.ts'
import type { Store } from '../store/store.ts'

/** What the gateway tells the merchant when money lands (WeChat Pay's TRANSACTION.SUCCESS). */
const NotificationSchema = z.strictObject({
  paymentId: z.string(),
  orderId: z.string(),
  method: PaymentMethodIdSchema,
  amountFen: z.number().int().positive(),
  transactionId: z.string(),
  // (A plain string: the signature vouches for the body, and the datetime regex is costly per payment.)
  paidAt: z.string(),
  tradeState: z.literal('SUCCESS'),
})
export type PaymentNotification = z.infer<typeof NotificationSchema>

/** As on the wire: the body and the headers WeChat Pay signs it with. */
export interface SignedNotification {
  body: string
  timestamp: string
  nonce: string
  signature: string
}

function mac(secret: string, timestamp: string, nonce: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${nonce}\n${body}\n`).digest('hex')
}

/** Signed by the gateway; `wrong`: over another body (the `notifySign: wrong` fault), so it never verifies. */
export function signNotification(
  secret: string,
  payload: PaymentNotification,
  now: number,
  wrong = false,
): SignedNotification {
  const body = JSON.stringify(payload)
  const timestamp = String(Math.floor(now / 1000))
  const nonce = randomBytes(16).toString('hex')
  const signed = wrong ? `${body} ` : body
  return { body, timestamp, nonce, signature: mac(secret, timestamp, nonce, signed) }
}

/** The merchant's check: the signature must match, and only then is the body read. */
export function verifyNotification(
  secret: string,
  signed: SignedNotification,
): PaymentNotification | null {
  const expected = Buffer.from(mac(secret, signed.timestamp, signed.nonce, signed.body), 'hex')
  const given = Buffer.from(signed.signature, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(signed.body)
  } catch {
    return null
  }
  const result = NotificationSchema.safeParse(parsed)
  return result.success ? result.data : null
}

export function notificationOf(payment: PaymentRecord): PaymentNotification | null {
  if (payment.status !== 'SUCCESS' || !payment.transactionId || !payment.paidAt) return null
  return {
    paymentId: payment.id,
    orderId: payment.orderId,
    method: payment.method,
    amountFen: payment.amountFen,
    transactionId: payment.transactionId,
    paidAt: payment.paidAt,
    tradeState: 'SUCCESS',
  }
}

/** The gateway's query API (by out_trade_no): the order's successful payment, if it has one. */
export function queryGateway(gateway: GatewayState, orderId: string): PaymentNotification | null {
  const paymentId = gateway.paidOrders.get(orderId)
  const payment = paymentId === undefined ? undefined : gateway.payments.get(paymentId)
  return payment ? notificationOf(payment) : null
}

/**
 * The merchant's handling of a payment it trusts (a verified notification, or its own query's answer).
 * Marking paid is idempotent, so a duplicate is harmless; money that landed on an order the merchant had
 * already closed goes back to the payer.
 */
export function settleAtMerchant(
  store: Store,
  note: PaymentNotification,
): Decision<{ order: Order }> {
  const marked = store.run((s) => markPaid(s.merchant, note))
  if (!marked.ok && marked.error.code === 'ORDERCLOSED') {
    store.run((s, now) => refundPayment(s.gateway, note.paymentId, now))
  }
  return marked
}

/** The merchant's notify_url: only a notification whose signature verifies is read at all. */
export function receiveNotification(
  store: Store,
  secret: string,
  signed: SignedNotification,
): Decision<{ order: Order }> {
  const note = verifyNotification(secret, signed)
  if (!note) return refuse('SIGN_ERROR', 'the notification signature does not verify')
  return settleAtMerchant(store, note)
}

/** A notification is late, and the merchant asks the gateway itself, after this long. */
export const LATE_NOTIFICATION_MS = 2000
/** Taobao's outbox gives a notification up after this many attempts. */
export const MAX_ATTEMPTS = 12
/** How long Taobao's outbox waits after a failed attempt: 1 s, 2 s, 4 s … up to a minute. */
export const backoffMs = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 60_000)

/** Timers, injected so tests can run them by hand. */
export interface Scheduler {
  /** Runs `task` after `ms` (0: once the current work is done). */
  after(ms: number, task: () => void): void
}

export const realScheduler: Scheduler = {
  after(ms, task) {
    if (ms <= 0) setImmediate(task)
    else setTimeout(task, ms).unref()
  },
}
