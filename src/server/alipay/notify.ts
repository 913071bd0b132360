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
import type { NotifyRequest, NotifyResult, NotifyTransport } from '../wechatpay/transport.ts'
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
}

/** What Alipay counts as acknowledged: the plain text `success` (any status or other text is a failure). */
export const acknowledgedBySuccess = (status: number, text: string) =>
  status >= 200 && status < 300 && text.trim() === 'success'

/**
 * A world's Alipay notifications: each trade_status_sync the journal owes is POSTed as a form to its
 * notify_url when due (on the world's clock), signed RSA2 with Alipay's key, and every attempt's outcome
 * is journalled, so the schedule survives a restart and a retry is sent once. Faults: drop, duplicate,
 * a wrong signature (delay is applied when the notification is owed).
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

  async #attempt(note: AlipayNotificationRecord): Promise<void> {
    const { store, log } = this.#deps
    try {
      const at = store.now()
      const outcome = await this.#deliver(note, at)
      const recorded = store.run((s) =>
        outcome.ok
          ? alipayNotificationDelivered(s.alipay, note.id, at)
          : alipayNotificationFailed(s.alipay, note.id, outcome.error ?? 'failed', at),
      )
      if (!recorded.ok) {
        this.#holdUntil.set(note.id, Date.now() + 1000)
        return
      }
      this.#holdUntil.delete(note.id)
      if (recorded.value?.status === 'FAILED') {
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

  async #deliver(note: AlipayNotificationRecord, at: number): Promise<NotifyResult> {
    const { faults, transport } = this.#deps
    const request = this.#build(note, at)
    if ('error' in request) return { ok: false, status: null, error: request.error }
    const { notify } = faults.current
    if (notify === 'drop') return { ok: false, status: null, error: 'dropped (simulated fault)' }
    const copies = notify === 'duplicate' ? 2 : 1
    let result: NotifyResult = { ok: false, status: null, error: 'not sent' }
    for (let i = 0; i < copies; i++) {
      const sent = await transport(request)
      if (sent.ok || !result.ok) result = sent
    }
    return result
  }

  #build(note: AlipayNotificationRecord, at: number): NotifyRequest | { error: string } {
    const { store, keys, faults } = this.#deps
    const state = store.state.alipay
    const trade = state.trades.get(note.tradeKey)
    if (!trade) return { error: 'the trade is gone' }
    const refund = note.refundKey ? (state.refunds.get(note.refundKey) ?? null) : null
    const params = notificationParams(trade, note.tradeStatus, note.id, refund, at)
    const signed = signedParams(
      params,
      keys.alipay.privateKey,
      faults.current.notifySign === 'wrong',
    )
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
