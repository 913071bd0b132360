import type { PaymentMethodId } from '@/contract/payment.ts'
import type { CashierState } from './flow-state.ts'

/** What the cashier's state says, read the same way by the flow and by the components. */

/** The method the cashier shows chosen: tapped on this visit, else the open attempt's; either if still usable. */
export function selectedMethod(state: CashierState): PaymentMethodId | null {
  const chosen = state.picked ?? state.resume.attempt?.method ?? null
  // A method the list no longer lets pay (it locked, the balance ran short) is never shown ticked.
  const usable = state.list.cashier?.methods.some((m) => m.id === chosen && m.enabled)
  return usable ? chosen : null
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
