import { describe, expect, it } from 'vitest'
import { bootstrapCi, medianRatio } from './bootstrap.ts'
import { mean, median, quantile } from './describe.ts'
import { seededRandom } from './rng.ts'

/** Log-normal task times (ms), median ≈ 8 s, like a real usability study's. */
function times(n: number, seed: number, scale = 1): number[] {
  const r = seededRandom(seed)
  return Array.from({ length: n }, () => {
    // Box–Muller
    const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())
    return Math.round(scale * 8000 * Math.exp(0.4 * z))
  })
}

describe('bootstrapCi', () => {
  it('is deterministic for a seed and changes with it', () => {
    const xs = times(20, 1)
    const a = bootstrapCi(xs, median, { seed: 99 })
    expect(bootstrapCi(xs, median, { seed: 99 })).toEqual(a)
    // The median's interval ends on order statistics, so another seed may well land on the same
    // ones; the mean's interval shows that the seed is used.
    expect(bootstrapCi(xs, mean, { seed: 100 })).not.toEqual(bootstrapCi(xs, mean, { seed: 99 }))
  })

  it('contains the sample median', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const xs = times(15, seed)
      const m = median(xs) ?? Number.NaN
      const { low, high } = bootstrapCi(xs, median, { seed })
      expect(low).not.toBeNull()
      expect(low ?? Infinity).toBeLessThanOrEqual(m)
      expect(high ?? -Infinity).toBeGreaterThanOrEqual(m)
    }
  })

  it('narrows as n grows (roughly as 1/√n)', () => {
    const width = (n: number) => {
      const { low, high } = bootstrapCi(times(n, 7), median, { seed: 7 })
      return (high ?? Number.NaN) - (low ?? Number.NaN)
    }
    const w10 = width(10)
    const w100 = width(100)
    const w1000 = width(1000)
    expect(w100).toBeLessThan(w10)
    expect(w1000).toBeLessThan(w100)
    // √10 ≈ 3.2 times narrower per decade; allow 2–5.
    expect(w100 / w1000).toBeGreaterThan(2)
    expect(w100 / w1000).toBeLessThan(5)
  })

  it('matches the textbook interval of a mean for large n (≈ x̄ ± 1.96 s/√n)', () => {
    // Hand-computed: for the mean, the percentile bootstrap approaches the normal interval.
    const xs = times(400, 11)
    const m = mean(xs) ?? 0
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1))
    const half = (1.96 * sd) / Math.sqrt(xs.length)
    const { low, high } = bootstrapCi(xs, mean, { seed: 3, iterations: 4000 })
    expect(Math.abs((low ?? 0) - (m - half)) / half).toBeLessThan(0.15)
    expect(Math.abs((high ?? 0) - (m + half)) / half).toBeLessThan(0.15)
  })

  it('a higher level gives a wider interval', () => {
    const xs = times(30, 5)
    const i90 = bootstrapCi(xs, median, { seed: 1, level: 0.9 })
    const i99 = bootstrapCi(xs, median, { seed: 1, level: 0.99 })
    expect((i99.high ?? 0) - (i99.low ?? 0)).toBeGreaterThan((i90.high ?? 0) - (i90.low ?? 0))
  })

  it('fewer than 2 samples → nulls; a constant sample → a point', () => {
    expect(bootstrapCi([], median, { seed: 1 })).toEqual({ low: null, high: null })
    expect(bootstrapCi([5], median, { seed: 1 })).toEqual({ low: null, high: null })
    expect(bootstrapCi([5, 5, 5], median, { seed: 1 })).toEqual({ low: 5, high: 5 })
  })

  it('refuses bad options', () => {
    expect(() => bootstrapCi([1, 2], median, { seed: 1, iterations: 0 })).toThrow(RangeError)
    expect(() => bootstrapCi([1, 2], median, { seed: 1, level: 1 })).toThrow(RangeError)
  })
})

