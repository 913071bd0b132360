import { describe, expect, it } from 'vitest'
import { inBounds, tapPoint } from './tap-point.ts'

const base = { left: 0, top: 0, scrollLeft: 0, scrollTop: 0, pinned: false }

describe('tapPoint', () => {
  it('is the place in the screen, its scroll offset added', () => {
    expect(tapPoint({ ...base, clientX: 120, clientY: 300, scrollTop: 450 })).toEqual({
      x: 120,
      y: 750,
    })
  })

  it('measures from the screen’s own corner (a phone framed on a wide page)', () => {
    expect(
      tapPoint({ ...base, clientX: 525, clientY: 130, left: 500, top: 40, scrollTop: 10 }),
    ).toEqual({ x: 25, y: 100 })
  })

  it('adds no scroll to what is pinned (a sticky header, a sheet)', () => {
    expect(tapPoint({ ...base, clientX: 20, clientY: 30, scrollTop: 900, pinned: true })).toEqual({
      x: 20,
      y: 30,
    })
  })

  it('rounds to a tenth of a pixel', () => {
    expect(tapPoint({ ...base, clientX: 10.123, clientY: 5.06 })).toEqual({ x: 10.1, y: 5.1 })
  })
})

describe('inBounds', () => {
  it('keeps what the study accepts and leaves out the rest', () => {
    expect(inBounds({ x: 0, y: 99_999 })).toBe(true)
    expect(inBounds({ x: -10_001, y: 0 })).toBe(false)
    expect(inBounds({ x: Number.NaN, y: 0 })).toBe(false)
  })
})
