import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mean, median, quantile } from './describe.ts'

describe('median and mean', () => {
  it('are null on an empty sample', () => {
    expect(median([])).toBeNull()
    expect(mean([])).toBeNull()
  })

  it('match hand-computed values', () => {
    expect(median([5])).toBe(5)
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5) // (2 + 3) / 2
    expect(mean([1, 2, 3, 4])).toBe(2.5)
    expect(mean([1200, 800, 1000])).toBe(1000)
  })

  it('do not reorder the input', () => {
    const xs = [3, 1, 2]
    median(xs)
    expect(xs).toEqual([3, 1, 2])
  })

  it('refuse non-finite values', () => {
    expect(() => median([1, Number.NaN])).toThrow(RangeError)
    expect(() => mean([1, Number.POSITIVE_INFINITY])).toThrow(RangeError)
  })
})

describe('quantile (type 7)', () => {
  it("matches R's quantile(1:10, c(0, .1, .25, .5, .75, .9, 1))", () => {
    // R: 1.00 1.90 3.25 5.50 7.75 9.10 10.00
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    const qs = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map((q) => quantile(xs, q))
    const expected = [1, 1.9, 3.25, 5.5, 7.75, 9.1, 10]
    qs.forEach((q, i) => expect(q).toBeCloseTo(expected[i] ?? Number.NaN, 12))
  })

  it('refuses an empty sample or a level outside [0, 1]', () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError)
    expect(() => quantile([1], 1.5)).toThrow(RangeError)
    expect(() => quantile([1], Number.NaN)).toThrow(RangeError)
  })

  it('lies between the minimum and the maximum and grows with q', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, q1, q2) => {
          const sorted = [...xs].sort((p, q) => p - q)
          const [lo, hi] = q1 <= q2 ? [q1, q2] : [q2, q1]
          const a = quantile(sorted, lo)
          const b = quantile(sorted, hi)
          expect(a).toBeGreaterThanOrEqual(sorted[0] ?? Number.NaN)
          expect(b).toBeLessThanOrEqual(sorted[sorted.length - 1] ?? Number.NaN)
          expect(a).toBeLessThanOrEqual(b + 1e-9)
        },
      ),
    )
  })
})
