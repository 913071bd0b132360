import type { OrderLiveView } from '@/contract/order-live.ts'
import type { PaymentMethodId } from '@/contract/payment.ts'
import { payCodePath } from '@/contract/paths.ts'
import { stay } from '@/lib/machine.ts'
import { EMPTY_FRIEND, friendStep, rememberFriend, settleFriend } from './friend/friend-flow.ts'
import type { CashierEvent, CashierNext, CashierState, LazyStep, View } from './flow-state.ts'
import {
  ask,
  closed,
  failed,
  finish,
  paid,
  reloadList,
  show,
  andThen,
  TIMING,
  toChoosing,
  withAttempt,
  withResume,
} from './flow-moves.ts'
import { isBusy, selectedMethod, selectedPlan } from './flow-select.ts'
import { flowOf } from './methods.ts'
import { foreign } from './foreign-flow.ts'
import { isResetEvent, password, refused, resetStep } from './password-flow.ts'
import { attemptFor, type Resume } from './resume.ts'
import { scanOf, scanStep, settleScan } from './scan/scan-flow.ts'
import { enterUnionPay, unionpayStep } from './unionpay-flow.ts'

/**
 * 收银台 as a state machine, the way the server's domain is written: `step(state, event)` is pure and
 * answers the next state and what to do (calls, timers, the persisted slice, a hand-over to the host);
 * useCashierFlow.ts does it. Components render the state and send intents (flow-state.ts), nothing else.
 */

/** The cashier as it opens: on the list, or back on the step a reload (or an app switch) left open. */
export function initialCashier(orderId: string, resume: Resume): CashierNext {
  const state: CashierState = {
    orderId,
    list: { cashier: null, loading: true, error: null, round: 0 },
    view: { kind: 'choosing', problem: null },
    picked: null,
    plan: null,
    resume,
    live: null,
    retaining: false,
    updateNotice: false,
    returnCheck: null,
    steps: { scan: 'idle', friend: 'idle' },
  }
  const load = { kind: 'loadList', round: 0 } as const
  // Back from WeChat: "已完成支付？" first, and the merchant's answer; the list only if it was not paid
  // (asking a paid order for its cashier is a refusal, a failed request on a route that worked).
  if (resume.jump) return { state, effects: [] }
  const attempt = resume.attempt
  if (attempt?.method === 'wechat-scan' && attempt.paymentId) {
    const resumed = loadingStep({ ...state, view: { kind: 'scan', scan: scanOf(null) } }, 'scan')
    return {
      state: resumed.state,
      effects: [
        load,
        ...(resumed.effects ?? []),
        { kind: 'fetchPayment', paymentId: attempt.paymentId },
      ],
    }
  }
  if (resume.friend) {
    const resumed = loadingStep(
      { ...state, view: { kind: 'friend', friend: EMPTY_FRIEND } },
      'friend',
    )
    return {
      state: resumed.state,
      effects: [load, ...(resumed.effects ?? []), { kind: 'fetchRequests' }],
    }
  }
  return { state, effects: [load] }
}

export function step(state: CashierState, event: CashierEvent): CashierNext {
  if (state.view.kind === 'done') return stay(state)
  // Whatever the step, a paid code or a waiting share sheet is looked after on the way out.
  return rememberFriend(settleFriend(settleScan(decide(state, event))))
}

function loadingStep(state: CashierState, name: LazyStep): CashierNext {
  if (state.steps[name] === 'ready' || state.steps[name] === 'loading') return stay(state)
  return ask(
    { ...state, steps: { ...state.steps, [name]: 'loading' } },
    { kind: 'loadStep', step: name },
  )
}

