import { performance } from 'node:perf_hooks'
import { httpStatusOf } from '../../contract/errors.ts'
import type { ConsoleDelivery, ConsoleRefs } from '../../contract/console.ts'
import type { ConsoleSink } from '../console/console-log.ts'
import { deliveryEntry } from '../console/deliveries.ts'
import type { NewEntry } from '../console/entry.ts'
import type { DomainEvent } from '../domain/events.ts'
import { checkoutIdOf, ownerOf, pendingOf } from '../domain/merchant/checkouts.ts'
import { iso } from '../domain/result.ts'
import type { PaymentRecord } from '../domain/state.ts'
import type { StoreObserver } from '../store/observer.ts'
import type { Store } from '../store/store.ts'
import { SIGNTEST_PREFIX } from '../wechatpay/notify.ts'
import type { FaultSwitch } from './faults.ts'
import {
  backoffMs,
  LATE_NOTIFICATION_MS,
  MAX_ATTEMPTS,
  notificationOf,
  queryGateway,
  receiveNotification,
  settleAtMerchant,
  signNotification,
} from './notify.ts'
import type { Scheduler } from './notify.ts'
import { signedRequest, taobaoDelivery } from './outbox-deliveries.ts'
import { copyNote } from '../wechatpay/attempts.ts'
import type { CopyKind } from '../wechatpay/attempts.ts'

interface Pending {
  paymentId: string
  orderId: string
  attempts: number
  /** The world's time before which a `delay`ed first attempt waits (so a stopped clock holds it). */
  notBefore: number
  /** The world's time the next attempt is due at (what `POST /api/__test/clock { to }` moves to). */
  nextAtMs: number
  /** Bumped whenever an attempt is scheduled or made early: an older timer finds it moved and stops. */
  generation: number
}

/** How often a held-back notification looks at the world's clock again. */
const HELD_RECHECK_MS = 250

/**
 * Gateway → merchant notifications: each successful payment is queued and delivered, signed, until the
 * merchant acknowledges it, retrying with exponential backoff (1 s, 2 s, 4 s … up to a minute). The
 * faults switch drops, duplicates, delays, signs wrongly or probes first (the same plan as WeChat Pay's
 * and Alipay's senders). Every attempt goes to the world's console log. The merchant side stays correct
 * on its own: it is idempotent, and `reconcile` / `checkOrder` query the gateway for a payment whose
 * notification is late, so an order never stays unpaid after its payment succeeded.
 */
export class NotificationOutbox implements StoreObserver {
  readonly #pending = new Map<string, Pending>()
  /** Attempts made per payment, delivered ones too (a resend counts on). */
  readonly #attempts = new Map<string, number>()
  readonly #store: Store
  readonly #secret: string
  readonly #faults: FaultSwitch
  readonly #scheduler: Scheduler
  readonly #log: (message: string) => void
  readonly #console: ConsoleSink | null

  constructor(deps: {
    store: Store
    secret: string
    faults: FaultSwitch
    scheduler: Scheduler
    log: (message: string) => void
    console?: ConsoleSink
  }) {
    this.#store = deps.store
    this.#secret = deps.secret
    this.#faults = deps.faults
    this.#scheduler = deps.scheduler
    this.#log = deps.log
    this.#console = deps.console ?? null
  }

  applied(event: DomainEvent, _state: unknown, replaying: boolean): void {
    if (replaying || event.type !== 'payment.succeeded') return
    const payment = this.#store.state.gateway.payments.get(event.paymentId)
    if (payment) this.#enqueue(payment)
  }

  reset(): void {
    this.#pending.clear()
    this.#attempts.clear()
  }

  /** After a rollback: what was pending was cleared with it; what is durable and unheard is queued again. */
  reloaded(): void {
    this.resume()
  }

  /** Undelivered notifications waiting (for tests and the bench). */
  get size(): number {
    return this.#pending.size
  }

