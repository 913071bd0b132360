import { twoSidedP } from './normal.ts'
import { midRanks } from './ranks.ts'

/** Both groups at most this large and no ties: the exact null distribution (as R, which uses < 50). */
const EXACT_MAX = 20

/**
 * Counts of U = 0 … n1·n2 over all C(n1 + n2, n1) ways to pick the first group's ranks (no ties).
 * dp[k][u]: ways to have picked k of the ranks seen so far with U = u; picking rank m as the k-th
 * adds m − k (the second-group ranks below it). O((n1 + n2)·n1·n1·n2), tiny at ≤ 20 + 20.
 */
function exactCounts(n1: number, n2: number): Float64Array {
  const size = n1 * n2 + 1
  const dp = Array.from({ length: n1 + 1 }, () => new Float64Array(size))
  const first = dp[0]
  if (first) first[0] = 1
  for (let m = 1; m <= n1 + n2; m++) {
    for (let k = Math.min(m, n1); k >= 1; k--) {
      const below = m - k
      if (below > n2) continue // the rest could no longer fill the first group
      const from = dp[k - 1]
      const to = dp[k]
      if (!from || !to) continue
      for (let u = size - 1 - below; u >= 0; u--) {
        const ways = from[u] ?? 0
        if (ways !== 0) to[u + below] = (to[u + below] ?? 0) + ways
      }
    }
  }
  return dp[n1] ?? new Float64Array(size)
}

/**
 * Two-sided Mann–Whitney U (Wilcoxon rank-sum) test, as R's `wilcox.test(a, b)` computes it.
 * u = U1 = R1 − n1(n1+1)/2 (R's W); z is the normal statistic with tie and continuity correction, signed
 * like rankBiserial: positive when b tends to be larger. Null when a group is empty.
 */
export function mannWhitney(
  a: readonly number[],
  b: readonly number[],
): { u: number; z: number | null; p: number; rankBiserial: number } | null {
  const n1 = a.length
  const n2 = b.length
  if (n1 === 0 || n2 === 0) return null
  const { ranks, tieTerm } = midRanks([...a, ...b])
  let r1 = 0
  for (let i = 0; i < n1; i++) r1 += ranks[i] ?? 0
  const u = r1 - (n1 * (n1 + 1)) / 2
  const half = (n1 * n2) / 2
  const rankBiserial = 1 - (2 * u) / (n1 * n2)

  const n = n1 + n2
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)))
  const diff = half - u
  const z = variance > 0 ? (diff - Math.sign(diff) * 0.5) / Math.sqrt(variance) : null

  let p: number
  if (n1 <= EXACT_MAX && n2 <= EXACT_MAX && tieTerm === 0) {
    const counts = exactCounts(n1, n2)
    let total = 0
    let tail = 0
    // The distribution is symmetric about n1·n2/2: take the tail on u's side and double it.
    for (let k = 0; k < counts.length; k++) {
      const ways = counts[k] ?? 0
      total += ways
      if (u > half ? k >= u : k <= u) tail += ways
    }
    p = Math.min(1, (2 * tail) / total)
  } else {
    p = z === null ? 1 : twoSidedP(z)
  }
  return { u, z, p, rankBiserial }
}
