import { stay } from '@/lib/machine.ts'
import type { CashierEvent, CashierNext, CashierState, UnionPayState } from './flow-state.ts'
import { ask, failed, paid, TIMING, toChoosing } from './flow-moves.ts'

/** 云闪付's part of the cashier's flow: the jump, its own sheet and password, 完成, back to Taobao. */

/** Into UnionPay's app: its sheet is asked for, and the jump lasts at least a moment. */
export function enterUnionPay(state: CashierState, token: string): CashierNext {
  const unionpay: UnionPayState = { phase: 'jumping', sheet: null, waited: false }
  return {
    state: { ...state, view: { kind: 'unionpay', unionpay } },
    effects: [{ kind: 'openSheet', token }],
    timers: [{ key: 'unionpay', ms: TIMING.unionpayJump, event: { type: 'UP_WAITED' } }],
  }
}

function show(state: CashierState, unionpay: UnionPayState): CashierNext {
  return { state: { ...state, view: { kind: 'unionpay', unionpay } } }
}

/** Both the sheet and the minimum jump time are there: the sheet shows. */
function landed(state: CashierState, up: UnionPayState): CashierNext {
  if (up.phase === 'jumping' && up.sheet && up.waited)
    return show(state, { phase: 'sheet', sheet: up.sheet })
  return show(state, up)
}

export function unionpayStep(state: CashierState, event: CashierEvent): CashierNext {
  if (state.view.kind !== 'unionpay') return stay(state)
  const up = state.view.unionpay
  const token = state.resume.attempt?.payToken ?? ''
  switch (event.type) {
    case 'UP_OPENED':
      if (up.phase !== 'jumping') return stay(state)
      // Paid already (another tab, a reload): straight back to Taobao.
      if (event.sheet.status === 'SUCCESS') return paid(state)
      return landed(state, { ...up, sheet: event.sheet })
    case 'UP_OPEN_FAILED':
      return up.phase === 'jumping'
        ? { ...toChoosing(state, failed(event.error)), cancel: ['unionpay'] }
        : stay(state)
    case 'UP_WAITED':
      return up.phase === 'jumping' ? landed(state, { ...up, waited: true }) : stay(state)
    case 'UP_PAY': {
      const enabled = up.phase === 'sheet' && up.sheet.sources[0]?.enabled === true
      if (!enabled) return stay(state)
      return show(state, { phase: 'pin', sheet: up.sheet, tries: 0, busy: false, problem: null })
    }
    case 'UP_PIN_BACK':
      return up.phase === 'pin' && !up.busy
        ? show(state, { phase: 'sheet', sheet: up.sheet })
        : stay(state)
    case 'PASSWORD':
      if (up.phase !== 'pin' || up.busy) return stay(state)
      return ask(
        { ...state, view: { kind: 'unionpay', unionpay: { ...up, busy: true } } },
        { kind: 'confirmSheet', token, password: event.password },
      )
    case 'UP_CONFIRMED':
      return up.phase === 'pin' ? show(state, { phase: 'success', sheet: up.sheet }) : stay(state)
    case 'UP_CONFIRM_FAILED': {
      if (up.phase !== 'pin') return stay(state)
      const { code } = event.error
      // Paid already, or the answer got lost: Taobao's result page finds out which.
      if (code === 'ORDERPAID' || code === 'NETWORK_ERROR') return paid(state)
      return show(state, { ...up, tries: up.tries + 1, busy: false, problem: event.error })
    }
    case 'UP_DONE':
      if (up.phase !== 'success') return stay(state)
      return {
        ...show(state, { phase: 'returning', sheet: up.sheet }),
        timers: [{ key: 'unionpay', ms: TIMING.unionpayReturn, event: { type: 'UP_RETURNED' } }],
      }
    case 'UP_RETURNED':
      return up.phase === 'returning' ? paid(state) : stay(state)
    case 'UP_CANCEL': {
      const busy = up.phase === 'pin' && up.busy
      if (busy || up.phase === 'success' || up.phase === 'returning') return stay(state)
      return { ...toChoosing(state, { kind: 'unionpay-cancelled' }), cancel: ['unionpay'] }
    }
    default:
      return stay(state)
  }
}
