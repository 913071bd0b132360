import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { wilsonInterval } from './wilson.ts'

describe('wilsonInterval', () => {
  // Reference values: R `prop.test(k, n, correct = FALSE)$conf.int` (= Newcombe 1998, method 3), also
  // scipy `binomtest(k, n).proportion_ci(method = "wilson")`.
  it('8/10 → 0.4902–0.9433', () => {
    const { low, high } = wilsonInterval(8, 10)
    expect(low).toBeCloseTo(0.4901624715366418, 10)
    expect(high).toBeCloseTo(0.9433178485456248, 10)
  })

  it('0/10 → 0–0.2775 and 10/10 → 0.7225–1, exactly at the bounds', () => {
    expect(wilsonInterval(0, 10).low).toBe(0)
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.27753279986288926, 10)
    expect(wilsonInterval(10, 10).low).toBeCloseTo(0.7224672001371109, 10)
    expect(wilsonInterval(10, 10).high).toBe(1)
  })

  it('Newcombe (1998), worked example 15/148 → 0.0624–0.1605 (method 3)', () => {
    const { low, high } = wilsonInterval(15, 148)
    expect(low).toBeCloseTo(0.0624, 4)
    expect(high).toBeCloseTo(0.1605, 4)
  })

  it('n = 0 gives nulls; bad counts are refused', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: null, high: null })
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError)
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError)
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError)
    expect(() => wilsonInterval(1, 2, 0)).toThrow(RangeError)
  })

  it('a wider z gives a wider interval (z = 2.5758, 99 %)', () => {
    const i95 = wilsonInterval(8, 10)
    const i99 = wilsonInterval(8, 10, 2.5758293035489)
    expect(i99.low ?? 1).toBeLessThan(i95.low ?? 0)
    expect(i99.high ?? 0).toBeGreaterThan(i95.high ?? 1)
  })

  it('always lies in [0, 1] and contains k/n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, f) => {
          const k = Math.round(f * n)
          const { low, high } = wilsonInterval(k, n)
          if (low === null || high === null) throw new Error('null interval at n > 0')
          expect(low).toBeGreaterThanOrEqual(0)
          expect(high).toBeLessThanOrEqual(1)
          expect(low).toBeLessThanOrEqual(k / n)
          expect(high).toBeGreaterThanOrEqual(k / n)
        },
      ),
    )
  })
})
