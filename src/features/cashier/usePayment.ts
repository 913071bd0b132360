import { useCallback, useRef, useState } from 'react'
import { isApiError } from '@/lib/api/client.ts'
import { confirmPayment, createPayment } from '@/lib/api/pay.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useCashierStore, type Attempt, type Choice } from './cashier-store.ts'
import { rememberCreated } from './created-payments.ts'
import { flowOf } from './methods.ts'
import { resumesFriend } from './friend/resume.ts'
import { resumesScan } from './scan/resume.ts'

/** Where the cashier is: choosing, typing Alipay's password, or over in UnionPay's app. */
export type PayStep = 'methods' | 'pin' | 'unionpay' | 'scan' | 'wechat' | 'friend'

/**
 * Confirm → create the payment (idempotent, remembered per device) → the method's own step → confirm it.
 * `onDone` hands over to the result page, which asks the merchant for the truth.
 */
export function usePayment(orderId: string, onDone: () => void) {
  const { t, lang } = useT()
  // An open scan-code attempt (or a pay-for-me request) shows again when the cashier comes back (a reload, an app switch).
  const [step, setStep] = useState<PayStep>(() =>
    resumesScan(orderId) ? 'scan' : resumesFriend(orderId) ? 'friend' : 'methods',
  )
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** Bumped after every failed password, to clear the pad. */
  const [tries, setTries] = useState(0)
  const inFlight = useRef(false)

  async function open(choice: Choice): Promise<Attempt> {
    const attempt = useCashierStore.getState().attemptFor(orderId, choice)
    if (attempt.paymentId) return attempt
    const body =
      choice.method === 'huabei'
        ? { orderId, method: choice.method, huabeiPeriods: choice.huabeiPeriods ?? 0 }
        : { orderId, method: choice.method }
    const payment = await createPayment(body, attempt.key)
    rememberCreated(payment)
    useCashierStore.getState().setPayment(orderId, payment.id, payment.payToken ?? null)
    return { ...attempt, paymentId: payment.id, payToken: payment.payToken ?? null }
  }

  /**
   * 确认付款: opens the attempt (once, however often it is tapped) and moves to the method's step, once
   * `stepReady` (the step's code, loading meanwhile) is there too, so the step draws without a fallback.
   */
  async function start(choice: Choice, stepReady?: Promise<unknown>) {
    if (inFlight.current) return
    const flow = flowOf(choice.method)
    if (flow === 'friend') {
      // A pay-for-me request, not a payment: the share sheet creates it.
      setError(null)
      setStep('friend')
      return
    }
    inFlight.current = true
    setBusy(true)
    setError(null)
    try {
      // A step that fails to load shows its fallback, then its error, as before.
      await Promise.all([open(choice), stepReady?.catch(() => undefined)])
      setStep(flow === 'password' ? 'pin' : flow)
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

  /** The sixth digit on Taobao's pad: the same payment is confirmed however many tries it takes. */
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
        await open(attempt).catch(() => undefined)
      }
      // SYSTEMERROR (a busy gateway) keeps the payment: the shopper types the password again, nothing more.
      setError(errorText(t, lang, e))
      setTries((n) => n + 1)
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  /** Back to the methods, with a word on why (a cancelled jump), or none. */
  const back = useCallback((message: string | null = null) => {
    setStep('methods')
    setError(message)
  }, [])

  return { step, busy, error, tries, start, pay, back, setError }
}
