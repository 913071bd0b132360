import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mannWhitney } from './mann-whitney.ts'

/** The exact two-sided p by enumerating every split of the pooled values (tiny samples only). */
function bruteForceP(a: readonly number[], b: readonly number[]): number {
  const pooled = [...a, ...b]
  const n1 = a.length
  const u = (xs: readonly number[], ys: readonly number[]) => {
    let s = 0
    for (const x of xs) for (const y of ys) s += x > y ? 1 : x === y ? 0.5 : 0
    return s
  }
  const observed = u(a, b)
  const half = (a.length * b.length) / 2
  let tail = 0
  let total = 0
  for (let mask = 0; mask < 1 << pooled.length; mask++) {
    let bits = 0
    for (let m = mask; m; m >>= 1) bits += m & 1
    if (bits !== n1) continue
    const xs = pooled.filter((_, i) => mask & (1 << i))
    const ys = pooled.filter((_, i) => !(mask & (1 << i)))
    const value = u(xs, ys)
    total++
    if (observed > half ? value >= observed : value <= observed) tail++
  }
  return Math.min(1, (2 * tail) / total)
}

describe('mannWhitney', () => {
  it('Hollander & Wolfe (1973, p. 69): chorioamnion permeability, U = 35, exact p = 0.2544', () => {
    // The example of R's ?wilcox.test: wilcox.test(x, y, alternative = "g") gives W = 35,
    // p = 0.1272 (exact); two-sided, wilcox.test(x, y) gives p = 0.2544 (= 2 × 0.1272).
    // scipy.stats.mannwhitneyu(x, y, method = "exact"): 0.2544122544122544.
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
    const y = [1.15, 0.88, 0.9, 0.74, 1.21]
    const r = mannWhitney(x, y)
    expect(r?.u).toBe(35)
    expect(r?.p).toBeCloseTo(0.2544122544122544, 12)
    expect(r?.rankBiserial).toBeCloseTo(1 - 70 / 50, 12) // −0.4: x (a) tends to be larger
    expect(r?.z).toBeLessThan(0)
  })

  it('with ties: normal approximation, tie and continuity correction', () => {
    // By hand: pooled mid-ranks give R1 = 3 + 4 + 1.5 + 7.5 + 1.5 + 5.5 = 23, U1 = 23 − 21 = 2;
    // ties (2, 2), (5, 5), (6, 6): Σ(t³ − t) = 18; σ² = 36/12 · (13 − 18/132) = 38.591;
    // z = (18 − 2 − 0.5)/σ = 2.4951. R wilcox.test(a, b, exact = FALSE) / scipy asymptotic: p = 0.012592.
    const r = mannWhitney([3, 4, 2, 6, 2, 5], [9, 7, 5, 10, 6, 8])
    expect(r?.u).toBe(2)
    expect(r?.z).toBeCloseTo(15.5 / Math.sqrt(3 * (13 - 18 / 132)), 10)
    expect(r?.p).toBeCloseTo(0.012591911490379705, 10)
    expect(r?.rankBiserial).toBeCloseTo(1 - 4 / 36, 12)
  })

  it('large groups use the normal approximation (scipy asymptotic, p = 0.20793)', () => {
    const a = Array.from({ length: 30 }, (_, i) => i + 1)
    const b = Array.from({ length: 25 }, (_, i) => i + 6.5)
    const r = mannWhitney(a, b)
    expect(r?.u).toBe(300)
    expect(r?.p).toBeCloseTo(0.20792927248164417, 10)
  })

  it('complete separation, 20 + 20: exact p = 2 / C(40, 20)', () => {
    const a = Array.from({ length: 20 }, (_, i) => i)
    const b = Array.from({ length: 20 }, (_, i) => 100 + i)
    const r = mannWhitney(a, b)
    expect(r?.u).toBe(0)
    expect(r?.rankBiserial).toBe(1)
    expect(r?.p).toBeCloseTo(2 / 137846528820, 20)
  })

  it('all values equal: z null, p = 1', () => {
    expect(mannWhitney([5, 5], [5, 5, 5])).toEqual({ u: 3, z: null, p: 1, rankBiserial: 0 })
  })

  it('an empty group → null; non-finite values are refused', () => {
    expect(mannWhitney([], [1])).toBeNull()
    expect(mannWhitney([1], [])).toBeNull()
    expect(() => mannWhitney([Number.NaN], [1])).toThrow(RangeError)
  })

  const sample = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 })

  it('p ∈ [0, 1]; swapping the groups keeps p and negates z and the rank-biserial', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const ab = mannWhitney(a, b)
        const ba = mannWhitney(b, a)
        if (!ab || !ba) throw new Error('null on non-empty groups')
        expect(ab.p).toBeGreaterThanOrEqual(0)
        expect(ab.p).toBeLessThanOrEqual(1)
        expect(ba.p).toBeCloseTo(ab.p, 12)
        expect(ba.u).toBe(a.length * b.length - ab.u)
        expect(ba.rankBiserial).toBeCloseTo(-ab.rankBiserial, 12)
        expect(Math.abs(ab.rankBiserial)).toBeLessThanOrEqual(1)
        if (ab.z !== null) expect(ba.z).toBeCloseTo(-ab.z, 12)
      }),
    )
  })

  it('the exact p equals a brute-force enumeration of all splits', () => {
    const distinct = (max: number) =>
      fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: max })
    fc.assert(
      fc.property(distinct(12), fc.integer({ min: 1, max: 5 }), (values, split) => {
        const cut = Math.min(split, values.length - 1)
        const a = values.slice(0, cut)
        const b = values.slice(cut)
        expect(mannWhitney(a, b)?.p).toBeCloseTo(bruteForceP(a, b), 12)
      }),
      { numRuns: 60 },
    )
  })
})
