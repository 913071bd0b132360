import { useCallback, useEffect, useRef, useState } from 'react'
import type { Payment, TradeState } from '@/contract/payment.ts'
import { isApiError } from '@/lib/api/client.ts'
import { createPayment, fetchPayment } from '@/lib/api/pay.ts'
import { useOrderLive } from '@/lib/useOrderLive.ts'
import { useCashierStore } from '../cashier-store.ts'
import { createdPayment } from '../created-payments.ts'

const SCAN = { method: 'wechat-scan', huabeiPeriods: null } as const

export interface ScanCode {
  /** The payment behind the code on screen (with its `codeUrl`), once known. */
  payment: Payment | null
  /** The payment's trade_state as it stands now: live from the order's stream. */
  status: TradeState | null
  error: unknown
  busy: boolean
  /** A new code: a new payment (a new Idempotency-Key); the gateway closes the old one. */
  refresh: () => void
  /** The code's own deadline passed: ask the gateway how the payment stands. */
  recheck: () => void
}

/**
 * The `wechat-scan` payment of the cashier's open attempt (created on 确认付款, remembered per device) and
 * its live status: the code turns paid by itself the moment the payer confirms it in WeChat, anywhere.
 */
export function useScanCode(orderId: string): ScanCode {
  const paymentId = useCashierStore((s) =>
    s.attempts[orderId]?.method === 'wechat-scan' ? (s.attempts[orderId]?.paymentId ?? null) : null,
  )
  // Just created by 确认付款: the code draws from that answer, without asking the gateway again.
  const [payment, setPayment] = useState<Payment | null>(() => createdPayment(paymentId))
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const inFlight = useRef(false)
  const live = useOrderLive(orderId)

  useEffect(() => {
    if (!paymentId || payment?.id === paymentId) return
    let current = true
    fetchPayment(paymentId).then(
      (found) => {
        if (!current) return
        setPayment(found)
        setError(null)
      },
      (e: unknown) => current && setError(e),
    )
    return () => {
      current = false
    }
  }, [paymentId, payment?.id])

  const refresh = useCallback(() => {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(true)
    const store = useCashierStore.getState()
    store.forget(orderId)
    const attempt = useCashierStore.getState().attemptFor(orderId, SCAN)
    createPayment({ orderId, method: 'wechat-scan' }, attempt.key)
      .then((created) => {
        useCashierStore.getState().setPayment(orderId, created.id, created.payToken ?? null)
        setPayment(created)
        setError(null)
      })
      .catch((e: unknown) => setError(isApiError(e) ? e : null))
      .finally(() => {
        inFlight.current = false
        setBusy(false)
      })
  }, [orderId])

  const recheck = useCallback(() => {
    if (!payment) return
    fetchPayment(payment.id).then(setPayment, (e: unknown) => setError(e))
  }, [payment])

  const livePayment = payment ? live?.view.payments[payment.id] : undefined
  const status: TradeState | null =
    live?.view.order.status === 'PAID' && live.view.order.paymentId === payment?.id
      ? 'SUCCESS'
      : (livePayment?.status ?? payment?.status ?? null)

  return { payment, status, error, busy, refresh, recheck }
}
