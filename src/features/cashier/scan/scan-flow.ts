import type { TradeState } from '@/contract/payment.ts'
import { stay } from '@/lib/machine.ts'
import type { CashierEvent, CashierNext, CashierState, ScanState } from '../flow-state.ts'
import { ask, paid, andThen, TIMING, withAttempt } from '../flow-moves.ts'

/** 微信扫码支付's part of the cashier's flow: the code, a new code, its expiry, saving it, paid. */

export function scanOf(payment: ScanState['payment']): ScanState {
  return {
    payment,
    error: null,
    refreshing: false,
    expiredAt: null,
    saving: 'idle',
    settling: false,
  }
}

/** The payment's trade_state as it stands now: live from the order's stream, else as last fetched. */
export function scanStatus(state: CashierState, scan: ScanState): TradeState | null {
  const payment = scan.payment
  if (!payment) return null
  const order = state.live?.order
  if (order?.status === 'PAID' && order.paymentId === payment.id) return 'SUCCESS'
  return state.live?.payments[payment.id]?.status ?? payment.status
}

/** The code can no longer be paid: the gateway closed it, or its own countdown ran out on screen. */
export function scanExpired(status: TradeState | null, scan: ScanState): boolean {
  if (status === 'SUCCESS') return false
  const expiresAt = scan.payment?.codeUrl?.expiresAt
  return status === 'CLOSED' || (expiresAt !== undefined && scan.expiredAt === expiresAt)
}

function withScan(state: CashierState, patch: Partial<ScanState>): CashierState {
  if (state.view.kind !== 'scan') return state
  return { ...state, view: { kind: 'scan', scan: { ...state.view.scan, ...patch } } }
}

/**
 * Once the code is paid (or the order is, another way), the result page follows after a moment: the code
 * shows 支付成功 first. Called after every step while the code is up.
 */
export function settleScan(next: CashierNext): CashierNext {
  const { state } = next
  if (state.view.kind !== 'scan' || state.view.scan.settling) return next
  const ours = scanStatus(state, state.view.scan) === 'SUCCESS'
  if (!ours && state.live?.order.status !== 'PAID') return next
  const ms = ours ? TIMING.scanPaid : TIMING.scanGrace
  return {
    ...next,
    state: withScan(state, { settling: true }),
    timers: [...(next.timers ?? []), { key: 'scan', ms, event: { type: 'SCAN_DONE' } }],
  }
}

export function scanStep(state: CashierState, event: CashierEvent): CashierNext {
  const scan = state.view.kind === 'scan' ? state.view.scan : null
  switch (event.type) {
    case 'REFRESH_CODE': {
      if (!scan || scan.refreshing || scanStatus(state, scan) === 'SUCCESS') return stay(state)
      // A new code is a new payment (a new key); the gateway closes the old one.
      const attempt = {
        method: 'wechat-scan' as const,
        huabeiPeriods: null,
        key: event.key,
        paymentId: null,
        payToken: null,
      }
      return andThen(withAttempt(withScan(state, { refreshing: true }), attempt), (s) =>
        ask(s, {
          kind: 'create',
          purpose: 'code',
          body: { orderId: state.orderId, method: 'wechat-scan' },
          key: event.key,
        }),
      )
    }
    case 'CREATED': {
      const { payment } = event
      const attempt = state.resume.attempt
      const kept = attempt
        ? { ...attempt, paymentId: payment.id, payToken: payment.payToken ?? null }
        : null
      const next = withAttempt(state, kept)
      return { ...next, state: withScan(next.state, { payment, error: null, refreshing: false }) }
    }
    case 'CREATE_FAILED':
      return stay(withScan(state, { error: event.error, refreshing: false }))
    case 'CODE_EXPIRED': {
      if (!scan?.payment) return stay(state)
      // The code's own deadline passed: ask the gateway how the payment stands.
      const expired = withScan(state, { expiredAt: event.expiresAt })
      return ask(expired, { kind: 'fetchPayment', paymentId: scan.payment.id })
    }
    case 'PAYMENT_FETCHED': {
      const current = scan?.payment
      if (!scan || (current && current.id !== event.payment.id)) return stay(state)
      return stay(withScan(state, { payment: event.payment, error: null }))
    }
    case 'PAYMENT_FETCH_FAILED':
      return stay(withScan(state, { error: event.error }))
    case 'SAVE_CODE':
      if (!scan?.payment || scan.saving === 'busy') return stay(state)
      return ask(withScan(state, { saving: 'busy' }), { kind: 'saveCode', payment: scan.payment })
    case 'CODE_SAVED':
      return stay(withScan(state, { saving: event.ok ? 'saved' : 'failed' }))
    case 'SCAN_DONE':
      return scan ? paid(state) : stay(state)
    default:
      return stay(state)
  }
}
