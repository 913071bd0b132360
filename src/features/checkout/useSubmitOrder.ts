import { useRef, useState } from 'react'
import type { CreateOrderBody } from '@/contract/order.ts'
import { isApiError } from '@/lib/api/client.ts'
import { createOrder } from '@/lib/api/shop.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { showToast } from '@/lib/toast.ts'
import { useCheckout } from './checkout-store.ts'

/**
 * Submits the order exactly once: a second tap while the first is in flight does nothing, and the
 * Idempotency-Key survives errors and reloads until the order exists.
 */
export function useSubmitOrder(onCreated: (orderId: string) => void, onStockChanged: () => void) {
  const { t, lang } = useT()
  const inFlight = useRef(false)
  const [submitting, setSubmitting] = useState(false)

  async function submit(body: CreateOrderBody) {
    if (inFlight.current) return
    inFlight.current = true
    setSubmitting(true)
    const store = useCheckout.getState()
    const key = store.keyFor(JSON.stringify(body))
    try {
      const checkout = await createOrder(body, key)
      useCheckout.getState().settle(checkout.checkoutId)
      onCreated(checkout.checkoutId)
    } catch (error) {
      if (isApiError(error) && error.code === 'IDEMPOTENCY_MISMATCH')
        useCheckout.getState().dropKey()
      if (isApiError(error) && error.code === 'OUT_OF_STOCK') onStockChanged()
      showToast(errorText(t, lang, error))
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  return { submit, submitting }
}
