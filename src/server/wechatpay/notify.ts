import type { VerifyMode } from '../../contract/wechatpay-test.ts'
import type { DomainEvent } from '../domain/events.ts'
import {
  dueNotifications,
  notificationDelivered,
  notificationFailed,
} from '../domain/wechatpay/notifications.ts'
import type { V3NotificationRecord } from '../domain/wechatpay/state.ts'
import type { FaultSwitch } from '../http/faults.ts'
import { randomBytes } from '../store/ids.ts'
import type { StoreObserver } from '../store/observer.ts'
import type { Store } from '../store/store.ts'
import { encryptResource } from './crypto.ts'
import type { MerchantDirectory } from './directory.ts'
import type { PlatformKeys } from './keys.ts'
import { answerMessage, nonceString, signMessage, wallSeconds } from './sign.ts'
import type { NotifyRequest, NotifyTransport } from './transport.ts'
import { deliveryOf, sendPlanned } from './attempts.ts'
import type { Attempt, CopyKind } from './attempts.ts'
import { loggedBefore } from '../console/console-log.ts'
import type { ConsoleSink } from '../console/console-log.ts'
import { deliveryEntry } from '../console/deliveries.ts'
import { notificationRefs } from '../console/sandbox-refs.ts'
import { iso } from '../domain/result.ts'
import { refundResource, rfc3339, transactionView } from './views.ts'

/** The serial a merchant verifies under: the public key's id, or the platform certificate's serial. */
export function serialFor(platform: PlatformKeys, mode: VerifyMode): string {
  return mode === 'publicKey' ? platform.publicKeyId : platform.serialNo
}

/** WeChat's signature probe: a signature that can never verify, which a merchant must refuse. */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/'

export interface V3NotifierDeps {
  store: Store
  faults: FaultSwitch
  directory: MerchantDirectory
  transport: NotifyTransport
  log: (message: string) => void
  /** The world's console log: every POST, as sent and as answered. */
  console?: ConsoleSink
}

/**
 * A world's APIv3 notifications: each TRANSACTION.SUCCESS and REFUND.SUCCESS the journal owes is POSTed
 * to its notify_url when due (on the world's clock), signed with the platform key and encrypted under
 * the merchant's APIv3 key, and every attempt's outcome is journalled, so the schedule survives a
 * restart and a retry is sent once, when it falls due. Faults (the world's delivery plan, shared with
 * Taobao's outbox and Alipay): drop, duplicate (delay is applied when the notification is made), a wrong
 * signature, WeChat's SIGNTEST probe. Every POST goes to the world's console log.
 */
export class V3Notifier implements StoreObserver {
  readonly #deps: V3NotifierDeps
  /** Made by a change not yet durable: nothing is said of it before it is. */
  readonly #uncommitted = new Set<string>()
  readonly #inFlight = new Map<string, Promise<void>>()
  /** Wall-clock ms before which a notification whose outcome could not be journalled is not retried. */
  readonly #holdUntil = new Map<string, number>()

  constructor(deps: V3NotifierDeps) {
    this.#deps = deps
  }

  applied(event: DomainEvent, _state: unknown, replaying: boolean): void {
    if (replaying) return
    if (event.type === 'wechatpay.transaction.paid') this.#uncommitted.add(event.notification.id)
    if (event.type === 'wechatpay.refund.created' && event.notification) {
      this.#uncommitted.add(event.notification.id)
    }
  }

  /** What was just made durable may now be told: a notification due at once goes out now. */
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

