import type { FriendPayView, PayFriendRequestBody } from '@/contract/friend-pay.ts'
import type { Failure } from '@/lib/failure.ts'
import { stay, type Loaded, type Next } from '@/lib/machine.ts'

/**
 * The friend's page (`/friend-pay/:token`) as a state machine (lib/machine.ts): the request as the friend
 * sees it, asked again whenever its event stream speaks; an OPEN one paid once with the friend's own wallet
 * and password. Pure: useFriendPayFlow.ts runs what it asks for.
 */

export type Source = PayFriendRequestBody['source']
/** Which wallet the page can reach: WeChat Pay inside WeChat's own browser, Alipay anywhere else. */
export type FriendWallet = 'wechat' | 'alipay'
export const SOURCES: Record<FriendWallet, readonly [Source, ...Source[]]> = {
  wechat: ['wechat-balance', 'wechat-card'],
  alipay: ['alipay-balance', 'alipay-card'],
}

/** The status the page shows: the request's, or NOT_FOUND for a forged or truncated token. */
export type PageStatus = FriendPayView['status'] | 'NOT_FOUND'

/** Codes after which the link is over: the page asks for its new state instead of the pad trying again. */
const ENDING = new Set(['ORDERPAID', 'ORDERCLOSED', 'LINK_EXPIRED', 'PAYMENT_CLOSED', 'NOT_FOUND'])

export interface FriendPayState {
  token: string
  view: FriendPayView | null
  error: Failure | null
  round: number
  source: Source
  /** The password pad is up. */
  padOpen: boolean
  busy: boolean
  /** Why the last payment was refused. */
  problem: Failure | null
  /** Refusals so far (each clears the pad). */
  tries: number
  /** This phone paid it just now. */
  paidHere: boolean
}

export type FriendPayIntent =
  | { type: 'RELOAD' }
  | { type: 'PICK'; source: Source }
  | { type: 'OPEN_PAD' }
  /** The sheet's ✕ or Escape: back to the page, nothing paid (not while a password is checked). */
  | { type: 'CLOSE_PAD' }
  | { type: 'PASSWORD'; password: string }

export type FriendPayEvent =
  FriendPayIntent | Loaded<FriendPayView> | { type: 'PAID' } | { type: 'REFUSED'; error: Failure }

export type FriendPayEffect =
  { kind: 'load'; round: number } | { kind: 'pay'; token: string; body: PayFriendRequestBody }

type FriendPayNext = Next<FriendPayState, FriendPayEvent, FriendPayEffect>

export function initialFriendPay(token: string, wallet: FriendWallet): FriendPayNext {
  return {
    state: {
      token,
      view: null,
      error: null,
      round: 0,
      source: SOURCES[wallet][0],
      padOpen: false,
      busy: false,
      problem: null,
      tries: 0,
      paidHere: false,
    },
    effects: [{ kind: 'load', round: 0 }],
  }
}

/** What the page says: the request's status, NOT_FOUND, or null while it is not known yet. */
export function pageStatus(state: FriendPayState): PageStatus | null {
  if (state.error?.code === 'NOT_FOUND') return 'NOT_FOUND'
  return state.view?.status ?? null
}

function reload(state: FriendPayState): FriendPayNext {
  const round = state.round + 1
  return { state: { ...state, round }, effects: [{ kind: 'load', round }] }
}

export function friendPayStep(state: FriendPayState, event: FriendPayEvent): FriendPayNext {
  switch (event.type) {
    case 'LOADED':
      if (event.round !== state.round) return stay(state)
      // Ended meanwhile (paid, cancelled, expired): nothing to type a password for.
      return stay({
        ...state,
        view: event.value,
        error: null,
        padOpen: state.padOpen && event.value.status === 'OPEN',
      })
    case 'LOAD_FAILED':
      return event.round === state.round ? stay({ ...state, error: event.error }) : stay(state)
    case 'RELOAD':
      return reload(state)
    case 'PICK':
      return state.padOpen ? stay(state) : stay({ ...state, source: event.source })
    case 'OPEN_PAD':
      if (state.view?.status !== 'OPEN') return stay(state)
      return stay({ ...state, padOpen: true, problem: null })
    case 'CLOSE_PAD':
      return state.busy || !state.padOpen
        ? stay(state)
        : stay({ ...state, padOpen: false, problem: null, tries: state.tries + 1 })
    case 'PASSWORD':
      if (!state.padOpen || state.busy) return stay(state)
      return {
        state: { ...state, busy: true, problem: null },
        effects: [
          {
            kind: 'pay',
            token: state.token,
            body: { password: event.password, source: state.source },
          },
        ],
      }
    case 'PAID':
      return reload({ ...state, busy: false, paidHere: true })
    case 'REFUSED': {
      const refused = { ...state, busy: false, problem: event.error, tries: state.tries + 1 }
      // The link is over (paid another way, cancelled, expired): the page asks how it stands now.
      return ENDING.has(event.error.code) ? reload({ ...refused, padOpen: false }) : stay(refused)
    }
  }
}
