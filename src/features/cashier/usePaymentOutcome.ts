import { useEffect, useState } from 'react'
import type { Order } from '@/contract/order.ts'
import type { Payment } from '@/contract/payment.ts'
import { isApiError } from '@/lib/api/client.ts'
import { fetchPayment } from '@/lib/api/pay.ts'
import { fetchOrder } from '@/lib/api/shop.ts'
import { useCashierStore } from './cashier-store.ts'

export type Outcome =
  | { status: 'pending'; order: Order | null; gaveUp: boolean }
  | { status: 'success'; order: Order }
  | { status: 'failed'; order: Order | null; error: unknown; payment: Payment | null }

const POLL_MS = 1000
const GIVE_UP_MS = 30_000

/**
 * What happened to the order's payment, by the merchant's word (it marks an order paid only on the
 * gateway's): polls while the order still waits, and tells a failed payment attempt from one in progress.
 */
export function usePaymentOutcome(orderId: string): Outcome {
  const [outcome, setOutcome] = useState<Outcome>({ status: 'pending', order: null, gaveUp: false })

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const started = Date.now()

    async function check() {
      let next: Outcome
      try {
        const order = await fetchOrder(orderId)
        if (order.status === 'PAID') next = { status: 'success', order }
        else if (order.status !== 'PENDING_PAYMENT')
          next = { status: 'failed', order, error: null, payment: null }
        else {
          const paymentId =
            order.paymentId ?? useCashierStore.getState().attempts[orderId]?.paymentId ?? null
          const payment = paymentId ? await fetchPayment(paymentId).catch(() => null) : null
          next =
            payment?.status === 'PAYERROR'
              ? { status: 'failed', order, error: null, payment }
              : { status: 'pending', order, gaveUp: Date.now() - started > GIVE_UP_MS }
        }
      } catch (error) {
        const final = isApiError(error) && error.code === 'ORDER_NOT_EXIST'
        next = final
          ? { status: 'failed', order: null, error, payment: null }
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
  }, [orderId])

  return outcome
}
