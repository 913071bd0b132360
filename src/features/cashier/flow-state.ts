import type { FriendRequest, ShareVia } from '@/contract/friend-pay.ts'
import type { OrderLiveView } from '@/contract/order-live.ts'
import type {
  Cashier,
  CreatePaymentBody,
  HuabeiPeriods,
  MethodOption,
  Payment,
  PasswordRealm,
  PaymentMethodId,
  PaySheet,
} from '@/contract/payment.ts'
import type { Failure } from '@/lib/failure.ts'
import type { Next } from '@/lib/machine.ts'
import type { Choice, Resume } from './resume.ts'

/** Why the cashier is back on its list (the components put it in words). */
export type Problem =
  | { kind: 'failure'; failure: Failure }
  /** Cancelled in UnionPay's own sheet. */
  | { kind: 'unionpay-cancelled' }
  /** Back from WeChat, "已完成支付" — but the merchant has no payment. */
  | { kind: 'jump-not-paid' }
  /** Back from WeChat, "支付遇到问题", and indeed no payment. */
  | { kind: 'jump-cancelled' }

/** The gateway's cashier for the order (amount, deadline, methods); a reload keeps it on screen. */
export interface ListState {
  cashier: Cashier | null
  loading: boolean
  error: Failure | null
  /** Which load answers count: an older one is dropped. */
  round: number
}

/** A step whose code loads when first needed (the scan code, the share sheet). */
export type LazyStep = 'scan' | 'friend'
export type StepCode = 'idle' | 'loading' | 'ready' | 'failed'

/** 微信扫码支付: the payment behind the code on screen, and what the shopper did with it. */
export interface ScanState {
  payment: Payment | null
  error: Failure | null
  refreshing: boolean
  /** The code's own deadline passed on screen (its `expiresAt`): it shows expired until a new one. */
  expiredAt: string | null
  saving: 'idle' | 'busy' | 'saved' | 'failed'
  /** Paid (or the order paid another way): the result page follows after a moment. */
  settling: boolean
}

/** 找朋友帮忙付: the request on this order (found again after a reload), sharing it, copying the link. */
export interface FriendState {
  /** The open request was looked for. */
  loaded: boolean
  request: FriendRequest | null
  busy: boolean
  error: Failure | null
  /** The Idempotency-Key of a create that failed: asked again with it, it cannot make two. */
  key: string | null
  copied: 'idle' | 'done' | 'manual'
  /** Paid: the sheet says so for a moment, then the result page (`settleFriend`). */
  settling: boolean
}

/** 云闪付's own sheet after the jump: the jump lasts at least a moment, then the sheet, its password. */
export type UnionPayState =
  | { phase: 'jumping'; sheet: PaySheet | null; waited: boolean }
  | { phase: 'sheet'; sheet: PaySheet }
  | { phase: 'pin'; sheet: PaySheet; tries: number; busy: boolean; problem: Failure | null }
  | { phase: 'success'; sheet: PaySheet }
  | { phase: 'returning'; sheet: PaySheet }

/** Taobao's password pad: `tries` counts the refusals (each clears the pad). */
export interface PinView {
  tries: number
  busy: boolean
  problem: Failure | null
  /** Just unlocked by 忘记密码？'s reset: the pad says so until the next password. */
  unlocked?: boolean
}

/** 忘记密码？ → 重置支付密码 (simulated): the question is up, the reset on the wire, or it failed. */
export interface ResetState {
  realm: PasswordRealm
  busy: boolean
  error: Failure | null
}

/** Whose the order is when another persona placed it (ORDER_OF_OTHER_PERSONA). */
export interface OrderOwner {
  persona: string
  nickname: string
}

/** Where the cashier is. */
export type View =
  | { kind: 'choosing'; problem: Problem | null }
  /** 确认付款: the payment is being opened (and the step's code loaded). */
  | { kind: 'creating'; choice: Choice; payment: Payment | null; created: boolean }
  | ({ kind: 'password' } & PinView)
  /**
   * The wallet locked (too many wrong passwords): the pad takes no digits and says until when (its
   * `problem`, ACCOUNT_LOCKED with `lockedUntil`); 忘记密码？ or back to the methods.
   */
  | ({ kind: 'locked' } & PinView)
  | { kind: 'scan'; scan: ScanState }
  /** 微信支付: "正在打开微信…", then WeChat's sheet takes the phone. */
  | { kind: 'jump'; payToken: string }
  | { kind: 'unionpay'; unionpay: UnionPayState }
  | { kind: 'friend'; friend: FriendState }
  /** The order closed (its deadline, by the server's clock): nothing can pay it. */
  | { kind: 'closed' }
  /** Another persona's order (the simulator's persona was switched): it says whose, and switches back. */
  | { kind: 'foreign'; owner: OrderOwner }
  /** Handed over to the result page. */
  | { kind: 'done' }

export interface CashierState {
  orderId: string
  list: ListState
  view: View
  /** The method and plan tapped on this visit; the open attempt's stand in until then. */
  picked: PaymentMethodId | null
  plan: HuabeiPeriods | null
  /** The persisted slice (resume.ts): written whenever it changes. */
  resume: Resume
  /** The order's live view (the stream): its status, its payments, its requests. */
  live: OrderLiveView | null
  /** "确定要放弃付款吗？" is up. */
  retaining: boolean
  /** An old app tapped 微信支付: "请将淘宝升级到最新版本". */
  updateNotice: boolean
  /** Back from WeChat and answered: the merchant is being asked. */
  returnCheck: { claimed: boolean } | null
  steps: Record<LazyStep, StepCode>
  /** 忘记密码？'s simulated reset, while it is up. */
  reset?: ResetState | null
}

/** What a create is for: opening the chosen method, replacing a closed attempt, a new scan code. */
export type Purpose = 'open' | 'reopen' | 'code'

