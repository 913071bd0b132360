import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { PaymentMethodId } from '@/contract/payment.ts'
import { deviceKey } from '@/lib/device.ts'
import { newIdempotencyKey } from '@/lib/idempotency.ts'

/** The shopper's open payment attempt on an order: it survives a reload, so confirming again reuses it. */
export interface Attempt {
  method: PaymentMethodId
  /** Idempotency-Key of the create: the same key answers with the same payment. */
  key: string
  paymentId: string | null
}

interface CashierStore {
  attempts: Record<string, Attempt>
  /** The attempt for paying `orderId` with `method`: the open one if it is for that method, else a new one. */
  attemptFor: (orderId: string, method: PaymentMethodId) => Attempt
  setPaymentId: (orderId: string, paymentId: string) => void
  /** The attempt is over (paid, or closed by the gateway): the next confirm starts a new one. */
  forget: (orderId: string) => void
}

export const useCashierStore = create<CashierStore>()(
  persist(
    (set, get) => ({
      attempts: {},
      attemptFor: (orderId, method) => {
        const open = get().attempts[orderId]
        if (open && open.method === method) return open
        const attempt: Attempt = { method, key: newIdempotencyKey(), paymentId: null }
        set((s) => ({ attempts: { ...s.attempts, [orderId]: attempt } }))
        return attempt
      },
      setPaymentId: (orderId, paymentId) =>
        set((s) => {
          const open = s.attempts[orderId]
          return open ? { attempts: { ...s.attempts, [orderId]: { ...open, paymentId } } } : s
        }),
      forget: (orderId) =>
        set((s) => {
          const { [orderId]: _gone, ...rest } = s.attempts
          return { attempts: rest }
        }),
    }),
    { name: deviceKey('cashier'), version: 1 },
  ),
)
