import { describe, expect, it } from 'vitest'
import { bpFromPercent, percentFromBp } from './fees.ts'

describe('Huabei fee rates in the panel', () => {
  it('shows basis points as a percentage and reads it back', () => {
    for (const bp of [0, 1, 250, 450, 880, 1234, 10_000]) {
      expect(bpFromPercent(percentFromBp(bp))).toBe(bp)
    }
    expect(percentFromBp(250)).toBe('2.5')
    expect(percentFromBp(880)).toBe('8.8')
  })

  it('refuses what is not a percentage from 0 to 100 with at most two decimals', () => {
    for (const text of ['', '-1', '100.01', '101', '2.555', 'abc', '1e2', '.5', '5.']) {
      expect(bpFromPercent(text)).toBeNull()
    }
    expect(bpFromPercent(' 4.5 ')).toBe(450)
    expect(bpFromPercent('100')).toBe(10_000)
  })
})
