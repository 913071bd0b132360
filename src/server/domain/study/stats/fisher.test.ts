import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fisherExact } from './fisher.ts'

describe('fisherExact', () => {
  it("Fisher's (1935) lady tasting tea: 3/4 vs 1/4 → p = 0.4857, OR 6.408", () => {
    // R: fisher.test(matrix(c(3, 1, 1, 3), 2)) → p-value = 0.4857, odds ratio 6.408309 (the
    // conditional MLE); p = 34/70 by hand: tables with x ∈ {0, 1, 3, 4} have probability 1, 16, 16, 1
    // over 70, each ≤ 16/70.
    const r = fisherExact({ successes: 3, n: 4 }, { successes: 1, n: 4 })
    expect(r.p).toBeCloseTo(34 / 70, 12)
    expect(r.oddsRatio).toBeCloseTo(6.4083, 3)
  })

  it("Fisher (1962) twins' convictions: 2/17 vs 10/13 → p = 0.0005367, OR 0.04694", () => {
    // R ?fisher.test, Convictions: fisher.test(Convictions) two-sided p = 0.0005367, OR 0.04693661.
    const r = fisherExact({ successes: 2, n: 17 }, { successes: 10, n: 13 })
    expect(r.p).toBeCloseTo(0.0005367241191434358, 12)
    expect(r.oddsRatio).toBeCloseTo(0.0469366, 6)
  })

  it('n = 1000 per group stays finite: 430/1000 vs 480/1000 → p = 0.02776', () => {
    // scipy.stats.fisher_exact([[430, 570], [480, 520]]): 0.027761553058063188;
    // scipy.stats.contingency.odds_ratio(..., kind = "conditional"): 0.8173340668731295.
    const r = fisherExact({ successes: 430, n: 1000 }, { successes: 480, n: 1000 })
    expect(r.p).toBeCloseTo(0.027761553058063188, 9)
    expect(r.oddsRatio).toBeCloseTo(0.8173340668731295, 8)
  })

  it('identical groups → p = 1; one-sided extremes → OR 0 or null', () => {
    expect(fisherExact({ successes: 5, n: 10 }, { successes: 5, n: 10 }).p).toBeCloseTo(1, 12)
    // Margins 6/6 and 6 successes: x = 0 and x = 6 each have probability 1/C(12, 6) = 1/924.
    const extreme = fisherExact({ successes: 0, n: 6 }, { successes: 6, n: 6 })
    expect(extreme.p).toBeCloseTo(2 / 924, 14)
    expect(extreme.oddsRatio).toBe(0)
    expect(fisherExact({ successes: 6, n: 6 }, { successes: 0, n: 6 }).oddsRatio).toBeNull()
  })

  it('degenerate margins (everyone succeeded, or an empty group) → p = 1, OR null', () => {
    expect(fisherExact({ successes: 4, n: 4 }, { successes: 3, n: 3 })).toEqual({
      p: 1,
      oddsRatio: null,
    })
    expect(fisherExact({ successes: 0, n: 0 }, { successes: 3, n: 5 })).toEqual({
      p: 1,
      oddsRatio: null,
    })
  })

  it('refuses impossible counts', () => {
    expect(() => fisherExact({ successes: 5, n: 4 }, { successes: 0, n: 1 })).toThrow(RangeError)
    expect(() => fisherExact({ successes: -1, n: 4 }, { successes: 0, n: 1 })).toThrow(RangeError)
    expect(() => fisherExact({ successes: 1.5, n: 4 }, { successes: 0, n: 1 })).toThrow(RangeError)
  })

  const group = fc
    .tuple(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([n, f]) => ({ n, successes: Math.round(n * f) }))

  it('p ∈ [0, 1]; swapping the groups keeps p and inverts the odds ratio', () => {
    fc.assert(
      fc.property(group, group, (a, b) => {
        const ab = fisherExact(a, b)
        const ba = fisherExact(b, a)
        expect(ab.p).toBeGreaterThanOrEqual(0)
        expect(ab.p).toBeLessThanOrEqual(1)
        expect(ba.p).toBeCloseTo(ab.p, 10)
        if (ab.oddsRatio !== null && ab.oddsRatio > 0 && ba.oddsRatio !== null) {
          expect(Math.log(ba.oddsRatio)).toBeCloseTo(-Math.log(ab.oddsRatio), 6)
        }
      }),
    )
  })
})
