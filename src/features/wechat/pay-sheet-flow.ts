import type { FundingSource, Payment, PaySheet } from '@/contract/payment.ts'
import type { Failure } from '@/lib/failure.ts'
import { stay, type Loaded, type Next } from '@/lib/machine.ts'
import {
  isResetEvent,
  lockedOut,
  resetStep,
  type PinStep,
  type ResetEffect,
  type ResetEvent,
  type ResetIntent,
  type ResetState,
} from './pin-reset.ts'

/**
 * WeChat's pay sheet of one token as a state machine (lib/machine.ts): load it, tell the gateway it is
 * open (the payment turns USERPAYING), choose 零钱 or the card, type the password, 支付成功. Five wrong
 * passwords lock the pad until 忘记密码？'s simulated reset (pin-reset.ts). Pure: usePaySheet.ts runs what
 * it asks for.
 */

export type PayStep =
  | { step: 'sheet' }
  /** The password sheet (pin-reset.ts): `tries` counts the refusals (each clears it). */
  | PinStep
  | { step: 'success'; payment: Payment }

export interface PaySheetState {
  token: string
  /**
   * Opened by an app's jump (Taobao's 微信支付), not a scan: as real WeChat does, the password sheet is up
   * at once (no 确认支付 first); closed, the sheet under it stays (返回商家 goes back to the app).
   */
  jumped: boolean
  /** The password sheet was put up by itself once already (a reload of the sheet does not do it again). */
  autoStarted: boolean
  sheet: PaySheet | null
  error: Failure | null
  /** Which load answers count: an older one is dropped. */
  round: number
  /** The token the gateway was told is on screen (once per token). */
  opened: string | null
  picked: FundingSource | null
  /** 选择付款方式 is up (over the sheet or the password). */
  choosing: boolean
  pay: PayStep
  /** A refused password or a failed payment: WeChat's dialog says why. */
  problem: Failure | null
  /** WeChat Pay's password locked (ACCOUNT_LOCKED): the pad takes no digits, says until when. */
  lock: Failure | null
  /** 忘记密码？'s simulated reset, while it is up. */
  reset: ResetState | null
}

export type PaySheetIntent =
  | { type: 'RELOAD' }
  | { type: 'START' }
  | { type: 'CANCEL_PIN' }
  | { type: 'CHOOSE' }
  | { type: 'CLOSE_PICKER' }
  | { type: 'PICK'; source: FundingSource }
  | { type: 'PASSWORD'; password: string }
  | { type: 'DISMISS' }
  | { type: 'LEAVE' }
  | ResetIntent

export type PaySheetEvent =
  | PaySheetIntent
  | ResetEvent
  | Loaded<PaySheet>
  | { type: 'PAID'; payment: Payment }
  | { type: 'REFUSED'; error: Failure }

export type PaySheetEffect =
  | { kind: 'load'; round: number }
  | { kind: 'open'; token: string }
  | { kind: 'confirm'; token: string; password: string; source: FundingSource }
  | { kind: 'leave' }
  | ResetEffect

type PaySheetNext = Next<PaySheetState, PaySheetEvent, PaySheetEffect>

export function initialPaySheet(token: string, jumped = false): PaySheetNext {
  return {
    state: {
      token,
      jumped,
      autoStarted: false,
      sheet: null,
      error: null,
      round: 0,
      opened: null,
      picked: null,
      choosing: false,
      pay: { step: 'sheet' },
      problem: null,
      lock: null,
      reset: null,
    },
    effects: [{ kind: 'load', round: 0 }],
  }
}

/** The way to pay shown: the one picked, else the first that can pay, else the first. */
export function sourceOf(state: PaySheetState): PaySheet['sources'][number] | null {
  const sources = state.sheet?.sources ?? []
  return (
    sources.find((s) => s.id === state.picked) ??
    sources.find((s) => s.enabled) ??
    sources[0] ??
    null
  )
}

/**
 * 支付成功 reloaded: paid, by whoever is looking, on the page that showed it (`shownHere`, its history
 * entry says so). It stays a success; a new scan of a paid code is "already paid", as for anyone.
 */
