import { twoSidedP } from './normal.ts'
import { midRanks } from './ranks.ts'

/** At most this many non-zero differences and no ties: the exact null distribution. */
const EXACT_MAX = 25

/** Counts of W+ = 0 … n(n+1)/2 over the 2^n sign patterns (subset sums of 1 … n). */
function exactCounts(n: number): Float64Array {
  const max = (n * (n + 1)) / 2
  const counts = new Float64Array(max + 1)
  counts[0] = 1
  for (let rank = 1; rank <= n; rank++) {
    for (let s = max; s >= rank; s--) counts[s] = (counts[s] ?? 0) + (counts[s - rank] ?? 0)
  }
  return counts
}

/**
 * Two-sided Wilcoxon signed-rank test on pairs [a, b], differences b − a. Zero differences are dropped
 * (Wilcoxon's method; R instead falls back to the normal approximation when there are zeros). w is the
 * smaller of W+ and W−; z is the normal statistic with tie and continuity correction, signed like
 * rankBiserial: positive when b tends to be larger. Null when there is no non-zero difference.
 */
export function wilcoxonSignedRank(
  pairs: readonly (readonly [number, number])[],
): { w: number; z: number | null; p: number; rankBiserial: number } | null {
  const diffs: number[] = []
  for (const [a, b] of pairs) {
    if (!Number.isFinite(a) || !Number.isFinite(b)) throw new RangeError('not a finite number')
    const d = b - a
    if (d !== 0) diffs.push(d)
  }
  const n = diffs.length
  if (n === 0) return null
  const { ranks, tieTerm } = midRanks(diffs.map(Math.abs))
  let plus = 0
  diffs.forEach((d, i) => {
    if (d > 0) plus += ranks[i] ?? 0
  })
  const total = (n * (n + 1)) / 2
  const minus = total - plus
  const w = Math.min(plus, minus)
  const rankBiserial = (plus - minus) / total

  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48
  const diff = plus - total / 2
  const z = variance > 0 ? (diff - Math.sign(diff) * 0.5) / Math.sqrt(variance) : null

  let p: number
  if (n <= EXACT_MAX && tieTerm === 0) {
    const counts = exactCounts(n)
    let tail = 0
    for (let s = 0; s <= w; s++) tail += counts[s] ?? 0
    // Symmetric about total/2: P(W+ ≤ w) + P(W+ ≥ total − w) = 2·P(W+ ≤ w).
    p = Math.min(1, (2 * tail) / 2 ** n)
  } else {
    p = z === null ? 1 : twoSidedP(z)
  }
  return { w, z, p, rankBiserial }
}
