/**
 * The Keystroke-Level Model (Card, Moran & Newell) for a phone: seconds per operator. K a keystroke, P
 * pointing at a target, M mental preparation, S switching to another app and finding one's place.
 */
export interface KlmTimes {
  k: number
  p: number
  m: number
  s: number
}
export const KLM_OPERATORS = ['k', 'p', 'm', 's'] as const satisfies readonly (keyof KlmTimes)[]

export const DEFAULT_KLM: KlmTimes = { k: 0.28, p: 1.1, m: 1.35, s: 1.5 }

export interface KlmCounts {
  taps: number
  keystrokes: number
  keyRuns: number
  appSwitches: number
}

/**
 * Predicted seconds: each tap is M + P; each series of keystrokes is one M, then K per key; each switch
 * the shopper makes adds S (its two taps, the home bar and the app's card, are taps).
 */
export function klmSeconds(counts: KlmCounts, times: KlmTimes): number {
  return (
    counts.taps * (times.m + times.p) +
    counts.keyRuns * times.m +
    counts.keystrokes * times.k +
    counts.appSwitches * times.s
  )
}

/** An operator time typed in the lab: seconds, 0 to 60, or null if it is not one. */
export function secondsFromText(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,2}(\.\d{1,3})?$/.test(trimmed)) return null
  const seconds = Number(trimmed)
  return seconds <= 60 ? seconds : null
}
