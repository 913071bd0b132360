/**
 * Log-space helpers for the exact tests, so that C(1000, 500) ≈ 10^299 or 2^-1000 never overflow or
 * underflow: every probability is carried as its logarithm until it is summed.
 */

/** ln 0!, ln 1!, …, ln n! by cumulative sums (exact enough: the error grows like n·ε·ln n!). */
export function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1)
  for (let i = 2; i <= n; i++) table[i] = (table[i - 1] ?? 0) + Math.log(i)
  return table
}

/** ln C(n, k) from a table of ln k! that reaches at least n. */
export function logChoose(table: Float64Array, n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY
  return (table[n] ?? Number.NaN) - (table[k] ?? Number.NaN) - (table[n - k] ?? Number.NaN)
}

/** ln Σ exp(xs), shifted by the largest term so the sum neither overflows nor underflows. */
export function logSumExp(xs: readonly number[]): number {
  let max = Number.NEGATIVE_INFINITY
  for (const x of xs) if (x > max) max = x
  if (max === Number.NEGATIVE_INFINITY) return max
  let sum = 0
  for (const x of xs) sum += Math.exp(x - max)
  return max + Math.log(sum)
}

export function assertCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0: ${value}`)
  }
}
