import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { PaymentMethodIdSchema } from '../../contract/payment.ts'
import type { Order } from '../../contract/order.ts'
import type { DomainEvent } from '../domain/events.ts'
import { refundPayment } from '../domain/gateway/payments.ts'
import { markPaid } from '../domain/merchant/orders.ts'
import type { Decision } from '../domain/result.ts'
import { refuse } from '../domain/result.ts'
import type { GatewayState, PaymentRecord } from '../domain/state.ts'
import type { StoreObserver } from '../store/observer.ts'
import { randomBytes } from '../store/ids.ts'
import type { Store } from '../store/store.ts'
import type { FaultSwitch } from './faults.ts'

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
function settleAtMerchant(store: Store, note: PaymentNotification): Decision<{ order: Order }> {
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
const MAX_ATTEMPTS = 12
const backoffMs = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 60_000)

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

interface Pending {
  paymentId: string
  orderId: string
  attempts: number
  /** The world's time before which a `delay`ed first attempt waits (so a stopped clock holds it). */
  notBefore: number
}

/** How often a held-back notification looks at the world's clock again. */
const HELD_RECHECK_MS = 250

/**
 * Gateway → merchant notifications: each successful payment is queued and delivered, signed, until the
 * merchant acknowledges it, retrying with exponential backoff (1 s, 2 s, 4 s … up to a minute). The
 * faults switch drops, duplicates or delays deliveries. The merchant side stays correct on its own: it
 * is idempotent, and `reconcile` / `checkOrder` query the gateway for a payment whose notification is
 * late, so an order never stays unpaid after its payment succeeded.
 */
export class NotificationOutbox implements StoreObserver {
  readonly #pending = new Map<string, Pending>()
  readonly #store: Store
  readonly #secret: string
  readonly #faults: FaultSwitch
  readonly #scheduler: Scheduler
  readonly #log: (message: string) => void

  constructor(deps: {
    store: Store
    secret: string
    faults: FaultSwitch
    scheduler: Scheduler
    log: (message: string) => void
  }) {
    this.#store = deps.store
    this.#secret = deps.secret
    this.#faults = deps.faults
    this.#scheduler = deps.scheduler
    this.#log = deps.log
  }

  applied(event: DomainEvent, _state: unknown, replaying: boolean): void {
    if (replaying || event.type !== 'payment.succeeded') return
    const payment = this.#store.state.gateway.payments.get(event.paymentId)
    if (payment) this.#enqueue(payment)
  }

  reset(): void {
    this.#pending.clear()
  }

  /** After a rollback: what was pending was cleared with it; what is durable and unheard is queued again. */
  reloaded(): void {
    this.resume()
  }

  /** Undelivered notifications waiting (for tests and the bench). */
  get size(): number {
    return this.#pending.size
  }

  /** At start: payments that succeeded without the merchant hearing of it are notified again. */
  resume(): void {
    const { merchant, gateway } = this.#store.state
    for (const [orderId, paymentId] of gateway.paidOrders) {
      const payment = gateway.payments.get(paymentId)
      if (payment && merchant.orders.get(orderId)?.status === 'PENDING_PAYMENT') {
        this.#enqueue(payment)
      }
    }
  }

  #enqueue(payment: PaymentRecord): void {
    const first = this.#faults.current.notify === 'delay' ? this.#faults.notifyDelayMs : 0
    const notBefore = this.#store.now() + first
    this.#pending.set(payment.id, {
      paymentId: payment.id,
      orderId: payment.orderId,
      attempts: 0,
      notBefore,
    })
    this.#scheduler.after(first, () => this.#attempt(payment.id))
  }

  #attempt(paymentId: string): void {
    const entry = this.#pending.get(paymentId)
    if (!entry) return
    // A delay counts on the world's clock: while the test clock is stopped, the notification stays late.
    const early = entry.notBefore - this.#store.now()
    if (early > 0) {
      this.#scheduler.after(Math.min(early, HELD_RECHECK_MS), () => this.#attempt(paymentId))
      return
    }
    entry.attempts += 1
    const mode = this.#faults.current.notify
    const copies = mode === 'drop' ? 0 : mode === 'duplicate' ? 2 : 1
    let acknowledged = false
    for (let i = 0; i < copies; i++) acknowledged = this.#deliver(entry) || acknowledged
    if (acknowledged) {
      this.#pending.delete(paymentId)
      return
    }
    if (entry.attempts >= MAX_ATTEMPTS) {
      this.#log(`notification for ${paymentId} given up after ${entry.attempts} attempts`)
      this.#pending.delete(paymentId)
      return
    }
    this.#scheduler.after(backoffMs(entry.attempts), () => this.#attempt(paymentId))
  }

  /** One delivery over the "wire": signed by the gateway, verified by the merchant. */
  #deliver(entry: Pending): boolean {
    const payment = this.#store.state.gateway.payments.get(entry.paymentId)
    const note = payment && notificationOf(payment)
    if (!note) return true // refunded or gone (reset): nothing left to tell
    const signed = signNotification(this.#secret, note, this.#store.now())
    const result = receiveNotification(this.#store, this.#secret, signed)
    if (result.ok || result.error.code === 'ORDERCLOSED') return true
    this.#log(
      `merchant refused notification for ${entry.paymentId}: ${result.error.code} ${result.error.message}`,
    )
    return false
  }

  /**
   * The merchant's check for one order (its GET runs it): if the gateway holds a payment for the order
   * that succeeded more than 2 s ago and the merchant still waits, the merchant queries and settles.
   */
  checkOrder(orderId: string): void {
    const { merchant, gateway } = this.#store.state
    if (merchant.orders.get(orderId)?.status !== 'PENDING_PAYMENT') return
    const note = queryGateway(gateway, orderId)
    if (!note || this.#store.now() - Date.parse(note.paidAt) < LATE_NOTIFICATION_MS) return
    settleAtMerchant(this.#store, note)
  }

  /** The merchant's sweep over late notifications (a timer runs it). */
  reconcile(): void {
    for (const entry of this.#pending.values()) this.checkOrder(entry.orderId)
  }
}
