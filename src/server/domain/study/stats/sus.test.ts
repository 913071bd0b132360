import { describe, expect, it } from 'vitest'
import { susScore } from './sus.ts'

describe('susScore (Brooke 1996)', () => {
  it('all 3s (neutral) → 50', () => {
    expect(susScore([3, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toBe(50)
  })

  it('best answers (5 on odd items, 1 on even items) → 100; worst → 0', () => {
    expect(susScore([5, 1, 5, 1, 5, 1, 5, 1, 5, 1])).toBe(100)
    expect(susScore([1, 5, 1, 5, 1, 5, 1, 5, 1, 5])).toBe(0)
  })

  it('a worked example: 4 2 5 1 4 2 4 1 5 2 → 85', () => {
    // By hand: odd items 4,5,4,4,5 → 3+4+3+3+4 = 17; even items 2,1,2,1,2 → 3+4+3+4+3 = 17;
    // (17 + 17) × 2.5 = 85.
    expect(susScore([4, 2, 5, 1, 4, 2, 4, 1, 5, 2])).toBe(85)
  })

  it('all 5s → 50 (agreeing with everything cancels out)', () => {
    // odd: 5 × 4 = 20, even: 5 × 0 = 0 → 20 × 2.5
    expect(susScore([5, 5, 5, 5, 5, 5, 5, 5, 5, 5])).toBe(50)
  })

  it('throws RangeError unless 10 whole answers 1–5', () => {
    expect(() => susScore([3, 3, 3])).toThrow(RangeError)
    expect(() => susScore([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toThrow(RangeError)
    expect(() => susScore([3, 3, 3, 3, 3, 3, 3, 3, 3, 6])).toThrow(RangeError)
    expect(() => susScore([0, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toThrow(RangeError)
    expect(() => susScore([3.5, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toThrow(RangeError)
    expect(() => susScore([Number.NaN, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toThrow(RangeError)
  })
})
