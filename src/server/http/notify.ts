import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { PaymentMethodIdSchema } from '../../contract/payment.ts'
import { refundPayment } from '../domain/gateway/payments.ts'
import { markPaid } from '../domain/merchant/orders.ts'
import type { Decision } from '../domain/result.ts'
import { refuse } from '../domain/result.ts'
import type { PaymentRecord } from '../domain/state.ts'
import type { Order } from '../../contract/order.ts'
import type { Store } from '../store/store.ts'

/** What the gateway tells the merchant when money lands (WeChat Pay's TRANSACTION.SUCCESS). */
const NotificationSchema = z.strictObject({
  paymentId: z.string(),
  orderId: z.string(),
  method: PaymentMethodIdSchema,
  amountFen: z.number().int().positive(),
  transactionId: z.string(),
  paidAt: z.iso.datetime(),
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

export function signNotification(
  secret: string,
  payload: PaymentNotification,
  now: number,
): SignedNotification {
  const body = JSON.stringify(payload)
  const timestamp = String(Math.floor(now / 1000))
  const nonce = randomBytes(16).toString('hex')
  return { body, timestamp, nonce, signature: mac(secret, timestamp, nonce, body) }
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

/**
 * The merchant's notify_url. Marking paid is idempotent, so a duplicate is harmless; money that landed
 * on an order the merchant had already closed goes back to the payer.
 */
export function receiveNotification(
  store: Store,
  secret: string,
  signed: SignedNotification,
): Decision<{ order: Order }> {
  const note = verifyNotification(secret, signed)
  if (!note) return refuse('SIGN_ERROR', 'the notification signature does not verify')
  const marked = store.run((s) => markPaid(s.merchant, note))
  if (!marked.ok && marked.error.code === 'ORDERCLOSED') {
    store.run((s, now) => refundPayment(s.gateway, note.paymentId, now))
  }
  return marked
}

export interface Notifier {
  paymentSucceeded(payment: PaymentRecord): void
}

/**
 * Delivers in-process, before the confirm answer leaves. Retries with backoff, drop/duplicate/delay
 * faults and the merchant's query for a late notification belong here.
 */
export function inProcessNotifier(
  store: Store,
  secret: string,
  log: (message: string) => void,
): Notifier {
  return {
    paymentSucceeded(payment) {
      if (payment.status !== 'SUCCESS' || !payment.transactionId || !payment.paidAt) return
      const signed = signNotification(
        secret,
        {
          paymentId: payment.id,
          orderId: payment.orderId,
          method: payment.method,
          amountFen: payment.amountFen,
          transactionId: payment.transactionId,
          paidAt: payment.paidAt,
          tradeState: 'SUCCESS',
        },
        store.now(),
      )
      const result = receiveNotification(store, secret, signed)
      if (!result.ok)
        log(
          `merchant refused notification for ${payment.id}: ${result.error.code} ${result.error.message}`,
        )
    },
  }
}
