/** Descriptive statistics over plain arrays of finite numbers. */

function assertFinite(xs: readonly number[]): void {
  for (const x of xs) {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`)
  }
}

/** An ascending copy (the input is never reordered); a typed array sorts numerically, and fast. */
function sortedCopy(xs: readonly number[]): Float64Array {
  assertFinite(xs)
  return Float64Array.from(xs).sort()
}

function quantileOf(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q
  const lo = Math.floor(h)
  const below = sorted[lo] ?? Number.NaN
  const above = sorted[Math.min(lo + 1, sorted.length - 1)] ?? below
  return below + (h - lo) * (above - below)
}

/**
 * Hyndman & Fan (1996) type 7, R's and numpy's default: h = (n − 1)q, interpolate between the order
 * statistics around h. `sorted` must be ascending and non-empty.
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of an empty sample')
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile level outside [0, 1]: ${q}`)
  return quantileOf(sorted, q)
}

export function median(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : quantileOf(sortedCopy(xs), 0.5)
}

export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null
  assertFinite(xs)
  let sum = 0
  for (const x of xs) sum += x
  return sum / xs.length
}
