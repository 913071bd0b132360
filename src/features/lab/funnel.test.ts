import { describe, expect, it } from 'vitest'
import { completing, funnel, shareFromPercent } from './funnel.ts'

describe('funnel projection', () => {
  it('loses the per-step share at each step after the first screen, and more at each switch', () => {
    const drop = { perStep: 0.1, perSwitch: 0.2 }
    const stages = funnel(3, 1, drop)
    expect(stages.map((s) => s.kind)).toEqual(['start', 'step', 'step', 'switch'])
    expect(stages.map((s) => s.remaining)).toEqual([1, 0.9, 0.81, expect.closeTo(0.648, 10)])
    expect(completing(3, 1, drop)).toBeCloseTo(0.648, 10)
  })

  it('keeps everyone when nobody drops, and nobody when everyone does', () => {
    expect(completing(7, 2, { perStep: 0, perSwitch: 0 })).toBe(1)
    expect(completing(2, 0, { perStep: 1, perSwitch: 0 })).toBe(0)
    expect(completing(1, 0, { perStep: 0.5, perSwitch: 0.5 })).toBe(1)
  })

  it('makes the longer route lose more shoppers', () => {
    const drop = { perStep: 0.03, perSwitch: 0.1 }
    expect(completing(7, 2, drop)).toBeLessThan(completing(4, 0, drop))
    // 0.97³ for the jump route's 4 screens.
    expect(completing(4, 0, drop)).toBeCloseTo(0.912673, 6)
  })

  it('reads a drop-off typed as a percentage', () => {
    expect(shareFromPercent('3')).toBe(0.03)
    expect(shareFromPercent(' 12.5 ')).toBe(0.125)
    expect(shareFromPercent('100')).toBe(1)
    for (const text of ['', '-1', '100.1', '101', '1.25', 'x', '1e1']) {
      expect(shareFromPercent(text)).toBeNull()
    }
  })
})
