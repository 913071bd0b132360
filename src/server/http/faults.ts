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

/**
 * The gateway's simulated faults (`POST /api/__test/faults`) and the `flaky_gateway` persona. Process
 * memory only: a restart or a reset brings back a healthy gateway.
 */
export class FaultSwitch {
  #faults: Faults = { ...HEALTHY }
  /** Confirm targets (payments, pay-for-me links) whose first confirm already failed for flaky_gateway. */
  readonly #flakyTripped = new Set<string>()

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
  }

  /** Extra time every gateway answer takes. */
  get latencyMs(): number {
    return this.#faults.latencyMs
  }

  /** How late a notification is delivered, in `delay` mode. */
  get notifyDelayMs(): number {
    return this.#faults.latencyMs || DEFAULT_NOTIFY_DELAY_MS
  }

  /** The WeChat error the next signed /v3 call answers instead, once (then cleared). */
  takeWechatpayFault(): V3ErrorCode | null {
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
