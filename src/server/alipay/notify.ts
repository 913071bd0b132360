import type { DomainEvent } from '../domain/events.ts'
import { isAlipayEvent } from '../domain/alipay/events.ts'
import {
  alipayNotificationDelivered,
  alipayNotificationFailed,
  dueAlipayNotifications,
} from '../domain/alipay/notifications.ts'
import type { AlipayNotificationRecord } from '../domain/alipay/state.ts'
import type { FaultSwitch } from '../http/faults.ts'
import type { StoreObserver } from '../store/observer.ts'
import type { Store } from '../store/store.ts'
import type { NotifyRequest, NotifyTransport } from '../wechatpay/transport.ts'
import { deliveryOf, sendPlanned } from '../wechatpay/attempts.ts'
import type { Attempt, CopyKind } from '../wechatpay/attempts.ts'
import { loggedBefore } from '../console/console-log.ts'
import type { ConsoleSink } from '../console/console-log.ts'
import { deliveryEntry } from '../console/deliveries.ts'
import { alipayNotificationRefs } from '../console/sandbox-refs.ts'
import { iso } from '../domain/result.ts'
import type { AlipayKeys } from './keys.ts'
import { signedParams } from './sign.ts'
import { notificationParams } from './views.ts'

export interface AlipayNotifierDeps {
  store: Store
  faults: FaultSwitch
  keys: AlipayKeys
  /** The same transport (and GATEWAY_NOTIFY_ALLOW guard) as WeChat Pay's notifications. */
  transport: NotifyTransport
  log: (message: string) => void
  /** The world's console log: every POST, as sent and as answered. */
  console?: ConsoleSink
}

/** The `notifySign: signtest` fault's probe: a `sign` that can never verify, which an app must refuse. */
export const ALIPAY_SIGNTEST = 'ALIPAY/SIGNTEST/'

/** What Alipay counts as acknowledged: the plain text `success` (any status or other text is a failure). */
export const acknowledgedBySuccess = (status: number, text: string) =>
  status >= 200 && status < 300 && text.trim() === 'success'

/**
 * A world's Alipay notifications: each trade_status_sync the journal owes is POSTed as a form to its
 * notify_url when due (on the world's clock), signed RSA2 with Alipay's key, and every attempt's outcome
 * is journalled, so the schedule survives a restart and a retry is sent once. Faults (the world's
 * delivery plan, shared with Taobao's outbox and WeChat Pay): drop, duplicate, a wrong signature, a
 * SIGNTEST probe first (delay is applied when the notification is owed). Every POST goes to the log.
 */
export class AlipayNotifier implements StoreObserver {
  readonly #deps: AlipayNotifierDeps
  /** Owed by a change not yet durable: nothing is said of it before it is. */
  readonly #uncommitted = new Set<string>()
  readonly #inFlight = new Map<string, Promise<void>>()
  /** Wall-clock ms before which a notification whose outcome could not be journalled is not retried. */
  readonly #holdUntil = new Map<string, number>()

  constructor(deps: AlipayNotifierDeps) {
    this.#deps = deps
  }

  applied(event: DomainEvent, _state: unknown, replaying: boolean): void {
    if (replaying || !isAlipayEvent(event)) return
    if ('notification' in event && event.notification) this.#uncommitted.add(event.notification.id)
  }

