import type { V3ErrorCode } from '../../../contract/wechatpay.ts'
import type { DomainEvent } from '../events.ts'
import { accept } from '../result.ts'
import type { Decision } from '../result.ts'

/** A refusal in WeChat's own terms (its code carries its HTTP status, V3_ERROR_STATUS). */
export interface V3Refusal {
  code: V3ErrorCode
  message: string
  detail?: Record<string, unknown>
}

/**
 * What an APIv3 command decides, inside a `Decision`: the store's own refusals (storage, a full world)
 * stay on the outside, WeChat's refusals are an outcome.
 */
export type V3Outcome<T> = { ok: true; value: T } | { ok: false; error: V3Refusal }

export function v3ok<T>(value: T, events: DomainEvent[] = []): Decision<V3Outcome<T>> {
  return accept({ ok: true, value }, events)
}

export function v3no<T = never>(
  code: V3ErrorCode,
  message: string,
  detail?: Record<string, unknown>,
): Decision<V3Outcome<T>> {
  return accept({ ok: false, error: detail ? { code, message, detail } : { code, message } })
}
