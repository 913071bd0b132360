/**
 * Nearest-rank percentile of a sample (p in 0..100): the one percentile of every bench, load and soak
 * figure (scripts/bench/*, `npm run bench:gateway`), so p95 and p99 mean the same thing everywhere.
 */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN
}

export interface Spread {
  n: number
  p50: number
  p95: number
  max: number
}

export function spread(values: number[]): Spread {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : Number.NaN,
  }
}