/** What the shopper does. The components send these, and nothing else. */
export type Intent =
  | { type: 'RELOAD' }
  | { type: 'RETRY_STEP' }
  | { type: 'PICK'; method: PaymentMethodId }
  | { type: 'PLAN'; periods: HuabeiPeriods }
  | { type: 'DISABLED_TAP'; method: MethodOption }
  | { type: 'DISMISS_NOTICE' }
  | { type: 'CONFIRM' }
  | { type: 'BACK' }
  | { type: 'CLOSE' }
  | { type: 'STAY' }
  | { type: 'LEAVE' }
  | { type: 'PASSWORD'; password: string }
  | { type: 'JUMP_ANSWER'; claimed: boolean }
  | { type: 'UP_PAY' }
  | { type: 'UP_PIN_BACK' }
  | { type: 'UP_DONE' }
  | { type: 'UP_CANCEL' }
  | { type: 'REFRESH_CODE' }
  | { type: 'CODE_EXPIRED'; expiresAt: string }
  | { type: 'SAVE_CODE' }
  | { type: 'SHARE'; message: string; via: ShareVia }
  | { type: 'CANCEL_REQUEST' }
  | { type: 'ASK_AGAIN' }
  | { type: 'COPY'; text: string }
  | { type: 'TO_WECHAT'; text: string }
  /** 忘记密码？ (on the pad, or under a locked method): the simulated reset's question. */
  | { type: 'FORGOT_PASSWORD'; realm: PasswordRealm }
  | { type: 'RESET_CONFIRM' }
  | { type: 'RESET_CANCEL' }

/** Intents that may create something carry a fresh Idempotency-Key (the flow decides whether to use it). */
type Stamped<I> = I extends { type: 'CONFIRM' | 'REFRESH_CODE' | 'SHARE' } ? I & { key: string } : I

/** What the effects answer, and the timers. */
export type Answer =
  | { type: 'LIST_LOADED'; round: number; cashier: Cashier }
  | { type: 'LIST_FAILED'; round: number; error: Failure }
  | { type: 'LIVE'; view: OrderLiveView }
  | { type: 'STEP_LOADED'; step: LazyStep; ok: boolean }
  | { type: 'CREATED'; purpose: Purpose; payment: Payment }
  | { type: 'CREATE_FAILED'; purpose: Purpose; error: Failure }
  | { type: 'CONFIRMED'; payment: Payment }
  /** `key`: a fresh Idempotency-Key, for the attempt that replaces a closed one. */
  | { type: 'CONFIRM_FAILED'; error: Failure; key: string }
  | { type: 'JUMP_OPEN' }
  | { type: 'JUMP_CHECKED'; paid: boolean }
  | { type: 'UP_OPENED'; sheet: PaySheet }
  | { type: 'UP_OPEN_FAILED'; error: Failure }
  | { type: 'UP_WAITED' }
  | { type: 'UP_CONFIRMED' }
  | { type: 'UP_CONFIRM_FAILED'; error: Failure }
  | { type: 'UP_RETURNED' }
  | { type: 'PAYMENT_FETCHED'; payment: Payment }
  | { type: 'PAYMENT_FETCH_FAILED'; error: Failure }
  | { type: 'CODE_SAVED'; ok: boolean }
  | { type: 'SCAN_DONE' }
  | { type: 'FRIEND_DONE' }
  | { type: 'REQUESTS_FETCHED'; requests: readonly FriendRequest[] }
  | { type: 'SHARED'; request: FriendRequest }
  | { type: 'SHARE_FAILED'; error: Failure }
  | { type: 'REQUEST_CANCELLED'; request: FriendRequest }
  | { type: 'CANCEL_FAILED'; error: Failure }
  | { type: 'COPIED'; ok: boolean }
  | { type: 'RESET_DONE' }
  | { type: 'RESET_FAILED'; error: Failure }

export type CashierEvent = Stamped<Intent> | Answer

/** What the flow asks the world for: flow-effects.ts does it. */
export type CashierEffect =
  | { kind: 'loadList'; round: number }
  | { kind: 'loadStep'; step: LazyStep }
  | { kind: 'save'; resume: Resume }
  | { kind: 'create'; purpose: Purpose; body: CreatePaymentBody; key: string }
  | { kind: 'confirm'; paymentId: string; password: string }
  | { kind: 'fetchPayment'; paymentId: string }
  | { kind: 'openSheet'; token: string }
  | { kind: 'confirmSheet'; token: string; password: string }
  /** Ask the merchant whether the order is paid (back from WeChat). */
  | { kind: 'checkOrder' }
  | { kind: 'fetchRequests' }
  | { kind: 'share'; message: string; via: ShareVia; key: string }
  | { kind: 'cancelRequest'; token: string }
  | { kind: 'copy'; text: string }
  | { kind: 'saveCode'; payment: Payment }
  /** Another screen of this phone (WeChat's pay sheet, its chat picker). */
  | { kind: 'navigate'; path: string }
  /** Paid, or to be checked: the result page takes over. */
  | { kind: 'finish' }
  /** The shopper left: the order waits, unpaid. */
  | { kind: 'leave' }
  /** 忘记密码？'s simulated reset of the realm (POST /api/pay/password/reset). */
  | { kind: 'resetPassword'; realm: PasswordRealm }

export type CashierNext = Next<CashierState, CashierEvent, CashierEffect>

/** The hook stamps a fresh key on the intents that may create something. */
export function stamp(intent: Intent, freshKey: () => string): CashierEvent {
  switch (intent.type) {
    case 'CONFIRM':
    case 'REFRESH_CODE':
    case 'SHARE':
      return { ...intent, key: freshKey() }
    default:
      return intent
  }
}
