import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HuabeiPeriodsSchema } from '../../../contract/payment.ts'
import { DEFAULT_HUABEI_FEE_BP, feeBaseFen, huabeiPlans, installment, splitFen } from './huabei.ts'

const settings = { huabeiFeeBp: DEFAULT_HUABEI_FEE_BP }
const buyerPays = (lineFen: number) => ({ lineFen, huabeiSellerPays: false })
const sellerPays = (lineFen: number) => ({ lineFen, huabeiSellerPays: true })

describe('Huabei plans (BRIEF §4)', () => {
  it('charges 2.5 %, 4.5 %, 8.8 % by default, pay-in-full free', () => {
    const plans = huabeiPlans(1000_00, [buyerPays(1000_00)], settings)
    expect(plans.map((p) => [p.periods, p.feeRateBp, p.feeFen, p.totalFen])).toEqual([
      [0, 0, 0, 1000_00],
      [3, 250, 25_00, 1025_00],
      [6, 450, 45_00, 1045_00],
      [12, 880, 88_00, 1088_00],
    ])
  })

  it('shows each period as principal plus fee, the odd fen in the first, adding up exactly', () => {
    // ¥100.00 over 3: 33.34 + 33.33 + 33.33; fee 2.5 % = ¥2.50: 0.84 + 0.83 + 0.83.
    const plan = installment(100_00, 100_00, 3, 250)
    expect(plan.schedule).toEqual([
      { principalFen: 33_34, feeFen: 84 },
      { principalFen: 33_33, feeFen: 83 },
      { principalFen: 33_33, feeFen: 83 },
    ])
    expect(installment(100_00, 100_00, 0, 0).schedule).toEqual([
      { principalFen: 100_00, feeFen: 0 },
    ])
  })

  it('has no fee when every item is seller-pays (免息)', () => {
    const plans = huabeiPlans(299_00, [sellerPays(299_00)], settings)
    expect(plans.every((p) => p.feeFen === 0 && p.feeBaseFen === 0)).toBe(true)
    expect(plans[3]?.schedule.reduce((a, s) => a + s.principalFen, 0)).toBe(299_00)
  })

  it("charges a mixed order's fee on the buyer-pays items' share of the amount only", () => {
    // The seeded cart: tea ¥168 (seller pays) + mugs ¥79.80 + T-shirts ¥158 = ¥405.80 of goods,
    // ¥365.80 after discounts. The buyer-pays share: 365.80 × 237.80 / 405.80 = ¥214.359… → ¥214.35 (rounded down).
    const items = [sellerPays(168_00), buyerPays(79_80), buyerPays(158_00)]
    expect(feeBaseFen(365_80, items)).toBe(214_35)
    const twelve = huabeiPlans(365_80, items, settings)[3]
    expect(twelve).toMatchObject({ feeBaseFen: 214_35, feeFen: 18_86 })
  })

  it('takes fee rates from the settings', () => {
    const custom = { huabeiFeeBp: { '3': 0, '6': 100, '12': 1000 } }
    const plans = huabeiPlans(500_00, [buyerPays(500_00)], custom)
    expect(plans.map((p) => p.feeFen)).toEqual([0, 0, 5_00, 50_00])
  })

  it('always adds up, for any amount, share and rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_00 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom(...HuabeiPeriodsSchema.options.map((o) => o.value)),
        fc.integer({ min: 0, max: 10_000 }),
        (amountFen, buyerPercent, periods, rateBp) => {
          const items = [buyerPays(buyerPercent), sellerPays(100 - buyerPercent)]
          const base = feeBaseFen(amountFen, items)
          expect(base).toBeGreaterThanOrEqual(0)
          expect(base).toBeLessThanOrEqual(amountFen)
          const plan = installment(amountFen, base, periods, rateBp)
          expect(plan.schedule).toHaveLength(Math.max(periods, 1))
          const principal = plan.schedule.reduce((a, s) => a + s.principalFen, 0)
          const fee = plan.schedule.reduce((a, s) => a + s.feeFen, 0)
          expect(principal).toBe(amountFen)
          expect(fee).toBe(plan.feeFen)
          expect(plan.totalFen).toBe(amountFen + plan.feeFen)
          // The first period carries the remainder: never less than the others, at most n-1 fen more.
          const [first, ...rest] = plan.schedule
          for (const s of rest) {
            expect(first?.principalFen).toBeGreaterThanOrEqual(s.principalFen)
            expect((first?.principalFen ?? 0) - s.principalFen).toBeLessThan(plan.schedule.length)
          }
        },
      ),
    )
  })

  it('splits fen with the remainder first', () => {
    expect(splitFen(10, 3)).toEqual([4, 3, 3])
    expect(splitFen(2, 3)).toEqual([2, 0, 0])
    expect(splitFen(9, 1)).toEqual([9])
  })
})