  /** Attempts under way. */
  get inFlight(): number {
    return this.#inFlight.size
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
    for (const note of dueNotifications(store.state.wechatpay, store.now())) {
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
    const { pendingNotifications, notifications } = this.#deps.store.state.wechatpay
    for (const id of pendingNotifications) {
      next = Math.min(next, notifications.get(id)?.nextAtMs ?? Infinity)
    }
    return next
  }

  /**
   * A notification once more, now (the console's resend), whatever its status: one more attempt,
   * journalled as one while it is pending. Resolves with nothing when there is no such notification.
   */
  async resend(id: string): Promise<boolean> {
    await this.#inFlight.get(id)
    const note = this.#deps.store.state.wechatpay.notifications.get(id)
    if (!note) return false
    const attempt = this.#attempt(note, true).finally(() => this.#inFlight.delete(id))
    this.#inFlight.set(id, attempt)
    await attempt
    return true
  }

  async #attempt(note: V3NotificationRecord, resent = false): Promise<void> {
    try {
      await this.#attemptOnce(note, resent)
    } catch (error) {
      // A world deleted or a store closed meanwhile: nothing more to tell anyone.
      this.#deps.log(
        `${note.eventType} ${note.id}: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }

  async #attemptOnce(note: V3NotificationRecord, resent: boolean): Promise<void> {
    const { store, log } = this.#deps
    const at = store.now()
    // The record is the state's own: recording the outcome moves its count on.
    const attemptNo = note.attempts + 1
    const { attempt, decrypted } = await this.#deliver(note, resent)
    const outcome = attempt.result
    const pending = store.state.wechatpay.notifications.get(note.id)?.status === 'PENDING'
    // The deliveries come before what the journal records of them.
    const recorded = loggedBefore(
      this.#deps.console,
      () =>
        pending
          ? store.run((s) =>
              outcome.ok
                ? notificationDelivered(s.wechatpay, note.id, at)
                : notificationFailed(s.wechatpay, note.id, outcome.error ?? 'failed', at),
            )
          : null,
      (done) => {
        const next = done?.ok ? (done.value?.nextAtMs ?? null) : null
        const nextRetryAt = next === null ? null : iso(next)
        const refs = notificationRefs(store.state.wechatpay, note)
        return attempt.copies.map((copy) =>
          deliveryEntry(
            deliveryOf('wechatpay', note.id, attemptNo, copy, decrypted, nextRetryAt),
            at,
            refs,
          ),
        )
      },
    )
    if (recorded && !recorded.ok) {
      // The journal is failing: try again in a second rather than at once.
      this.#holdUntil.set(note.id, Date.now() + 1000)
      return
    }
    this.#holdUntil.delete(note.id)
    if (recorded?.value?.status === 'FAILED') {
      log(
        `${note.eventType} ${note.id} to ${note.url} given up after ${recorded.value.attempts} attempts`,
      )
    }
  }

  /** One attempt: the faults decide how many POSTs go (none, one, two) and how they are signed. */
  async #deliver(
    note: V3NotificationRecord,
    resent: boolean,
  ): Promise<{ attempt: Attempt; decrypted: unknown }> {
    const built = this.#build(note)
    if ('error' in built) {
      const result = { ok: false, status: null, error: built.error }
      return { attempt: { result, copies: [] }, decrypted: null }
    }
    const attempt = await sendPlanned(
      this.#deps.transport,
      this.#deps.faults.deliveryPlan(),
      (kind) => this.#signed(note, built.body, built.serial, kind),
      resent,
      (probe) => {
        if (!probe.ok) return
        this.#deps.log(
          `${note.url} accepted a ${SIGNTEST_PREFIX} probe (status ${probe.status}): its notification handler does not verify signatures`,
        )
      },
    )
    return { attempt, decrypted: JSON.parse(built.plaintext) as unknown }
  }

  /** The envelope, compact as JSON.stringify writes it (an SDK re-serialises before verifying). */
  #build(
    note: V3NotificationRecord,
  ): { body: string; serial: string; plaintext: string } | { error: string } {
    const { store, directory } = this.#deps
    const merchant = directory.lookup(note.mchid)
    if (!merchant) return { error: `merchant ${note.mchid} is no longer registered` }
    const state = store.state.wechatpay
    let plaintext: string
    if (note.eventType === 'TRANSACTION.SUCCESS') {
      const tx = state.transactions.get(note.ref)
      if (!tx) return { error: 'the order is gone' }
      plaintext = JSON.stringify(transactionView(tx, 'SUCCESS'))
    } else {
      const refund = state.refunds.get(note.ref)
      if (!refund) return { error: 'the refund is gone' }
      plaintext = JSON.stringify(refundResource(refund))
    }
    const transaction = note.eventType === 'TRANSACTION.SUCCESS'
    const original = transaction ? 'transaction' : 'refund'
    const sealed = encryptResource(plaintext, merchant.apiV3Key, original)
    const envelope = {
      id: note.id,
      create_time: rfc3339(note.createdAt),
      resource_type: 'encrypt-resource',
      event_type: note.eventType,
      summary: transaction ? '支付成功' : '退款成功',
      resource: {
        original_type: original,
        algorithm: sealed.algorithm,
        ciphertext: sealed.ciphertext,
        associated_data: sealed.associated_data,
        nonce: sealed.nonce,
      },
    }
    return {
      body: JSON.stringify(envelope),
      serial: serialFor(directory.keys.platform, merchant.mode),
      plaintext,
    }
  }

  #signed(note: V3NotificationRecord, body: string, serial: string, mode: CopyKind): NotifyRequest {
    const platform = this.#deps.directory.keys.platform
    const timestamp = String(wallSeconds())
    const nonce = nonceString(32)
    const signature =
      mode === 'probe'
        ? `${SIGNTEST_PREFIX}${randomBytes(192).toString('base64')}`
        : signMessage(
            answerMessage(timestamp, nonce, mode === 'wrong' ? `${body} ` : body),
            platform.privateKey,
          )
    return {
      url: note.url,
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Mozilla/4.0',
        'wechatpay-nonce': nonce,
        'wechatpay-serial': serial,
        'wechatpay-signature': signature,
        'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
        'wechatpay-timestamp': timestamp,
      },
    }
  }
}