export function paidByViewer(sheet: PaySheet, viewer: string, shownHere: boolean): boolean {
  return shownHere && sheet.status === 'SUCCESS' && sheet.payer === viewer
}

/** The sheet can still be paid (not paid, closed or refunded meanwhile). */
export function isPayable(sheet: PaySheet): boolean {
  return sheet.status === 'NOTPAY' || sheet.status === 'USERPAYING'
}

/** A jump's sheet, loaded and payable from a source that can pay: straight to the password, once. */
function startOnJump(state: PaySheetState): PaySheetState {
  const { sheet } = state
  if (!state.jumped || state.autoStarted || state.pay.step !== 'sheet' || !sheet) return state
  if (!isPayable(sheet) || !sourceOf(state)?.enabled) return state
  return { ...state, autoStarted: true, pay: { step: 'pin', tries: 0, busy: false } }
}

function reload(state: PaySheetState): PaySheetNext {
  const round = state.round + 1
  return { state: { ...state, round }, effects: [{ kind: 'load', round }] }
}

export function paySheetStep(state: PaySheetState, event: PaySheetEvent): PaySheetNext {
  if (isResetEvent(event)) return resetStep(state, event)
  const { pay } = state
  switch (event.type) {
    case 'LOADED': {
      if (event.round !== state.round) return stay(state)
      const sheet = event.value
      const next = startOnJump({ ...state, sheet, error: null })
      // On screen and payable: the payment waits for its payer now (USERPAYING), said once per token.
      if (sheet.status !== 'NOTPAY' || state.opened === sheet.token) return stay(next)
      return {
        state: { ...next, opened: sheet.token },
        effects: [{ kind: 'open', token: sheet.token }],
      }
    }
    case 'LOAD_FAILED':
      return event.round === state.round ? stay({ ...state, error: event.error }) : stay(state)
    case 'RELOAD':
      return reload(state)
    case 'START': {
      const source = sourceOf(state)
      if (pay.step !== 'sheet' || !source?.enabled) return stay(state)
      return stay({ ...state, pay: { step: 'pin', tries: 0, busy: false } })
    }
    case 'CANCEL_PIN':
      // Closed (a jump's too): the sheet under it, with 确认支付 and 返回商家.
      if (pay.step !== 'pin' || pay.busy || state.reset) return stay(state)
      return stay({ ...state, pay: { step: 'sheet' } })
    case 'CHOOSE':
      return pay.step === 'success' ? stay(state) : stay({ ...state, choosing: true })
    case 'CLOSE_PICKER':
      return stay({ ...state, choosing: false })
    case 'PICK': {
      const usable = state.sheet?.sources.some((s) => s.id === event.source && s.enabled)
      return usable ? stay({ ...state, picked: event.source, choosing: false }) : stay(state)
    }
    case 'PASSWORD': {
      const source = sourceOf(state)
      // A locked pad takes nothing: 忘记密码？, or closed.
      if (pay.step !== 'pin' || pay.busy || state.lock || state.reset || !source) return stay(state)
      return {
        state: { ...state, pay: { ...pay, busy: true } },
        effects: [
          { kind: 'confirm', token: state.token, password: event.password, source: source.id },
        ],
      }
    }
    case 'PAID':
      return pay.step === 'pin'
        ? stay({ ...state, pay: { step: 'success', payment: event.payment } })
        : stay(state)
    case 'REFUSED': {
      if (pay.step !== 'pin') return stay(state)
      const problem = event.error
      // A wrong password: the pad again, cleared. The fifth: the pad stays, locked, and says until when.
      // Anything else: back to the sheet, asked again.
      if (problem.code === 'PASSWORD_ERROR')
        return stay({ ...state, problem, pay: { step: 'pin', tries: pay.tries + 1, busy: false } })
      if (problem.code === 'ACCOUNT_LOCKED') return stay(lockedOut(state, pay, problem))
      return reload({ ...state, problem, pay: { step: 'sheet' } })
    }
    case 'DISMISS':
      return stay({ ...state, problem: null })
    case 'LEAVE':
      return { state, effects: [{ kind: 'leave' }] }
  }
}
