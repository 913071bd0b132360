import type { Failure } from '@/lib/failure.ts'
import { stay } from '@/lib/machine.ts'

/**
 * What WeChat's two pay sheets (Taobao's order, pay-sheet-flow.ts; a merchant's, merchant-pay-flow.ts)
 * share of the password: the lock after the fifth wrong one, and 忘记密码？'s simulated reset that lifts
 * it. The names are the cashier's (features/cashier/password-flow.ts). Pure.
 */

/** The password sheet; `tries` counts the refusals (each clears it). */
export interface PinStep {
  step: 'pin'
  tries: number
  busy: boolean
  /** Just unlocked by 忘记密码？'s reset: the pad says so until the next password. */
  unlocked?: boolean
}

/** 忘记密码？ → 重置支付密码 (simulated): the question is up, the reset on the wire, or it failed. */
export interface ResetState {
  busy: boolean
  error: Failure | null
}

export type ResetIntent =
  /** 忘记密码？ on the pad, or 忘记密码 in the wrong-password dialog: the reset's question. */
  { type: 'FORGOT_PASSWORD' } | { type: 'RESET_CONFIRM' } | { type: 'RESET_CANCEL' }

export type ResetEvent =
  ResetIntent | { type: 'RESET_DONE' } | { type: 'RESET_FAILED'; error: Failure }

/** 忘记密码？'s simulated reset of WeChat Pay's password (POST /api/pay/password/reset). */
export interface ResetEffect {
  kind: 'resetPassword'
  realm: 'wechat'
}

/** The part of a sheet's state the lock and the reset live in. */
export interface Lockable {
  pay: PinStep | { step: 'sheet' } | { step: 'success' }
  /**
   * WeChat Pay's password is locked (ACCOUNT_LOCKED, with `lockedUntil`): the pad takes no digits and
   * says until when, opened again too, until 忘记密码？ resets it.
   */
  lock: Failure | null
  reset: ResetState | null
  /** The dialog over the sheet (a wrong password, a failed payment). */
  problem: Failure | null
}

export function isResetEvent<E extends { type: string }>(
  event: E | ResetEvent,
): event is ResetEvent {
  return (
    event.type === 'FORGOT_PASSWORD' ||
    event.type === 'RESET_CONFIRM' ||
    event.type === 'RESET_CANCEL' ||
    event.type === 'RESET_DONE' ||
    event.type === 'RESET_FAILED'
  )
}

/** The fifth wrong password (or a pad opened on a lock): the pad stays, cleared, and says until when. */
export function lockedOut<S extends Lockable>(state: S, pin: PinStep, error: Failure): S {
  return {
    ...state,
    lock: error,
    problem: null,
    pay: { step: 'pin', tries: pin.tries + 1, busy: false },
  }
}

/**
 * 忘记密码？: the simulated reset's question (over the pad), the call, and after it a live pad again:
 * cleared, its tries and the lock gone, saying it was reset. 取消 leaves everything as it was.
 */
export function resetStep<S extends Lockable>(
  state: S,
  event: ResetEvent,
): { state: S; effects?: readonly ResetEffect[] } {
  const { reset } = state
  const pay: Lockable['pay'] = state.pay
  switch (event.type) {
    case 'FORGOT_PASSWORD':
      if (reset || pay.step !== 'pin' || pay.busy) return stay(state)
      // From the wrong-password dialog too: it gives way to the question.
      return stay({ ...state, problem: null, reset: { busy: false, error: null } })
    case 'RESET_CONFIRM':
      if (!reset || reset.busy) return stay(state)
      return {
        state: { ...state, reset: { busy: true, error: null } },
        effects: [{ kind: 'resetPassword', realm: 'wechat' }],
      }
    case 'RESET_CANCEL':
      return reset && !reset.busy ? stay({ ...state, reset: null }) : stay(state)
    case 'RESET_FAILED':
      return reset ? stay({ ...state, reset: { busy: false, error: event.error } }) : stay(state)
    case 'RESET_DONE': {
      if (!reset) return stay(state)
      const unlocked = { ...state, reset: null, lock: null, problem: null }
      return pay.step === 'pin'
        ? stay({ ...unlocked, pay: { step: 'pin', tries: 0, busy: false, unlocked: true } })
        : stay(unlocked)
    }
  }
}
