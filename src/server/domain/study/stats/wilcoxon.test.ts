import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { wilcoxonSignedRank } from './wilcoxon.ts'

const zip = (a: readonly number[], b: readonly number[]): [number, number][] =>
  a.map((x, i) => [x, b[i] ?? Number.NaN])

describe('wilcoxonSignedRank', () => {
  it('Hollander & Wolfe (1973, p. 29): Hamilton depression scale, exact p = 0.03906', () => {
    // The example of R's ?wilcox.test: wilcox.test(x, y, paired = TRUE, alternative = "greater")
    // gives V = 40, p = 0.01953 (exact, = 10/512); two-sided p = 0.0390625. Here the differences are
    // y − x, so W+ = 5, W− = 40, W = 5.
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3]
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
    const r = wilcoxonSignedRank(zip(x, y))
    expect(r?.w).toBe(5)
    expect(r?.p).toBeCloseTo(0.0390625, 12)
    expect(r?.rankBiserial).toBeCloseTo((5 - 40) / 45, 12) // b (y) tends to be smaller
    expect(r?.z).toBeLessThan(0)
  })

  it('with ties and a zero: zeros dropped, normal approximation with corrections', () => {
    // Differences 2, −1, 0, 3, 2, 3, −1, 3 → the zero is dropped, n = 7; |d| mid-ranks: 1 → 1.5,
    // 2 → 3.5, 3 → 6; W− = 3, W+ = 25. σ² = 7·8·15/24 − (6 + 6 + 24)/48 = 34.25;
    // z = (25 − 14 − 0.5)/√34.25 = 1.79415. R wilcox.test(a, b, paired = TRUE) (which drops zeros
    // and uses this approximation with ties) and scipy wilcoxon(correction = True): p = 0.072789.
    const a = [10, 12, 11, 14, 13, 15, 9, 10]
    const b = [12, 11, 11, 17, 15, 18, 8, 13]
    const r = wilcoxonSignedRank(zip(a, b))
    expect(r?.w).toBe(3)
    expect(r?.z).toBeCloseTo(1.794151081205198, 10)
    expect(r?.p).toBeCloseTo(0.07278905772551827, 10)
    expect(r?.rankBiserial).toBeCloseTo(22 / 28, 12)
  })

  it('every one of n = 10 improved: exact p = 2 / 2^10', () => {
    const a = Array.from({ length: 10 }, (_, i) => 100 + i)
    const b = a.map((x, i) => x + i + 1)
    const r = wilcoxonSignedRank(zip(a, b))
    expect(r).toMatchObject({ w: 0, rankBiserial: 1 })
    expect(r?.p).toBeCloseTo(2 / 1024, 15)
  })

  it('a single non-zero difference: p = 1', () => {
    expect(wilcoxonSignedRank([[1, 2]])?.p).toBe(1)
  })

  it('no non-zero difference → null; non-finite values are refused', () => {
    expect(wilcoxonSignedRank([])).toBeNull()
    expect(
      wilcoxonSignedRank([
        [3, 3],
        [4, 4],
      ]),
    ).toBeNull()
    expect(() => wilcoxonSignedRank([[Number.NaN, 1]])).toThrow(RangeError)
  })

  const pairs = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })),
    {
      minLength: 1,
      maxLength: 40,
    },
  )

  it('p ∈ [0, 1]; swapping a and b keeps p and w and negates the rank-biserial', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const ab = wilcoxonSignedRank(ps)
        const ba = wilcoxonSignedRank(ps.map(([a, b]) => [b, a] as const))
        if (ab === null || ba === null) {
          expect(ab).toBe(ba)
          return
        }
        expect(ab.p).toBeGreaterThanOrEqual(0)
        expect(ab.p).toBeLessThanOrEqual(1)
        expect(ba.p).toBeCloseTo(ab.p, 12)
        expect(ba.w).toBe(ab.w)
        expect(ba.rankBiserial).toBeCloseTo(-ab.rankBiserial, 12)
      }),
    )
  })

  it('the exact p equals a brute-force enumeration of the 2^n sign flips', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (sizes, signs) => {
          const diffs = sizes.map((d, i) => (signs[i] ? d : -d))
          const r = wilcoxonSignedRank(diffs.map((d) => [0, d] as const))
          // Ranks of distinct |d|: W+ of every sign pattern by enumeration.
          const order = [...sizes].sort((p, q) => p - q)
          const rank = (d: number) => order.indexOf(Math.abs(d)) + 1
          const plus = (ds: number[]) => ds.reduce((s, d) => s + (d > 0 ? rank(d) : 0), 0)
          const n = diffs.length
          const w = Math.min(plus(diffs), (n * (n + 1)) / 2 - plus(diffs))
          let extreme = 0
          for (let mask = 0; mask < 1 << n; mask++) {
            const v = plus(sizes.map((d, i) => (mask & (1 << i) ? d : -d)))
            if (Math.min(v, (n * (n + 1)) / 2 - v) <= w) extreme++
          }
          expect(r?.p).toBeCloseTo(Math.min(1, extreme / 2 ** n), 12)
        },
      ),
      { numRuns: 60 },
    )
  })
})
