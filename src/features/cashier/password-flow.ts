import type { Failure } from '@/lib/failure.ts'
import { stay } from '@/lib/machine.ts'
import type { CashierNext, CashierState } from './flow-state.ts'
import { andThen, ask, finish, show, withAttempt } from './flow-moves.ts'

/** Taobao's own password pad's part of the cashier's flow (Alipay's realm: balance, card, Huabei). */

/** The sixth digit on Taobao's pad: the same payment is confirmed however many tries it takes. */
export function password(state: CashierState, password: string): CashierNext {
  const { view } = state
  const paymentId = state.resume.attempt?.paymentId
  if ((view.kind !== 'password' && view.kind !== 'locked') || view.busy || !paymentId)
    return stay(state)
  return ask({ ...state, view: { ...view, busy: true } }, { kind: 'confirm', paymentId, password })
}

export function refused(state: CashierState, error: Failure, key: string): CashierNext {
  const { view } = state
  if (view.kind !== 'password' && view.kind !== 'locked') return stay(state)
  // Paid already, or the answer got lost: the result page finds out which.
  if (error.code === 'ORDERPAID' || error.code === 'NETWORK_ERROR') return finish(state)
  const kind = error.code === 'ACCOUNT_LOCKED' ? 'locked' : 'password'
  const next = show(state, { kind, tries: view.tries + 1, busy: false, problem: error })
  if (error.code !== 'PAYMENT_CLOSED') return next
  // The gateway closed this attempt: a fresh one, so that the next password goes through.
  const old = state.resume.attempt
  if (!old) return next
  const attempt = { ...old, key, paymentId: null, payToken: null }
  const body =
    old.method === 'huabei'
      ? { orderId: state.orderId, method: old.method, huabeiPeriods: old.huabeiPeriods ?? 0 }
      : { orderId: state.orderId, method: old.method }
  return andThen(
    andThen(next, (s) => withAttempt(s, attempt)),
    (s) => ask(s, { kind: 'create', purpose: 'reopen', body, key }),
  )
}
