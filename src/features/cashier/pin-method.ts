import type { HuabeiPeriods, MethodOption } from '@/contract/payment.ts'
import { formatMoney } from '@/lib/format.ts'
import type { Translate } from '@/lib/i18n/i18n.ts'
import type { CashierState } from './flow-state.ts'
import { selectedPlan } from './flow-select.ts'

/** The method the password pays with: tapped on this visit, else the open attempt's (usable or not). */
export function payingMethod(state: CashierState): MethodOption | null {
  const id = state.picked ?? state.resume.attempt?.method ?? null
  return state.list.cashier?.methods.find((m) => m.id === id) ?? null
}

/**
 * How the password pad names the way it pays, as Alipay's does: 账户余额, the card by bank and last four
 * (招商银行储蓄卡(1234)), 花呗 or 花呗分3期.
 */
export function pinMethodText(t: Translate, method: MethodOption, periods: HuabeiPeriods): string {
  if (method.card) return t('cashier.card', method.card)
  if (method.id === 'huabei' && periods > 0) return t('cashier.pinHuabeiPlan', { n: periods })
  return t(`cashier.methods.${method.id}`)
}

/** The password step's summary: the amount and the method, or null while the cashier is not loaded. */
export function pinSummary(
  state: CashierState,
  t: Translate,
  lang: string,
): { amount: string; method: string } | null {
  const cashier = state.list.cashier
  const method = payingMethod(state)
  if (!cashier || !method) return null
  return {
    amount: formatMoney(cashier.amountFen, lang),
    method: pinMethodText(t, method, selectedPlan(state)),
  }
}
