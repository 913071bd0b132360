import type { ApiError } from '../../contract/errors.ts'
import type { PersonaId } from '../../contract/sim.ts'
import type { Faults, FaultsBody } from '../../contract/test-api.ts'
import type { V3ErrorCode } from '../../contract/wechatpay.ts'

/** How late a `delay`ed notification is when no `latencyMs` is set. */
export const DEFAULT_NOTIFY_DELAY_MS = 5000

const HEALTHY: Faults = {
  notify: 'normal',
  latencyMs: 0,
  failNextConfirm: null,
  notifySign: 'valid',
  wechatpayFailNext: null,
}

/** A merchant's next signed call's answer (`POST /api/__test/merchants/:id/fail-next`). */
export type MerchantFault =
  { api: 'wechatpay'; code: V3ErrorCode } | { api: 'alipay'; code: string }

/**
 * How one notification attempt goes out, on every channel alike (Taobao's own merchant, WeChat Pay's
 * and Alipay's notify_url): how many copies (`drop` 0, `duplicate` 2), signed right or wrongly, and
 * whether WeChat's SIGNTEST probe goes first. (`delay` applies when the notification is owed.)
 */
export interface DeliveryPlan {
  copies: 0 | 1 | 2
  signature: 'valid' | 'wrong'
  probe: boolean
}

/**
 * The gateway's simulated faults (`POST /api/__test/faults`) and the `flaky_gateway` persona. Process
 * memory only: a restart or a reset brings back a healthy gateway.
 */
export class FaultSwitch {
  #faults: Faults = { ...HEALTHY }
  /** Confirm targets (payments, pay-for-me links) whose first confirm already failed for flaky_gateway. */
  readonly #flakyTripped = new Set<string>()
  /** mchid or app_id → what its next signed call answers (once). */
  readonly #merchantFaults = new Map<string, MerchantFault>()

  get current(): Faults {
    return { ...this.#faults }
  }

  set(change: FaultsBody): Faults {
    this.#faults = {
      notify: change.notify ?? this.#faults.notify,
      latencyMs: change.latencyMs ?? this.#faults.latencyMs,
      failNextConfirm:
        change.failNextConfirm === undefined
          ? this.#faults.failNextConfirm
          : change.failNextConfirm,
      notifySign: change.notifySign ?? this.#faults.notifySign,
      wechatpayFailNext:
        change.wechatpayFailNext === undefined
          ? this.#faults.wechatpayFailNext
          : change.wechatpayFailNext,
    }
    return this.current
  }

  reset(): void {
    this.#faults = { ...HEALTHY }
    this.#flakyTripped.clear()
    this.#merchantFaults.clear()
  }

  /** The notify faults of the next attempt, as every channel's sender applies them. */
  deliveryPlan(): DeliveryPlan {
    const { notify, notifySign } = this.#faults
    return {
      copies: notify === 'drop' ? 0 : notify === 'duplicate' ? 2 : 1,
      signature: notifySign === 'wrong' ? 'wrong' : 'valid',
      probe: notifySign === 'signtest',
    }
  }

  /** The merchant's (mchid or app_id) next signed call answers this instead, once. */
  failNext(merchant: string, fault: MerchantFault): void {
    this.#merchantFaults.set(merchant, fault)
  }

  /** The merchants with a fail-next set, and what (the console shows it). */
  get merchantFaults(): ReadonlyMap<string, MerchantFault> {
    return this.#merchantFaults
  }

  /** An Alipay app's fail-next, once (then cleared): the sub_code its next signed call answers. */
  takeAlipayFault(appId: string): string | null {
    const fault = this.#merchantFaults.get(appId)
    if (fault?.api !== 'alipay') return null
    this.#merchantFaults.delete(appId)
    return fault.code
  }

  /** Extra time every gateway answer takes. */
  get latencyMs(): number {
    return this.#faults.latencyMs
  }

  /** How late a notification is delivered, in `delay` mode. */
  get notifyDelayMs(): number {
    return this.#faults.latencyMs || DEFAULT_NOTIFY_DELAY_MS
  }

  /**
   * The WeChat error the next signed /v3 call answers instead, once (then cleared): the merchant's own
   * fail-next first, else the world's `wechatpayFailNext`.
   */
  takeWechatpayFault(mchid: string): V3ErrorCode | null {
    const own = this.#merchantFaults.get(mchid)
    if (own?.api === 'wechatpay') {
      this.#merchantFaults.delete(mchid)
      return own.code
    }
    const code = this.#faults.wechatpayFailNext
    if (code) this.#faults = { ...this.#faults, wechatpayFailNext: null }
    return code
  }

  /**
   * Asked before a confirm reaches the gateway: the failure to answer instead, if any. Nothing is decided,
   * so nothing is charged. `failNextConfirm` fires once; flaky_gateway fails each target's first confirm.
   */
  confirmFault(payer: PersonaId, target: string): ApiError | null {
    const code = this.#faults.failNextConfirm
    if (code) {
      this.#faults = { ...this.#faults, failNextConfirm: null }
      return { code, message: `simulated gateway fault: ${code}` }
    }
    if (payer === 'flaky_gateway' && !this.#flakyTripped.has(target)) {
      this.#flakyTripped.add(target)
      return { code: 'SYSTEMERROR', message: 'the gateway is busy (simulated): please try again' }
    }
    return null
  }
}
