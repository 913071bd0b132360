import { median, quantile } from './describe.ts'
import { seededRandom } from './rng.ts'

export interface BootstrapOptions {
  seed: number
  /** Resamples; 2000 is Efron & Tibshirani's (1993) order for percentile intervals. */
  iterations?: number
  /** Confidence level of the interval, 0.95 by default. */
  level?: number
}

type Interval = { low: number | null; high: number | null }
const NONE: Interval = { low: null, high: null }

function settings(options: BootstrapOptions): { iterations: number; alpha: number } {
  const iterations = options.iterations ?? 2000
  const level = options.level ?? 0.95
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new RangeError(`iterations must be a whole number ≥ 1: ${iterations}`)
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1): ${level}`)
  return { iterations, alpha: (1 - level) / 2 }
}

/** The percentile interval of the replicates that produced a value (null replicates are left out). */
function percentile(replicates: number[], alpha: number): Interval {
  if (replicates.length === 0) return NONE
  replicates.sort((p, q) => p - q)
  return { low: quantile(replicates, alpha), high: quantile(replicates, 1 - alpha) }
}

/**
 * Medians of resamples in O(n) each, without sorting: a resample is a count per original value, and its
 * median is found by walking those counts in the values' sorted order. It draws the same indices as
 * the plain resample-then-median, so it gives the very same replicates, only faster (the results page
 * computes a few of these per route on every refresh).
 */
class ResampledMedian {
  private readonly sorted: Float64Array
  private readonly position: Int32Array // position[i]: where sample i sits in `sorted`
  private readonly counts: Int32Array
  private readonly lo: number
  private readonly frac: number

  constructor(samples: readonly number[]) {
    const n = samples.length
    for (const x of samples)
      if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`)
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (i, j) => (samples[i] ?? 0) - (samples[j] ?? 0),
    )
    this.sorted = Float64Array.from(order, (i) => samples[i] ?? 0)
    this.position = new Int32Array(n)
    order.forEach((i, rank) => (this.position[i] = rank))
    this.counts = new Int32Array(n)
    const h = (n - 1) / 2 // type 7 at q = ½
    this.lo = Math.floor(h)
    this.frac = h - this.lo
  }

  /** Draws one resample index at a time, `pick(i)` being the i-th drawn original index. */
  next(pick: () => number): number {
    const { counts, position, sorted, lo, frac } = this
    counts.fill(0)
    for (let i = 0; i < counts.length; i++) {
      const at = position[pick()] ?? 0
      counts[at] = (counts[at] ?? 0) + 1
    }
    let seen = 0
    let k = 0
    while (seen + (counts[k] ?? 0) <= lo) seen += counts[k++] ?? 0
    const below = sorted[k] ?? Number.NaN
    if (frac === 0) return below
    // The next order statistic: the same value if it was drawn more than once, else the next drawn one.
    if (seen + (counts[k] ?? 0) > lo + 1) return below
    k++
    while ((counts[k] ?? 0) === 0) k++
    return below + frac * ((sorted[k] ?? below) - below)
  }
}

/**
 * Percentile bootstrap interval (Efron 1979) of `statistic`, deterministic for a given seed.
 * Fewer than 2 samples: nulls (a resample of one value is that value, which says nothing).
 */
export function bootstrapCi(
  samples: readonly number[],
  statistic: (xs: readonly number[]) => number | null,
  options: BootstrapOptions,
): Interval {
  const { iterations, alpha } = settings(options)
  if (samples.length < 2) return NONE
  const random = seededRandom(options.seed)
  const n = samples.length
  const draw = () => Math.floor(random() * n)
  const fast = statistic === median ? new ResampledMedian(samples) : null
  const buffer = new Array<number>(n)
  const replicates: number[] = []
  for (let r = 0; r < iterations; r++) {
    let value: number | null
    if (fast) value = fast.next(draw)
    else {
      for (let i = 0; i < n; i++) buffer[i] = samples[draw()] ?? 0
      value = statistic(buffer)
    }
    if (value !== null && Number.isFinite(value)) replicates.push(value)
  }
  return percentile(replicates, alpha)
}

/**
 * median(b) / median(a) with a percentile bootstrap interval. Paired (within-subjects): a[i] and b[i] are
 * one participant, so participants are resampled whole and their correlation is kept; unpaired: each
 * group is resampled on its own. Null ratio when a's median is 0 or a group is empty; null interval
 * below 2 samples per group (pairs). Resamples whose a-median is 0 are left out.
 */
export function medianRatio(
  a: readonly number[],
  b: readonly number[],
  options: BootstrapOptions & { paired: boolean },
): { ratio: number | null; low: number | null; high: number | null } {
  const { iterations, alpha } = settings(options)
  if (options.paired && a.length !== b.length) {
    throw new RangeError(`paired samples differ in length: ${a.length} and ${b.length}`)
  }
  const ma = median(a)
  const mb = median(b)
  const ratio = ma === null || mb === null || ma === 0 ? null : mb / ma
  if (ratio === null || a.length < 2 || b.length < 2) return { ratio, ...NONE }
  const random = seededRandom(options.seed)
  const medianA = new ResampledMedian(a)
  const medianB = new ResampledMedian(b)
  // Paired: b's resample reuses the indices a's drew, in the same order.
  const drawn = new Int32Array(a.length)
  let cursor = 0
  const drawA = () => (drawn[cursor++] = Math.floor(random() * a.length))
  const replayA = () => drawn[cursor++] ?? 0
  const drawB = () => Math.floor(random() * b.length)
  const replicates: number[] = []
  for (let r = 0; r < iterations; r++) {
    cursor = 0
    const ra = medianA.next(drawA)
    cursor = 0
    const rb = medianB.next(options.paired ? replayA : drawB)
    if (ra !== 0) replicates.push(rb / ra)
  }
  return { ratio, ...percentile(replicates, alpha) }
}
