// What the report is written with: escaping (every value from the results goes through `esc`) and the
// number formats (percent without decimals, seconds with one).

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text or an attribute value, escaped for HTML (and SVG inside it). */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/** 0.834 → "83%". */
export function percent(rate: number | null | undefined, none: string): string {
  return finite(rate) ? `${Math.round(rate * 100)}%` : none
}

/** 42_317 ms → "42.3". */
export function secondsOf(ms: number | null | undefined, none: string): string {
  return finite(ms) ? (ms / 1000).toFixed(1) : none
}

/** A mean with one decimal. */
export function one(value: number | null | undefined, none: string): string {
  return finite(value) ? value.toFixed(1) : none
}

/** A signed number with one decimal and a true minus sign: "+0.4", "−1.2". */
export function signed(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits)
  if (Number(text) === 0) return text
  return `${value < 0 ? '−' : '+'}${text}`
}

/** A p value as it is usually reported: "p < 0.001", "p = 0.004", "p = 0.31". */
export function pValue(p: number | null | undefined, none: string): string {
  if (!finite(p)) return `p ${none}`
  if (p < 0.001) return 'p < 0.001'
  if (p < 0.01) return `p = ${p.toFixed(3)}`
  return `p = ${p.toFixed(2)}`
}

/** A date and time in UTC, "2026-12-02 02:29 UTC": the same on every machine that makes the report. */
export function utcDate(ms: number): string {
  const date = new Date(ms)
  if (Number.isNaN(date.getTime())) return ''
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** A number for an SVG attribute: at most two decimals, no exponent. */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0'
  return String(Math.round(value * 100) / 100)
}
