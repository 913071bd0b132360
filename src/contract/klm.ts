// The Keystroke-Level Model for a touch phone, shared by the lab (its prediction beside autoplay) and the
// studies' results (the model's seconds beside what people took). docs/studies.md cites the sources.

/**
 * Seconds per operator. K a keystroke on a keypad, P pointing at a target and tapping it, M mental
 * preparation, S a macro attention shift (finding one's place again after the screen changed app).
 */
export interface KlmTimes {
  k: number
  p: number
  m: number
  s: number
}
export const KLM_OPERATORS = ['k', 'p', 'm', 's'] as const satisfies readonly (keyof KlmTimes)[]

/**
 * Mobile (touch) values from Holleis, Otto, Hußmann & Schmidt, "Keystroke-Level Model for Advanced Mobile
 * Phone Interaction", CHI 2007 (K 0.39 s, P 1.00 s, macro attention shift 0.36 s), with M 1.35 s from
 * Card, Moran & Newell, "The Keystroke-Level Model for User Performance Time with Interactive Systems",
 * CACM 23(7), 1980, which Holleis et al. keep.
 */
export const MOBILE_KLM: KlmTimes = { k: 0.39, p: 1.0, m: 1.35, s: 0.36 }
export const KLM_SOURCE =
  'Holleis, Otto, Hußmann & Schmidt, CHI 2007 (K, P, S); Card, Moran & Newell, CACM 1980 (M)'

export interface KlmCounts {
  taps: number
  keystrokes: number
  keyRuns: number
  appSwitches: number
}

/**
 * Predicted seconds: each tap is M + P; each series of keystrokes is one M, then K per key; each switch
 * the shopper makes between apps adds S (its own taps are counted as taps).
 */
export function klmSeconds(counts: KlmCounts, times: KlmTimes): number {
  return (
    counts.taps * (times.m + times.p) +
    counts.keyRuns * times.m +
    counts.keystrokes * times.k +
    counts.appSwitches * times.s
  )
}
