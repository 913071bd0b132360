import type { PaymentMethodId } from '@/contract/payment.ts'
import type { CashierState } from './flow-state.ts'

/** What the cashier's state says, read the same way by the flow and by the components. */

/** The method the cashier shows chosen: tapped on this visit, else the open attempt's (if still usable). */
export function selectedMethod(state: CashierState): PaymentMethodId | null {
  if (state.picked) return state.picked
  const remembered = state.resume.attempt?.method ?? null
  const usable = state.list.cashier?.methods.some((m) => m.id === remembered && m.enabled)
  return usable ? remembered : null
}

export function selectedPlan(state: CashierState) {
  return state.plan ?? state.resume.attempt?.huabeiPeriods ?? 0
}

/** A payment is being opened or confirmed: choices wait. */
export function isBusy(state: CashierState): boolean {
  const { view } = state
  return (
    view.kind === 'creating' || ((view.kind === 'password' || view.kind === 'locked') && view.busy)
  )
}
