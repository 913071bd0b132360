import type { AlipaySource, AlipayTradeSheet } from '@/contract/alipay-test.ts'
import type { Failure } from '@/lib/failure.ts'
import { stay, type Loaded, type Next } from '@/lib/machine.ts'

/**
 * Alipay's pay sheet of a merchant's trade (the OpenAPI sandbox) as a state machine (lib/machine.ts): the
 * simulated cashier a wap.pay / page.pay sent the browser to, or a scanned precreate qr_code. Load the
 * trade by its token, open it (the buyer has seen it: WAIT_BUYER_PAY), choose 余额 / 花呗 / 银行卡, the
 * 6-digit password, 支付成功, then back to the merchant (the signed return_url). Pure: useAlipayPay.ts
 * runs what it asks for.
 */

export const ALIPAY_PAY_METHODS: readonly AlipaySource[] = [
  'alipay-balance',
  'huabei',
  'alipay-card',
]

export type AlipayPayStep =
  | { step: 'sheet' }
  /** `locked`: the server said ACCOUNT_LOCKED, the pad takes nothing until it is closed. */
  | { step: 'pin'; tries: number; busy: boolean; locked: boolean }
  | { step: 'success'; trade: AlipayTradeSheet; tradeNo: string }

export interface AlipayPayState {
  token: string
  sheet: AlipayTradeSheet | null
  error: Failure | null
  round: number
  /** The open call is on the wire (the buyer has just seen the trade). */
  opening: boolean
  method: AlipaySource
  pay: AlipayPayStep
  /** Why the last password or payment was refused (on the pad, or over the sheet). */
  problem: Failure | null
}

export type AlipayPayIntent =
  | { type: 'RELOAD' }
  | { type: 'PICK'; method: AlipaySource }
  | { type: 'START' }
  | { type: 'CANCEL_PIN' }
  | { type: 'PASSWORD'; password: string }
  | { type: 'DISMISS' }
  /** 完成, or back to the merchant before paying. */
  | { type: 'LEAVE' }

export type AlipayPayEvent =
  | AlipayPayIntent
  | Loaded<AlipayTradeSheet>
  | { type: 'OPENED'; sheet: AlipayTradeSheet }
  | { type: 'OPEN_FAILED'; error: Failure }
  | { type: 'PAID'; trade: AlipayTradeSheet; tradeNo: string }
  | { type: 'REFUSED'; error: Failure }

export type AlipayPayEffect =
  | { kind: 'load'; round: number; token: string }
  | { kind: 'open'; token: string }
  | { kind: 'pay'; token: string; method: AlipaySource; password: string }
  /** `url`: the merchant's return_url (paid) or quit_url (not), null where there is none (a scanned code). */
  | { kind: 'leave'; paid: boolean; url: string | null }

type AlipayPayNext = Next<AlipayPayState, AlipayPayEvent, AlipayPayEffect>

export function initialAlipayPay(token: string): AlipayPayNext {
  return {
    state: {
      token,
      sheet: null,
      error: null,
      round: 0,
      opening: false,
      method: 'alipay-balance',
      pay: { step: 'sheet' },
      problem: null,
    },
    effects: [{ kind: 'load', round: 0, token }],
  }
}

/** A trade the buyer may still pay: not seen yet (null) or waiting. */
export function isAlipayPayable(sheet: AlipayTradeSheet): boolean {
  return sheet.status === null || sheet.status === 'WAIT_BUYER_PAY'
}

function reload(state: AlipayPayState): AlipayPayNext {
  const round = state.round + 1
  return { state: { ...state, round }, effects: [{ kind: 'load', round, token: state.token }] }
}

/** The sheet arrived: a trade nobody has seen yet is opened (WAIT_BUYER_PAY, the merchant notified). */
function loaded(state: AlipayPayState, sheet: AlipayTradeSheet): AlipayPayNext {
  const next = { ...state, sheet, error: null }
  if (sheet.status !== null || state.opening) return stay(next)
  return { state: { ...next, opening: true }, effects: [{ kind: 'open', token: state.token }] }
}

function leaveUrl(state: AlipayPayState): string | null {
  if (state.pay.step === 'success') return state.pay.trade.returnUrl
  if (state.sheet?.status === 'TRADE_SUCCESS') return state.sheet.returnUrl ?? state.sheet.quitUrl
  return state.sheet?.quitUrl ?? null
}

export function alipayPayStep(state: AlipayPayState, event: AlipayPayEvent): AlipayPayNext {
  const { pay } = state
  switch (event.type) {
    case 'LOADED':
      return event.round === state.round ? loaded(state, event.value) : stay(state)
    case 'LOAD_FAILED':
      return event.round === state.round ? stay({ ...state, error: event.error }) : stay(state)
    case 'OPENED':
      return stay({ ...state, opening: false, sheet: event.sheet })
    case 'OPEN_FAILED':
      // Paid or closed meanwhile: the sheet, read again, says so.
      return reload({ ...state, opening: false })
    case 'RELOAD':
      return reload(state)
    case 'PICK':
      return pay.step === 'sheet' ? stay({ ...state, method: event.method }) : stay(state)
    case 'START':
      if (pay.step !== 'sheet' || state.opening || !state.sheet || !isAlipayPayable(state.sheet))
        return stay(state)
      return stay({
        ...state,
        problem: null,
        pay: { step: 'pin', tries: 0, busy: false, locked: false },
      })
    case 'CANCEL_PIN':
      return pay.step === 'pin' && !pay.busy
        ? stay({ ...state, problem: null, pay: { step: 'sheet' } })
        : stay(state)
    case 'PASSWORD':
      if (pay.step !== 'pin' || pay.busy || pay.locked || !state.sheet) return stay(state)
      return {
        state: { ...state, pay: { ...pay, busy: true } },
        effects: [
          { kind: 'pay', token: state.token, method: state.method, password: event.password },
        ],
      }
    case 'PAID':
      return pay.step === 'pin'
        ? stay({
            ...state,
            problem: null,
            sheet: event.trade,
            pay: { step: 'success', trade: event.trade, tradeNo: event.tradeNo },
          })
        : stay(state)
    case 'REFUSED': {
      if (pay.step !== 'pin') return stay(state)
      const problem = event.error
      if (problem.code === 'PASSWORD_ERROR')
        return stay({ ...state, problem, pay: { ...pay, tries: pay.tries + 1, busy: false } })
      if (problem.code === 'ACCOUNT_LOCKED')
        return stay({ ...state, problem, pay: { ...pay, busy: false, locked: true } })
      // Not enough money (another method may do), or the trade changed: back on the sheet, read again.
      return reload({ ...state, problem, pay: { step: 'sheet' } })
    }
    case 'DISMISS':
      return stay({ ...state, problem: null })
    case 'LEAVE':
      if (pay.step === 'pin' && pay.busy) return stay(state)
      return {
        state,
        effects: [{ kind: 'leave', paid: pay.step === 'success', url: leaveUrl(state) }],
      }
  }
}
