import { ALIPAY_BIZ_ERRORS } from '../../../contract/alipay.ts'
import type { AlipayBizError } from '../../../contract/alipay.ts'
import type { DomainEvent } from '../events.ts'
import { accept } from '../result.ts'
import type { Decision } from '../result.ts'

/** A refusal in Alipay's own terms: a `sub_code` of 40004 Business Failed, and its `sub_msg`. */
export interface AlipayRefusal {
  subCode: AlipayBizError
  subMsg: string
}

/**
 * What an Alipay command decides, inside a `Decision`: the store's own refusals (storage, a full world)
 * stay on the outside, Alipay's are an outcome.
 */
export type AlipayOutcome<T> = { ok: true; value: T } | { ok: false; error: AlipayRefusal }

export function alipayOk<T>(value: T, events: DomainEvent[] = []): Decision<AlipayOutcome<T>> {
  return accept({ ok: true, value }, events)
}

export function alipayNo<T = never>(
  subCode: AlipayBizError,
  detail?: string,
): Decision<AlipayOutcome<T>> {
  const text = ALIPAY_BIZ_ERRORS[subCode]
  return accept({ ok: false, error: { subCode, subMsg: detail ? `${text}: ${detail}` : text } })
}
