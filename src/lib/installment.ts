import type { Installment } from '@/contract/payment.ts'
import { formatMoney } from './format.ts'
import type { Translate } from './i18n/i18n.ts'

/** One period's bill: principal plus fee, in fen. */
export interface PeriodBill {
  totalFen: number
  feeFen: number
}

/**
 * A plan as Huabei prints it: the regular period ("¥x × n期"), and the first where it differs (the fen
 * that don't divide evenly go to it). The gateway computes the schedule; this only reads it.
 */
export function periodBills(plan: Installment): { regular: PeriodBill; first: PeriodBill | null } {
  const bill = (p: { principalFen: number; feeFen: number } | undefined): PeriodBill => ({
    totalFen: (p?.principalFen ?? 0) + (p?.feeFen ?? 0),
    feeFen: p?.feeFen ?? 0,
  })
  const first = bill(plan.schedule[0])
  const regular = bill(plan.schedule.at(-1))
  const differs = first.totalFen !== regular.totalFen || first.feeFen !== regular.feeFen
  return { regular, first: differs ? first : null }
}

/** "分3期 · ¥123.71 × 3期 · 含手续费共¥5.36", or "不分期" for pay-in-full. */
export function planSummary(t: Translate, lang: string, plan: Installment): string {
  if (plan.periods === 0) return t('cashier.plans.full')
  const { regular } = periodBills(plan)
  const head = t('cashier.plans.summary', {
    n: plan.periods,
    amount: formatMoney(regular.totalFen, lang),
  })
  const fee =
    plan.feeFen > 0
      ? t('cashier.plans.summaryFee', { fee: formatMoney(plan.feeFen, lang) })
      : t('cashier.plans.summaryFree')
  return `${head} · ${fee}`
}
