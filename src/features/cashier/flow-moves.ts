import type { Failure } from '@/lib/failure.ts'
import type { CashierEffect, CashierNext, CashierState, Problem, View } from './flow-state.ts'
import type { Attempt, Resume } from './resume.ts'

/** The moves every part of the cashier's flow makes: flow.ts and the steps' own flows share them. */

/** How long the hand-overs last (ms): each is a timer of the flow, dropped when it stops. */
export const TIMING = {
  /** "正在打开微信…" before WeChat's sheet takes the phone. */
  wechatJump: 700,
  /** The jump to UnionPay's app feels like one: at least this long. */
  unionpayJump: 700,
  /** "正在返回淘宝…" after UnionPay's 完成. */
  unionpayReturn: 350,
  /** The paid code shows 支付成功 this long before the result page. */
  scanPaid: 1000,
  /** Paid another way (a friend) while the code is up: the code closes, then the result page. */
  scanGrace: 1500,
  /** 好友已付款 on the share sheet before the result page (the sheet knows first: issue 25). */
  friendPaid: 1000,
} as const

export function failed(failure: Failure): Problem {
  return { kind: 'failure', failure }
}

/**
 * Runs `more` on the state `first` leads to, and asks for what both ask for. (Not named `then`: a module
 * that exports `then` is a thenable, and `await import()` of it would call it.)
 */
export function andThen(
  first: CashierNext,
  more: (state: CashierState) => CashierNext,
): CashierNext {
  const second = more(first.state)
  return {
    state: second.state,
    effects: [...(first.effects ?? []), ...(second.effects ?? [])],
    timers: [...(first.timers ?? []), ...(second.timers ?? [])],
    cancel: [...(first.cancel ?? []), ...(second.cancel ?? [])],
  }
}

export function ask(state: CashierState, ...effects: CashierEffect[]): CashierNext {
  return { state, effects }
}

export function show(state: CashierState, view: View, ...effects: CashierEffect[]): CashierNext {
  return { state: { ...state, view }, effects }
}

/** The persisted slice changes: kept for a reload (written as a whole). */
export function withResume(state: CashierState, patch: Partial<Resume>): CashierNext {
  const resume = { ...state.resume, ...patch }
  return ask({ ...state, resume }, { kind: 'save', resume })
}

export function withAttempt(state: CashierState, attempt: Attempt | null): CashierNext {
  return withResume(state, { attempt })
}

/** Paid, or to be checked: the result page asks the merchant. Nothing happens here after. */
export function finish(state: CashierState): CashierNext {
  return ask({ ...state, view: { kind: 'done' }, retaining: false }, { kind: 'finish' })
}

/** The attempt is over (paid): the next confirm starts a new one; then the result page. */
export function paid(state: CashierState): CashierNext {
  return andThen(withAttempt(state, null), finish)
}

/** Asks the gateway for the cashier again, keeping the one on screen meanwhile. */
export function reloadList(state: CashierState): CashierNext {
  const round = state.list.round + 1
  return ask(
    { ...state, list: { ...state.list, loading: true, round } },
    { kind: 'loadList', round },
  )
}

/**
 * Back on the list from a step, with a word on why (or none). The list is asked for again: a wallet may
 * have locked meanwhile (wrong passwords). A share sheet left this way does not come back on a reload.
 */
export function toChoosing(state: CashierState, problem: Problem | null): CashierNext {
  const chosen = reloadList({ ...state, view: { kind: 'choosing', problem } })
  return state.resume.friend ? andThen(chosen, (s) => withResume(s, { friend: false })) : chosen
}

export function closed(state: CashierState): CashierNext {
  return { state: { ...state, view: { kind: 'closed' }, retaining: false } }
}
