import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mcnemarExact } from './mcnemar.ts'

describe('mcnemarExact', () => {
  it('1 vs 6 discordant pairs → p = 0.125 (by hand)', () => {
    // n = 7, P(X ≤ 1) = (C(7,0) + C(7,1)) / 2^7 = 8/128; two-sided 16/128 = 0.125 (R binom.test(1, 7)).
    expect(mcnemarExact(1, 6).p).toBeCloseTo(0.125, 15)
    expect(mcnemarExact(6, 1).p).toBeCloseTo(0.125, 15)
  })

  it('0 vs 5 → 2/32; balanced → 1; no discordant pairs → 1', () => {
    expect(mcnemarExact(0, 5).p).toBeCloseTo(1 / 16, 15)
    expect(mcnemarExact(3, 3).p).toBe(1)
    expect(mcnemarExact(0, 0).p).toBe(1)
  })

  it('n = 1000 stays finite: 480 vs 520 → p = 0.21745, 450 vs 550 → 0.0017305', () => {
    // scipy.stats.binomtest(480, 1000).pvalue = 0.2174482932041415; (450, 1000) → 0.0017305360849763027
    expect(mcnemarExact(480, 520).p).toBeCloseTo(0.2174482932041415, 10)
    expect(mcnemarExact(450, 550).p).toBeCloseTo(0.0017305360849763027, 12)
  })

  it('refuses counts that are not whole numbers ≥ 0', () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(RangeError)
    expect(() => mcnemarExact(1.5, 2)).toThrow(RangeError)
  })

  it('p ∈ [0, 1] and symmetric in its arguments', () => {
    fc.assert(
      fc.property(fc.nat(2000), fc.nat(2000), (x, y) => {
        const p = mcnemarExact(x, y).p
        expect(p).toBeGreaterThanOrEqual(0) // 2·2^−2000 underflows to 0, honestly
        expect(p).toBeLessThanOrEqual(1)
        expect(mcnemarExact(y, x).p).toBe(p)
      }),
    )
  })
})
