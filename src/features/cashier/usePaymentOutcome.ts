import { useEffect, useRef, useState } from 'react'
import type { Checkout } from '@/contract/order.ts'
import type { Payment } from '@/contract/payment.ts'
import { isApiError } from '@/lib/api/client.ts'
import { fetchPayment } from '@/lib/api/pay.ts'
import { fetchCheckout } from '@/lib/api/shop.ts'
import { useOrderStatus } from '@/lib/useOrderStatus.ts'
import { resumeOf } from './cashier-store.ts'

export type Outcome =
  | { status: 'pending'; order: Checkout | null; gaveUp: boolean }
  | { status: 'success'; order: Checkout; payment: Payment | null }
  | { status: 'failed'; order: Checkout | null; error: unknown; payment: Payment | null }
  /** No such order: nothing was paid, nothing failed. */
  | { status: 'missing' }
  /** Another persona's order (the simulator's persona was switched): it says whose. */
  | { status: 'foreign'; owner: { persona: string; nickname: string } }

/** Polling backs up the live status (it also spots a failed attempt, which the order doesn't show). */
const POLL_MS = 2000
const GIVE_UP_MS = 30_000

/**
 * What happened to the order's payment, by the merchant's word (it marks an order paid only on the
 * gateway's): checks again the moment the order's live status changes, polls while it still waits, and
 * tells a failed payment attempt from one in progress.
 */
export function usePaymentOutcome(orderId: string): Outcome {
  const [outcome, setOutcome] = useState<Outcome>({ status: 'pending', order: null, gaveUp: false })
  const [changes, setChanges] = useState(0)
  useOrderStatus(orderId, () => setChanges((n) => n + 1))
  const startedRef = useRef<number | null>(null)

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    startedRef.current ??= Date.now()
    const started = startedRef.current

    async function check() {
      let next: Outcome
      try {
        // The checkout as a whole: each shop's order of it is paid by the one payment.
        const order = await fetchCheckout(orderId)
        if (order.status === 'PAID') {
          // 支付成功 shows at once; the payment, which says how it was paid (a Huabei plan), fills in
          // when it answers (the order alone is enough if it won't): the shopper never waits on it.
          if (!stopped) setOutcome({ status: 'success', order, payment: null })
          const payment = order.paymentId
            ? await fetchPayment(order.paymentId).catch(() => null)
            : null
          if (!payment) return
          next = { status: 'success', order, payment }
        } else if (order.status !== 'PENDING_PAYMENT')
          next = { status: 'failed', order, error: null, payment: null }
        else {
          const paymentId = order.paymentId ?? resumeOf(orderId).attempt?.paymentId ?? null
          const payment = paymentId ? await fetchPayment(paymentId).catch(() => null) : null
          next =
            payment?.status === 'PAYERROR'
              ? { status: 'failed', order, error: null, payment }
              : { status: 'pending', order, gaveUp: Date.now() - started > GIVE_UP_MS }
        }
      } catch (error) {
        next =
          isApiError(error) && error.code === 'ORDER_NOT_EXIST'
            ? { status: 'missing' }
            : isApiError(error) && error.owner
              ? { status: 'foreign', owner: error.owner }
              : { status: 'pending', order: null, gaveUp: Date.now() - started > GIVE_UP_MS }
      }
      if (stopped) return
      setOutcome(next)
      if (next.status === 'pending') timer = setTimeout(() => void check(), POLL_MS)
    }

    void check()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [orderId, changes])

  return outcome
}