  /** When the next attempt is due on the world's clock (`Infinity`: none is waiting). */
  nextDueAt(): number {
    let next = Infinity
    for (const entry of this.#pending.values()) next = Math.min(next, entry.nextAtMs)
    return next
  }

  /** At start: payments that succeeded without the merchant hearing of it are notified again. */
  resume(): void {
    const { merchant, gateway } = this.#store.state
    for (const [tradeId, paymentId] of gateway.paidOrders) {
      const payment = gateway.payments.get(paymentId)
      if (payment && pendingOf(merchant, checkoutIdOf(merchant, tradeId) ?? tradeId).length > 0) {
        this.#enqueue(payment)
      }
    }
  }

  /** Makes every attempt due by the world's clock now (it was moved on), rather than at its timer. */
  runDue(): void {
    const now = this.#store.now()
    for (const entry of [...this.#pending.values()]) {
      if (entry.nextAtMs <= now && entry.notBefore <= now) this.#attempt(entry.paymentId)
    }
  }

  /**
   * The notification of a paid payment once more, now, as one more attempt (the console's resend): the
   * merchant is idempotent, so the order stays paid once. False: no such notification (not paid).
   */
  resend(paymentId: string): boolean {
    const payment = this.#store.state.gateway.payments.get(paymentId)
    if (!payment || !notificationOf(payment)) return false
    if (this.#pending.has(paymentId)) this.#attempt(paymentId, true)
    else this.#send(this.#entryOf(payment), true, false)
    return true
  }

  #entryOf(payment: PaymentRecord): Pending {
    const now = this.#store.now()
    return {
      paymentId: payment.id,
      orderId: payment.orderId,
      attempts: this.#attempts.get(payment.id) ?? 0,
      notBefore: now,
      nextAtMs: now,
      generation: 0,
    }
  }

  #enqueue(payment: PaymentRecord): void {
    const first = this.#faults.current.notify === 'delay' ? this.#faults.notifyDelayMs : 0
    const entry = this.#entryOf(payment)
    entry.notBefore = entry.nextAtMs = this.#store.now() + first
    this.#pending.set(payment.id, entry)
    this.#schedule(entry, first)
  }

  #schedule(entry: Pending, ms: number): void {
    const generation = ++entry.generation
    this.#scheduler.after(ms, () => {
      if (entry.generation === generation) this.#attempt(entry.paymentId)
    })
  }

  #attempt(paymentId: string, resent = false): void {
    const entry = this.#pending.get(paymentId)
    if (!entry) return
    // A delay counts on the world's clock: while the test clock is stopped, the notification stays late.
    const early = entry.notBefore - this.#store.now()
    if (early > 0 && !resent) {
      this.#schedule(entry, Math.min(early, HELD_RECHECK_MS))
      return
    }
    entry.generation += 1
    if (this.#send(entry, resent)) {
      this.#pending.delete(paymentId)
      return
    }
    if (entry.attempts >= MAX_ATTEMPTS) {
      this.#log(`notification for ${paymentId} given up after ${entry.attempts} attempts`)
      this.#pending.delete(paymentId)
      return
    }
    const wait = backoffMs(entry.attempts)
    entry.nextAtMs = this.#store.now() + wait
    this.#schedule(entry, wait)
  }

  /** One attempt as the faults plan it (a probe first, none, one or two copies); whether it was heard. */
  #send(entry: Pending, resent: boolean, retried = true): boolean {
    entry.attempts += 1
    this.#attempts.set(entry.paymentId, entry.attempts)
    const plan = this.#faults.deliveryPlan()
    const copies: CopyKind[] = plan.probe ? ['probe'] : []
    for (let i = 0; i < plan.copies; i++) copies.push(plan.signature)
    const at = this.#store.now()
    // Each copy's place in the console is kept before what the merchant did with it (order.paid).
    const written: { fill: (entries: NewEntry[]) => void; delivery: ConsoleDelivery | null }[] = []
    const place = () => this.#console?.slot() ?? (() => {})
    let acknowledged = false
    try {
      let sent = 0
      for (const copy of copies) {
        const fill = place()
        written.push({ fill, delivery: null })
        const outcome = this.#deliver(entry, copy)
        const note = copyNote(copy, resent, sent)
        if (copy !== 'probe') {
          acknowledged = outcome.ok || acknowledged
          sent += 1
        }
        const delivery = outcome.delivery && { ...outcome.delivery, ...(note ? { note } : {}) }
        written[written.length - 1] = { fill, delivery }
      }
      if (copies.length === 0) written.push({ fill: place(), delivery: this.#dropped(entry, at) })
      const again = retried && !acknowledged && entry.attempts < MAX_ATTEMPTS
      const nextRetryAt = again ? iso(at + backoffMs(entry.attempts)) : null
      const refs = this.#refsOf(entry)
      for (const item of written) {
        const { delivery } = item
        item.fill(delivery ? [deliveryEntry({ ...delivery, nextRetryAt }, at, refs)] : [])
        item.fill = () => {}
      }
    } finally {
      // Never a place left open (it would hold the log up), whatever went wrong.
      for (const { fill } of written) fill([])
    }
    return acknowledged
  }

  /** A dropped attempt as the console shows it: what would have been sent, and nothing sent. */
  #dropped(entry: Pending, at: number): ConsoleDelivery {
    const payment = this.#store.state.gateway.payments.get(entry.paymentId)
    const note = payment && notificationOf(payment)
    const request = note ? signedRequest(signNotification(this.#secret, note, at)) : {}
    return { ...taobaoDelivery(entry.paymentId, entry.attempts), ...request, outcome: 'dropped' }
  }

  #refsOf(entry: Pending): ConsoleRefs {
    const payment = this.#store.state.gateway.payments.get(entry.paymentId)
    const { merchant } = this.#store.state
    const persona = ownerOf(merchant, checkoutIdOf(merchant, entry.orderId) ?? entry.orderId)
    return {
      orderId: entry.orderId,
      paymentId: entry.paymentId,
      ...(payment?.transactionId ? { transactionId: payment.transactionId } : {}),
      ...(persona ? { persona } : {}),
    }
  }

  /**
   * One delivery over the "wire": signed by the gateway, verified by the merchant. No delivery to show
   * when there is nothing left to tell (refunded, or gone with a reset).
   */
  #deliver(entry: Pending, copy: CopyKind): { ok: boolean; delivery: ConsoleDelivery | null } {
    const payment = this.#store.state.gateway.payments.get(entry.paymentId)
    const note = payment && notificationOf(payment)
    if (!note) return { ok: true, delivery: null }
    const signed = signNotification(this.#secret, note, this.#store.now(), copy === 'wrong')
    if (copy === 'probe') signed.signature = `${SIGNTEST_PREFIX}${signed.nonce}`
    const started = performance.now()
    const result = receiveNotification(this.#store, this.#secret, signed)
    const ms = performance.now() - started
    const ok = result.ok || result.error.code === 'ORDERCLOSED'
    if (!ok && copy !== 'probe') {
      this.#log(
        `merchant refused notification for ${entry.paymentId}: ${result.error.code} ${result.error.message}`,
      )
    }
    const answer = result.ok ? { code: 'SUCCESS', message: '成功' } : result.error
    const delivery: ConsoleDelivery = {
      ...taobaoDelivery(entry.paymentId, entry.attempts),
      ...signedRequest(signed),
      status: result.ok ? 200 : httpStatusOf[result.error.code],
      responseBody: JSON.stringify(answer),
      ms,
      outcome: ok ? 'delivered' : 'failed',
    }
    return { ok, delivery }
  }

  /**
   * The merchant's check for one order (its GET runs it): if the gateway holds a payment for the order
   * that succeeded more than 2 s ago and the merchant still waits, the merchant queries and settles.
   */
  checkOrder(id: string): void {
    const { merchant, gateway } = this.#store.state
    // By an order's id or its checkout's: the gateway knows the checkout as the trade.
    const tradeId = checkoutIdOf(merchant, id)
    if (tradeId === null || pendingOf(merchant, tradeId).length === 0) return
    const note = queryGateway(gateway, tradeId)
    if (!note || this.#store.now() - Date.parse(note.paidAt) < LATE_NOTIFICATION_MS) return
    settleAtMerchant(this.#store, note)
  }

  /** The merchant's sweep over late notifications (a timer runs it). */
  reconcile(): void {
    for (const entry of this.#pending.values()) this.checkOrder(entry.orderId)
  }
}
