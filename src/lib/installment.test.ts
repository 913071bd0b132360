import { describe, expect, it } from 'vitest'
import type { Installment } from '@/contract/payment.ts'
import { periodBills, planSummary } from './installment.ts'
import { Dictionaries } from './i18n/dictionaries.ts'
import type { Translate } from './i18n/i18n.ts'
import { payZhCN } from './i18n/pay.zh-CN.ts'
import { zhCN } from './i18n/zh-CN.ts'

function plan(periods: 0 | 3 | 6 | 12, schedule: [number, number][], feeFen: number): Installment {
  const principal = schedule.reduce((n, [p]) => n + p, 0)
  return {
    periods,
    feeRateBp: 250,
    feeBaseFen: principal,
    feeFen,
    totalFen: principal + feeFen,
    schedule: schedule.map(([principalFen, fee]) => ({ principalFen, feeFen: fee })),
  }
}

describe('periodBills', () => {
  it('reads the regular period from the last, and the first only where it differs', () => {
    // 36580 + 536 fee in 3: the odd fen go to the first period.
    const bills = periodBills(
      plan(
        3,
        [
          [12194, 180],
          [12193, 178],
          [12193, 178],
        ],
        536,
      ),
    )
    expect(bills.regular).toEqual({ totalFen: 12371, feeFen: 178 })
    expect(bills.first).toEqual({ totalFen: 12374, feeFen: 180 })
  })

  it('has no separate first period when everything divides', () => {
    const bills = periodBills(
      plan(
        3,
        [
          [100, 10],
          [100, 10],
          [100, 10],
        ],
        30,
      ),
    )
    expect(bills).toEqual({ regular: { totalFen: 110, feeFen: 10 }, first: null })
  })

  it('treats pay-in-full as one period', () => {
    expect(periodBills(plan(0, [[36580, 0]], 0))).toEqual({
      regular: { totalFen: 36580, feeFen: 0 },
      first: null,
    })
  })
})

describe('planSummary', () => {
  // The plans speak the words of paying, which load with the cashier.
  const words = new Dictionaries(zhCN)
  words.add('zh-CN', payZhCN)
  const zh: Translate = (key, vars) => words.translate('zh-CN', key, vars)

  it('prints the per-period bill and the whole fee', () => {
    const text = planSummary(
      zh,
      'zh-CN',
      plan(
        3,
        [
          [12194, 180],
          [12193, 178],
          [12193, 178],
        ],
        536,
      ),
    )
    expect(text).toBe('分3期 · ¥123.71 × 3期 · 含手续费共¥5.36')
  })

  it('says 免手续费 when the seller pays the fee', () => {
    const text = planSummary(
      zh,
      'zh-CN',
      plan(
        3,
        [
          [100, 0],
          [100, 0],
          [100, 0],
        ],
        0,
      ),
    )
    expect(text).toBe('分3期 · ¥1.00 × 3期 · 免手续费')
  })

  it('says 不分期 for pay-in-full', () => {
    expect(planSummary(zh, 'zh-CN', plan(0, [[36580, 0]], 0))).toBe('不分期')
  })
})