function decide(state: CashierState, event: CashierEvent): CashierNext {
  const { view } = state
  switch (event.type) {
    case 'LIST_LOADED': {
      if (event.round !== state.list.round) return stay(state)
      const list = { cashier: event.cashier, loading: false, error: null, round: event.round }
      const next = { ...state, list }
      // The code's code loads as soon as the cashier offers it: 确认付款 then draws at once.
      const offersScan = event.cashier.methods.some((m) => m.id === 'wechat-scan' && m.enabled)
      return offersScan ? loadingStep(next, 'scan') : stay(next)
    }
    case 'LIST_FAILED': {
      if (event.round !== state.list.round) return stay(state)
      const next = { ...state, list: { ...state.list, loading: false, error: event.error } }
      const { code } = event.error
      // Paid already: the result page, unless WeChat's "已完成支付？" is still to be answered.
      if (code === 'ORDERPAID') return next.resume.jump ? stay(next) : finish(next)
      if (code === 'ORDER_OF_OTHER_PERSONA') return foreign(next, event.error)
      if (code === 'ORDERCLOSED' || code === 'ORDER_NOT_EXIST') return closed(next)
      return stay(next)
    }
    case 'RELOAD':
      return reloadList(state)
    case 'LIVE':
      return onLive(state, event.view)
    case 'STEP_LOADED': {
      const steps = { ...state.steps, [event.step]: event.ok ? 'ready' : 'failed' }
      return enterWhenReady({ ...state, steps })
    }
    case 'RETRY_STEP': {
      const name = view.kind === 'scan' || view.kind === 'friend' ? view.kind : null
      return name && state.steps[name] === 'failed' ? loadingStep(state, name) : stay(state)
    }
    case 'PICK':
      if (view.kind !== 'choosing' || !usable(state, event.method)) return stay(state)
      return stay({ ...state, picked: event.method, view: { kind: 'choosing', problem: null } })
    case 'PLAN':
      return view.kind === 'choosing' ? stay({ ...state, plan: event.periods }) : stay(state)
    case 'DISABLED_TAP':
      return event.method.reason === 'UPDATE_APP'
        ? stay({ ...state, updateNotice: true })
        : stay(state)
    case 'DISMISS_NOTICE':
      return stay({ ...state, updateNotice: false })
    case 'CONFIRM':
      return confirm(state, event.key)
    case 'BACK':
      if (view.kind === 'choosing' || view.kind === 'closed' || isBusy(state)) return stay(state)
      return toChoosing(state, null)
    case 'CLOSE':
      // Nothing left to pay (or nothing shown yet): gone at once; else "确定要放弃付款吗？" first.
      return view.kind === 'closed' || !state.list.cashier
        ? ask(state, { kind: 'leave' })
        : stay({ ...state, retaining: true })
    case 'STAY':
      return stay({ ...state, retaining: false })
    case 'LEAVE':
      return ask({ ...state, retaining: false }, { kind: 'leave' })
    case 'CREATED':
    case 'CREATE_FAILED':
      return event.purpose === 'code' ? scanStep(state, event) : created(state, event)
    case 'PASSWORD':
      return view.kind === 'unionpay' ? unionpayStep(state, event) : password(state, event.password)
    case 'CONFIRMED':
      if (view.kind !== 'password' && view.kind !== 'locked') return stay(state)
      // Not SUCCESS (still being confirmed): the result page asks the merchant, and keeps the attempt.
      return event.payment.status === 'SUCCESS' ? paid(state) : finish(state)
    case 'CONFIRM_FAILED':
      return refused(state, event.error, event.key)
    case 'JUMP_OPEN': {
      if (view.kind !== 'jump') return stay(state)
      const paymentId = state.resume.attempt?.paymentId ?? ''
      // Asked again on the way back ("已完成支付？"), after a reload in WeChat too.
      return andThen(withResume(state, { jump: { paymentId } }), (s) =>
        ask(s, { kind: 'navigate', path: payCodePath(view.payToken, 'taobao') }),
      )
    }
    case 'JUMP_ANSWER':
      if (!state.resume.jump || state.returnCheck) return stay(state)
      return ask({ ...state, returnCheck: { claimed: event.claimed } }, { kind: 'checkOrder' })
    case 'JUMP_CHECKED': {
      const claimed = state.returnCheck?.claimed ?? false
      // The shopper's word alone never marks anything paid: the merchant's does.
      const settled = withResume({ ...state, returnCheck: null }, { jump: null })
      if (event.paid) return andThen(settled, finish)
      return andThen(
        andThen(settled, (s) =>
          toChoosing(s, { kind: claimed ? 'jump-not-paid' : 'jump-cancelled' }),
        ),
        reloadList,
      )
    }
    default:
      if (isResetEvent(event)) return resetStep(state, event)
      if (event.type.startsWith('UP_')) return unionpayStep(state, event)
      return view.kind === 'friend' ? friendStep(state, event) : scanStep(state, event)
  }
}

function usable(state: CashierState, method: PaymentMethodId): boolean {
  return state.list.cashier?.methods.some((m) => m.id === method && m.enabled) ?? false
}

