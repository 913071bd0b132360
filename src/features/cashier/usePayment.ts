import { useRef, useState } from 'react'
import type { PaymentMethodId } from '@/contract/payment.ts'
import { isApiError } from '@/lib/api/client.ts'
import { confirmPayment, createPayment } from '@/lib/api/pay.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useCashierStore } from './cashier-store.ts'

export type PayStep = 'methods' | 'pin'

/**
 * Confirm → create the payment (idempotent, remembered per device) → password → confirm it.
 * `onDone` hands over to the result page, which asks the merchant for the truth.
 */
export function usePayment(orderId: string, onDone: () => void) {
  const { t, lang } = useT()
  const [step, setStep] = useState<PayStep>('methods')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** Bumped after every failed password, to clear the pad. */
  const [tries, setTries] = useState(0)
  const inFlight = useRef(false)

  async function open(method: PaymentMethodId): Promise<string | null> {
    const store = useCashierStore.getState()
    const attempt = store.attemptFor(orderId, method)
    if (attempt.paymentId) return attempt.paymentId
    const payment = await createPayment({ orderId, method }, attempt.key)
    useCashierStore.getState().setPaymentId(orderId, payment.id)
    return payment.id
  }

  async function start(method: PaymentMethodId) {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(true)
    setError(null)
    try {
      await open(method)
      setStep('pin')
    } catch (e) {
      if (isApiError(e) && e.code === 'ORDERPAID') {
        useCashierStore.getState().forget(orderId)
        return onDone()
      }
      setError(errorText(t, lang, e))
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  async function pay(password: string) {
    const attempt = useCashierStore.getState().attempts[orderId]
    if (inFlight.current || !attempt?.paymentId) return
    inFlight.current = true
    setBusy(true)
    try {
      const payment = await confirmPayment(attempt.paymentId, password)
      if (payment.status === 'SUCCESS') useCashierStore.getState().forget(orderId)
      onDone()
    } catch (e) {
      if (isApiError(e) && (e.code === 'ORDERPAID' || e.code === 'NETWORK_ERROR')) {
        // Paid already, or the answer got lost: the result page finds out which.
        return onDone()
      }
      if (isApiError(e) && e.code === 'PAYMENT_CLOSED') {
        // The gateway closed this attempt: open a fresh one so the next password goes through.
        useCashierStore.getState().forget(orderId)
        await open(attempt.method).catch(() => undefined)
      }
      setError(errorText(t, lang, e))
      setTries((n) => n + 1)
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  function back() {
    setStep('methods')
    setError(null)
  }

  return { step, busy, error, tries, start, pay, back, setError }
}