describe('medianRatio', () => {
  it('b = 2·a, paired: ratio 2, and every resample says 2', () => {
    const a = times(12, 3)
    const b = a.map((x) => 2 * x)
    expect(medianRatio(a, b, { seed: 1, paired: true })).toEqual({ ratio: 2, low: 2, high: 2 })
  })

  it('b = 2·a, unpaired: ratio 2 with a CI containing 2', () => {
    const a = times(12, 4)
    const b = a.map((x) => 2 * x)
    const { ratio, low, high } = medianRatio(a, b, { seed: 1, paired: false })
    expect(ratio).toBe(2)
    expect(low ?? Infinity).toBeLessThan(2)
    expect(high ?? -Infinity).toBeGreaterThan(2)
  })

  it('two independent groups 2.1× apart: the CI covers the true ratio and excludes 1', () => {
    const { ratio, low, high } = medianRatio(times(40, 21), times(40, 22, 2.1), {
      seed: 5,
      paired: false,
    })
    expect(ratio).toBeGreaterThan(1.5)
    expect(low ?? Infinity).toBeLessThan(2.1)
    expect(high ?? -Infinity).toBeGreaterThan(2.1)
    expect(low ?? 0).toBeGreaterThan(1)
  })

  it('is deterministic for a seed', () => {
    const a = times(10, 8)
    const b = times(10, 9)
    expect(medianRatio(a, b, { seed: 2, paired: false })).toEqual(
      medianRatio(a, b, { seed: 2, paired: false }),
    )
  })

  it('empty group or median(a) = 0 → null ratio; one sample → null interval', () => {
    expect(medianRatio([], [1, 2], { seed: 1, paired: false }).ratio).toBeNull()
    expect(medianRatio([0, 0, 1], [1, 2, 3], { seed: 1, paired: false }).ratio).toBeNull()
    expect(medianRatio([1000], [2000], { seed: 1, paired: true })).toEqual({
      ratio: 2,
      low: null,
      high: null,
    })
  })

  it('gives exactly the replicates of a plain resample-both-then-divide', () => {
    // The reference: draw a's indices (paired: reuse them for b; unpaired: then draw b's), take medians.
    const plain = (a: number[], b: number[], paired: boolean, seed: number) => {
      const r = seededRandom(seed)
      const reps: number[] = []
      for (let k = 0; k < 300; k++) {
        const ia = a.map(() => Math.floor(r() * a.length))
        const ib = paired ? ia : b.map(() => Math.floor(r() * b.length))
        const ma = median(ia.map((i) => a[i] ?? 0)) ?? 0
        if (ma !== 0) reps.push((median(ib.map((i) => b[i] ?? 0)) ?? 0) / ma)
      }
      reps.sort((p, q) => p - q)
      const alpha = (1 - 0.95) / 2 // = 0.025000000000000022, as the implementation computes it
      return { low: quantile(reps, alpha), high: quantile(reps, 1 - alpha) }
    }
    const a = times(9, 31)
    const b = times(9, 32)
    for (const paired of [true, false]) {
      const { low, high } = medianRatio(a, b, { seed: 4, paired, iterations: 300 })
      expect({ low, high }).toEqual(plain(a, b, paired, 4))
    }
    const { low, high } = medianRatio(a, times(14, 33), { seed: 4, paired: false, iterations: 300 })
    expect({ low, high }).toEqual(plain(a, times(14, 33), false, 4))
  })

  it('refuses non-finite values', () => {
    expect(() => medianRatio([1, Number.NaN], [1, 2], { seed: 1, paired: false })).toThrow(
      RangeError,
    )
    expect(() => bootstrapCi([1, Number.NaN], median, { seed: 1 })).toThrow(RangeError)
  })

  it('paired samples must have the same length', () => {
    expect(() => medianRatio([1, 2], [1], { seed: 1, paired: true })).toThrow(RangeError)
  })
})

describe('the fast median path', () => {
  it('gives exactly the replicates of resample-then-median', () => {
    const slowMedian = (xs: readonly number[]) => median(xs) // not `median` itself: the plain path
    for (const n of [2, 3, 4, 7, 10, 51]) {
      const xs = times(n, n)
      xs[1] = xs[0] ?? 0 // with a tie
      for (const seed of [1, 2, 3]) {
        expect(bootstrapCi(xs, median, { seed, iterations: 500 })).toEqual(
          bootstrapCi(xs, slowMedian, { seed, iterations: 500 }),
        )
      }
    }
  })
})