/** The merchant's word, live: paid elsewhere (a friend), or closed at the deadline by the server's clock. */
function onLive(state: CashierState, live: OrderLiveView): CashierNext {
  const before = state.live?.order.status ?? null
  const next = { ...state, live }
  const status = live.order.status
  if (status === before) return stay(next)
  if (status === 'PAID') {
    // Over in UnionPay the shopper finishes there (完成); back from WeChat the question comes first; the
    // code and the share sheet show it for a moment (settleScan, settleFriend). Anywhere else the result
    // page follows at once.
    const waits =
      next.view.kind === 'unionpay' ||
      next.view.kind === 'scan' ||
      next.view.kind === 'friend' ||
      next.resume.jump
    return waits ? stay(next) : finish(next)
  }
  return status === 'PENDING_PAYMENT' ? stay(next) : closed(next)
}

/** 确认付款: the share sheet (a request, not a payment), or the attempt opened once, then its step. */
function confirm(state: CashierState, key: string): CashierNext {
  const method = selectedMethod(state)
  if (state.view.kind !== 'choosing' || !method) return stay(state)
  const flow = flowOf(method)
  if (flow === 'friend') {
    const friend = {
      ...state,
      view: { kind: 'friend', friend: EMPTY_FRIEND },
    } satisfies CashierState
    return andThen(loadingStep(friend, 'friend'), (s) => ask(s, { kind: 'fetchRequests' }))
  }
  const choice = { method, huabeiPeriods: method === 'huabei' ? selectedPlan(state) : null }
  const attempt = attemptFor(state.resume.attempt, choice, key)
  const creating: View = {
    kind: 'creating',
    choice,
    payment: null,
    created: attempt.paymentId !== null,
  }
  let next = andThen(withAttempt({ ...state, view: creating }, attempt), (s) =>
    flow === 'scan' ? loadingStep(s, 'scan') : stay(s),
  )
  if (!attempt.paymentId) {
    const body =
      method === 'huabei'
        ? { orderId: state.orderId, method, huabeiPeriods: choice.huabeiPeriods ?? 0 }
        : { orderId: state.orderId, method }
    next = andThen(next, (s) => ask(s, { kind: 'create', purpose: 'open', body, key: attempt.key }))
  }
  return andThen(next, enterWhenReady)
}

function created(state: CashierState, event: CashierEvent): CashierNext {
  if (event.type === 'CREATED') {
    const { payment } = event
    const attempt = state.resume.attempt
    const kept = attempt
      ? { ...attempt, paymentId: payment.id, payToken: payment.payToken ?? null }
      : null
    const saved = withAttempt(state, kept)
    if (event.purpose !== 'open' || state.view.kind !== 'creating') return saved
    const creating = { ...state.view, payment, created: true }
    return andThen(saved, (s) => enterWhenReady({ ...s, view: creating }))
  }
  if (event.type !== 'CREATE_FAILED' || event.purpose !== 'open' || state.view.kind !== 'creating')
    return stay(state)
  // Paid already (by a friend, in another tab): the attempt is over.
  if (event.error.code === 'ORDERPAID') return paid(state)
  return show(state, { kind: 'choosing', problem: failed(event.error) })
}

/** Opened, and the step's code is there: the method's own step. */
function enterWhenReady(state: CashierState): CashierNext {
  const { view, resume } = state
  if (view.kind !== 'creating' || !view.created) return stay(state)
  const flow = flowOf(view.choice.method)
  const token = resume.attempt?.payToken ?? ''
  switch (flow) {
    case 'scan':
      // A step that failed to load shows why, with a retry.
      if (state.steps.scan === 'loading') return stay(state)
      return view.payment
        ? show(state, { kind: 'scan', scan: scanOf(view.payment) })
        : show(
            state,
            { kind: 'scan', scan: scanOf(null) },
            {
              kind: 'fetchPayment',
              paymentId: resume.attempt?.paymentId ?? '',
            },
          )
    case 'unionpay':
      return enterUnionPay(state, token)
    case 'wechat':
      return {
        state: { ...state, view: { kind: 'jump', payToken: token } },
        timers: [{ key: 'jump', ms: TIMING.wechatJump, event: { type: 'JUMP_OPEN' } }],
      }
    default:
      return show(state, { kind: 'password', tries: 0, busy: false, problem: null })
  }
}
