import { describe, expect, it } from 'vitest'
import type { Installment } from '@/contract/payment.ts'
import { feeBasis, formatRate } from './huabei-fee.ts'

const plan = (over: Partial<Installment>): Installment => ({
  periods: 3,
  feeRateBp: 250,
  feeBaseFen: 10_000,
  feeFen: 250,
  totalFen: 10_250,
  schedule: [],
  ...over,
})

describe('why a Huabei fee is what it is', () => {
  it('says nothing of a fee for paying in full', () => {
    expect(feeBasis(plan({ periods: 0, feeRateBp: 0, feeFen: 0, totalFen: 10_000 }))).toEqual({
      kind: 'full',
    })
  })

  it('charges the rate on the whole amount when no item is 免息', () => {
    expect(feeBasis(plan({}))).toEqual({ kind: 'whole', baseFen: 10_000, rateBp: 250 })
  })

  it('charges the rate on the buyer-pays share only, and names the 免息 share', () => {
    // ¥100 order, ¥60 of it 免息: the fee is 2.5 % of ¥40.
    const mixed = plan({ feeBaseFen: 4_000, feeFen: 100, totalFen: 10_100 })
    expect(feeBasis(mixed)).toEqual({ kind: 'mixed', baseFen: 4_000, freeFen: 6_000, rateBp: 250 })
  })

  it('says the seller pays it all when every item is 免息', () => {
    expect(feeBasis(plan({ feeBaseFen: 0, feeFen: 0, totalFen: 10_000 }))).toEqual({
      kind: 'all-free',
    })
  })

  it('prints the rate as a percentage', () => {
    expect(formatRate(250, 'zh-CN')).toBe('2.5%')
    expect(formatRate(880, 'en')).toBe('8.8%')
    expect(formatRate(450, 'en')).toBe('4.5%')
  })
})
