/** Fee rates as the panel shows them (percent, up to two decimals) and as the gateway keeps them (bp). */

const PERCENT = /^\d{1,3}(?:\.\d{1,2})?$/

/** 250 → "2.5", 880 → "8.8", 1234 → "12.34". */
export function percentFromBp(bp: number): string {
  return String(bp / 100)
}

/** "2.5" → 250; null when it isn't a percentage from 0 to 100 with at most two decimals. */
export function bpFromPercent(text: string): number | null {
  const trimmed = text.trim()
  if (!PERCENT.test(trimmed)) return null
  const bp = Math.round(Number(trimmed) * 100)
  return bp <= 10_000 ? bp : null
}
