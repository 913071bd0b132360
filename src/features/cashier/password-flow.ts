import type { MethodOption } from '@/contract/payment.ts'
import type { Failure } from '@/lib/failure.ts'
import { stay } from '@/lib/machine.ts'
import type { CashierEvent, CashierNext, CashierState, ListState } from './flow-state.ts'
import { andThen, ask, finish, reloadList, show, withAttempt } from './flow-moves.ts'
import { isBusy } from './flow-select.ts'
import { realmOf } from './methods.ts'

/** Taobao's own password pad's part of the cashier's flow (Alipay's realm: balance, card, Huabei). */

/** The sixth digit on Taobao's pad: the same payment is confirmed however many tries it takes. */
export function password(state: CashierState, password: string): CashierNext {
  const { view } = state
  const paymentId = state.resume.attempt?.paymentId
  // A locked pad takes nothing: 忘记密码？ or back to the methods.
  if (view.kind !== 'password' || view.busy || !paymentId) return stay(state)
  return ask(
    { ...state, view: { ...view, busy: true, unlocked: false } },
    { kind: 'confirm', paymentId, password },
  )
}

export function refused(state: CashierState, error: Failure, key: string): CashierNext {
  const { view } = state
  if (view.kind !== 'password' && view.kind !== 'locked') return stay(state)
  // Paid already, or the answer got lost: the result page finds out which.
  if (error.code === 'ORDERPAID' || error.code === 'NETWORK_ERROR') return finish(state)
  if (error.code === 'ACCOUNT_LOCKED') return lockedOut(state, view.tries + 1, error)
  const next = show(state, { kind: 'password', tries: view.tries + 1, busy: false, problem: error })
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

/**
 * The fifth wrong password: the pad stops and says until when; the list marks the realm's methods 已锁定
 * with that time at once (none of them stays ticked) and asks the gateway again for its own word.
 */
function lockedOut(state: CashierState, tries: number, error: Failure): CashierNext {
  const method = state.resume.attempt?.method
  const realm = (method && realmOf(method)) ?? 'alipay'
  const locked = (m: MethodOption): MethodOption =>
    realmOf(m.id) === realm
      ? {
          ...m,
          enabled: false,
          reason: 'LOCKED',
          ...(error.lockedUntil ? { lockedUntil: error.lockedUntil } : {}),
        }
      : m
  const { cashier } = state.list
  const list: ListState = cashier
    ? { ...state.list, cashier: { ...cashier, methods: cashier.methods.map(locked) } }
    : state.list
  return reloadList({
    ...state,
    list,
    picked: null,
    view: { kind: 'locked', tries, busy: false, problem: error },
  })
}

type ResetEvent = Extract<
  CashierEvent,
  { type: 'FORGOT_PASSWORD' | 'RESET_CONFIRM' | 'RESET_CANCEL' | 'RESET_DONE' | 'RESET_FAILED' }
>

export function isResetEvent(event: CashierEvent): event is ResetEvent {
  return (
    event.type === 'FORGOT_PASSWORD' ||
    event.type === 'RESET_CONFIRM' ||
    event.type === 'RESET_CANCEL' ||
    event.type === 'RESET_DONE' ||
    event.type === 'RESET_FAILED'
  )
}

/**
 * 忘记密码？: the simulated reset's question, the call, and after it a live pad again (cleared, saying it
 * was reset) with the list asked for again, its methods unlocked.
 */
export function resetStep(state: CashierState, event: ResetEvent): CashierNext {
  const { reset } = state
  switch (event.type) {
    case 'FORGOT_PASSWORD':
      if (reset || isBusy(state)) return stay(state)
      return stay({ ...state, reset: { realm: event.realm, busy: false, error: null } })
    case 'RESET_CONFIRM':
      if (!reset || reset.busy) return stay(state)
      return ask(
        { ...state, reset: { ...reset, busy: true, error: null } },
        { kind: 'resetPassword', realm: reset.realm },
      )
    case 'RESET_CANCEL':
      return reset && !reset.busy ? stay({ ...state, reset: null }) : stay(state)
    case 'RESET_FAILED':
      return reset
        ? stay({ ...state, reset: { ...reset, busy: false, error: event.error } })
        : stay(state)
    case 'RESET_DONE': {
      if (!reset) return stay(state)
      const { view } = state
      const next: CashierState =
        view.kind === 'locked' || view.kind === 'password'
          ? {
              ...state,
              reset: null,
              view: {
                kind: 'password',
                tries: view.tries + 1,
                busy: false,
                problem: null,
                unlocked: true,
              },
            }
          : { ...state, reset: null }
      return reloadList(next)
    }
  }
}
