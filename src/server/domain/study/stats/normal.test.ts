import { describe, expect, it } from 'vitest'
import { twoSidedP, upperTail } from './normal.ts'

describe('the normal tail', () => {
  // Reference: scipy.stats.norm.sf (Cephes ndtr), 2·sf(z) for the two-sided p.
  const cases: [number, number][] = [
    [0, 1],
    [0.5, 0.6170750774519738],
    [1, 0.31731050786291415],
    [1.959963984540054, 0.05],
    [2.5, 0.012419330651552265],
    [3, 0.0026997960632601866],
    [4, 6.334248366623973e-5],
    [5, 5.733031437583866e-7],
    [8, 1.244192114854348e-15],
    [20, 5.507248237212311e-89],
    [37, 1.1451142445047853e-299],
  ]

  it.each(cases)('two-sided p at z = %d', (z, p) => {
    expect(Math.abs(twoSidedP(z) - p) / p).toBeLessThan(1e-10)
    expect(twoSidedP(-z)).toBe(twoSidedP(z))
  })

  it('upperTail is a CDF complement: Φ(−1.96) ≈ 0.025, Φ(1.96) ≈ 0.975', () => {
    expect(upperTail(1.959963984540054)).toBeCloseTo(0.025, 14)
    expect(upperTail(-1.959963984540054)).toBeCloseTo(0.975, 14)
  })
})
