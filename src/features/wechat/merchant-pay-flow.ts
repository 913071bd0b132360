import type { BrandPayFields } from '@/contract/merchant-pay-paths.ts'
import type { FundingSource } from '@/contract/payment.ts'
import type { MerchantPaid, MerchantSheet } from '@/contract/wechatpay-sheet.ts'
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
 * WeChat's pay sheet of a merchant's order (the APIv3 sandbox) as a state machine (lib/machine.ts): load
 * it (a scanned code_url or an h5_url's prepay_id; getBrandWCPayRequest's fields, whose paySign WeChat
 * checks first), choose 零钱 or the card, the password (locked after the fifth wrong one until 忘记密码？'s
 * simulated reset, pin-reset.ts), 支付成功. Leaving says how it ended, as WeixinJSBridge's callback does:
 * `ok`, `cancel`, or `fail`. Pure: useMerchantPay.ts runs what it asks for.
 */

/** What opened the sheet: a token (a scanned code, the H5 cashier) or WeixinJSBridge's fields. */
export type MerchantPayOrigin =
  { kind: 'token'; token: string } | { kind: 'brand'; fields: BrandPayFields }

export type MerchantPayStep = { step: 'sheet' } | PinStep | { step: 'success'; paid: MerchantPaid }

export type MerchantPayEnd = 'ok' | 'cancel' | 'fail'

export interface MerchantPayState {
  origin: MerchantPayOrigin
  sheet: MerchantSheet | null
  error: Failure | null
  round: number
  picked: FundingSource | null
  choosing: boolean
  pay: MerchantPayStep
  /** A refused password or payment: WeChat's dialog says why. */
  problem: Failure | null
  /** WeChat Pay's password locked (ACCOUNT_LOCKED): the pad takes no digits, says until when. */
  lock: Failure | null
  /** 忘记密码？'s simulated reset, while it is up. */
  reset: ResetState | null
}

export type MerchantPayIntent =
  | { type: 'RELOAD' }
  | { type: 'START' }
  | { type: 'CANCEL_PIN' }
  | { type: 'CHOOSE' }
  | { type: 'CLOSE_PICKER' }
  | { type: 'PICK'; source: FundingSource }
  | { type: 'PASSWORD'; password: string }
  | { type: 'DISMISS' }
  /** 关闭 or 完成: leave, saying how it ended. */
  | { type: 'LEAVE' }
  | ResetIntent

export type MerchantPayEvent =
  | MerchantPayIntent
  | ResetEvent
  | Loaded<MerchantSheet>
  | { type: 'PAID'; paid: MerchantPaid }
  | { type: 'REFUSED'; error: Failure }

export type MerchantPayEffect =
  | { kind: 'load'; round: number; origin: MerchantPayOrigin }
  | { kind: 'confirm'; token: string; password: string; source: FundingSource }
  | { kind: 'leave'; end: MerchantPayEnd }
  | ResetEffect

type MerchantPayNext = Next<MerchantPayState, MerchantPayEvent, MerchantPayEffect>

export function initialMerchantPay(origin: MerchantPayOrigin): MerchantPayNext {
  return {
    state: {
      origin,
      sheet: null,
      error: null,
      round: 0,
      picked: null,
      choosing: false,
      pay: { step: 'sheet' },
      problem: null,
      lock: null,
      reset: null,
    },
    effects: [{ kind: 'load', round: 0, origin }],
  }
}

/** The way to pay shown: the one picked, else the first that can pay, else the first. */
export function merchantSource(state: MerchantPayState): MerchantSheet['sources'][number] | null {
  const sources = state.sheet?.sources ?? []
  return (
    sources.find((s) => s.id === state.picked) ??
    sources.find((s) => s.enabled) ??
    sources[0] ??
    null
  )
}

export function isMerchantPayable(sheet: MerchantSheet): boolean {
  return sheet.status === 'NOTPAY' || sheet.status === 'USERPAYING'
}

/** How leaving now ends it: paid is `ok`; a sheet WeChat refused to show (a bad paySign) is `fail`. */
export function endOf(state: MerchantPayState): MerchantPayEnd {
  if (state.pay.step === 'success') return 'ok'
  if (!state.sheet && state.error?.code === 'PAY_SIGN_ERROR') return 'fail'
  return 'cancel'
}

function reload(state: MerchantPayState): MerchantPayNext {
  const round = state.round + 1
  return { state: { ...state, round }, effects: [{ kind: 'load', round, origin: state.origin }] }
}

export function merchantPayStep(state: MerchantPayState, event: MerchantPayEvent): MerchantPayNext {
  if (isResetEvent(event)) return resetStep(state, event)
  const { pay } = state
  switch (event.type) {
    case 'LOADED':
      return event.round === state.round
        ? stay({ ...state, sheet: event.value, error: null })
        : stay(state)
    case 'LOAD_FAILED':
      return event.round === state.round ? stay({ ...state, error: event.error }) : stay(state)
    case 'RELOAD':
      return reload(state)
    case 'START': {
      const source = merchantSource(state)
      if (pay.step !== 'sheet' || !source?.enabled) return stay(state)
      return stay({ ...state, pay: { step: 'pin', tries: 0, busy: false } })
    }
    case 'CANCEL_PIN':
      return pay.step === 'pin' && !pay.busy && !state.reset
        ? stay({ ...state, pay: { step: 'sheet' } })
        : stay(state)
    case 'CHOOSE':
      return pay.step === 'success' ? stay(state) : stay({ ...state, choosing: true })
    case 'CLOSE_PICKER':
      return stay({ ...state, choosing: false })
    case 'PICK': {
      const usable = state.sheet?.sources.some((s) => s.id === event.source && s.enabled)
      return usable ? stay({ ...state, picked: event.source, choosing: false }) : stay(state)
    }
    case 'PASSWORD': {
      const source = merchantSource(state)
      // A locked pad takes nothing: 忘记密码？, or closed.
      if (pay.step !== 'pin' || pay.busy || state.lock || state.reset || !source || !state.sheet)
        return stay(state)
      return {
        state: { ...state, pay: { ...pay, busy: true } },
        effects: [
          {
            kind: 'confirm',
            token: state.sheet.token,
            password: event.password,
            source: source.id,
          },
        ],
      }
    }
    case 'PAID':
      return pay.step === 'pin'
        ? stay({ ...state, pay: { step: 'success', paid: event.paid } })
        : stay(state)
    case 'REFUSED': {
      if (pay.step !== 'pin') return stay(state)
      const problem = event.error
      if (problem.code === 'PASSWORD_ERROR')
        return stay({ ...state, problem, pay: { step: 'pin', tries: pay.tries + 1, busy: false } })
      if (problem.code === 'ACCOUNT_LOCKED') return stay(lockedOut(state, pay, problem))
      return reload({ ...state, problem, pay: { step: 'sheet' } })
    }
    case 'DISMISS':
      return stay({ ...state, problem: null })
    case 'LEAVE':
      if (pay.step === 'pin' && pay.busy) return stay(state)
      return { state, effects: [{ kind: 'leave', end: endOf(state) }] }
  }
}