  committed(): void {
    if (this.#uncommitted.size === 0) return
    this.#uncommitted.clear()
    setImmediate(() => void this.runDue())
  }

  reset(): void {
    this.#uncommitted.clear()
    this.#holdUntil.clear()
  }

  reloaded(): void {
    this.#uncommitted.clear()
  }

  /** Resolves once every attempt under way is over and journalled (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight.values())
  }

  /** Sends every notification due now; resolves once those attempts are over and journalled. */
  runDue(): Promise<void> {
    const { store } = this.#deps
    if (store.health.state !== 'ok') return Promise.resolve()
    const wall = Date.now()
    const attempts: Promise<void>[] = []
    for (const note of dueAlipayNotifications(store.state.alipay, store.now())) {
      if (this.#inFlight.has(note.id) || this.#uncommitted.has(note.id)) continue
      if ((this.#holdUntil.get(note.id) ?? 0) > wall) continue
      const attempt = this.#attempt(note).finally(() => this.#inFlight.delete(note.id))
      this.#inFlight.set(note.id, attempt)
      attempts.push(attempt)
    }
    return Promise.all(attempts).then(() => undefined)
  }

  /** When the next pending notification is due on the world's clock (`Infinity`: none is). */
  nextDueAt(): number {
    let next = Infinity
    const { pendingNotifications, notifications } = this.#deps.store.state.alipay
    for (const id of pendingNotifications) {
      next = Math.min(next, notifications.get(id)?.nextAtMs ?? Infinity)
    }
    return next
  }

  /** A notification once more, now (the console's resend), whatever its status; false: none such. */
  async resend(id: string): Promise<boolean> {
    await this.#inFlight.get(id)
    const note = this.#deps.store.state.alipay.notifications.get(id)
    if (!note) return false
    const attempt = this.#attempt(note, true).finally(() => this.#inFlight.delete(id))
    this.#inFlight.set(id, attempt)
    await attempt
    return true
  }

  async #attempt(note: AlipayNotificationRecord, resent = false): Promise<void> {
    const { store, log } = this.#deps
    try {
      const at = store.now()
      // The record is the state's own: recording the outcome moves its count on.
      const attemptNo = note.attempts + 1
      const attempt = await this.#deliver(note, at, resent)
      const outcome = attempt.result
      const pending = store.state.alipay.notifications.get(note.id)?.status === 'PENDING'
      // The deliveries come before what the journal records of them.
      const recorded = loggedBefore(
        this.#deps.console,
        () =>
          pending
            ? store.run((s) =>
                outcome.ok
                  ? alipayNotificationDelivered(s.alipay, note.id, at)
                  : alipayNotificationFailed(s.alipay, note.id, outcome.error ?? 'failed', at),
              )
            : null,
        (done) => {
          const next = done?.ok ? (done.value?.nextAtMs ?? null) : null
          const nextRetryAt = next === null ? null : iso(next)
          const refs = alipayNotificationRefs(store.state.alipay, note)
          return attempt.copies.map((copy) =>
            deliveryEntry(
              deliveryOf('alipay', note.id, attemptNo, copy, null, nextRetryAt),
              at,
              refs,
            ),
          )
        },
      )
      if (recorded && !recorded.ok) {
        this.#holdUntil.set(note.id, Date.now() + 1000)
        return
      }
      this.#holdUntil.delete(note.id)
      if (recorded?.value?.status === 'FAILED') {
        log(
          `alipay notification ${note.id} to ${note.url} given up after ${recorded.value.attempts} attempts`,
        )
      }
    } catch (error) {
      // A world deleted or a store closed meanwhile: nothing more to tell anyone.
      log(
        `alipay notification ${note.id}: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }

  /** One attempt as the world's delivery plan has it: a probe first, none, one or two copies. */
  async #deliver(note: AlipayNotificationRecord, at: number, resent: boolean): Promise<Attempt> {
    const { faults, transport } = this.#deps
    const params = this.#params(note, at)
    if ('error' in params)
      return { result: { ok: false, status: null, error: params.error }, copies: [] }
    return sendPlanned(
      transport,
      faults.deliveryPlan(),
      (kind) => this.#request(note, params, kind),
      resent,
    )
  }

  #params(note: AlipayNotificationRecord, at: number): Record<string, string> | { error: string } {
    const state = this.#deps.store.state.alipay
    const trade = state.trades.get(note.tradeKey)
    if (!trade) return { error: 'the trade is gone' }
    const refund = note.refundKey ? (state.refunds.get(note.refundKey) ?? null) : null
    return notificationParams(trade, note.tradeStatus, note.id, refund, at)
  }

  /** The form as posted: signed RSA2 with Alipay's key, wrongly for `wrong`, not at all for the probe. */
  #request(
    note: AlipayNotificationRecord,
    params: Record<string, string>,
    kind: CopyKind,
  ): NotifyRequest {
    const signed = signedParams(params, this.#deps.keys.alipay.privateKey, kind === 'wrong')
    if (kind === 'probe') signed.sign = `${ALIPAY_SIGNTEST}${(signed.sign ?? '').slice(0, 32)}`
    return {
      url: note.url,
      body: new URLSearchParams(signed).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'user-agent': 'Mozilla/4.0',
      },
      acknowledged: acknowledgedBySuccess,
    }
  }
}
