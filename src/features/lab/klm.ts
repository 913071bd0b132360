import { MOBILE_KLM, type KlmTimes } from '@/contract/klm.ts'

// The model itself is the contract's (contract/klm.ts), shared with the studies' results: one formula,
// one set of published mobile values.
export { KLM_OPERATORS, KLM_SOURCE, klmSeconds } from '@/contract/klm.ts'
export type { KlmCounts, KlmTimes } from '@/contract/klm.ts'

/** The lab's operator times until someone edits them: the mobile (touch) values of the literature. */
export const DEFAULT_KLM: KlmTimes = MOBILE_KLM

/** An operator time typed in the lab: seconds, 0 to 60, or null if it is not one. */
export function secondsFromText(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,2}(\.\d{1,3})?$/.test(trimmed)) return null
  const seconds = Number(trimmed)
  return seconds <= 60 ? seconds : null
}
