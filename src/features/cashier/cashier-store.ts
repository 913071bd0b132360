import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { HuabeiPeriods, PaymentMethodId } from '@/contract/payment.ts'
import { deviceKey } from '@/lib/device.ts'
import { newIdempotencyKey } from '@/lib/idempotency.ts'

/** What the shopper chose at the cashier: a method and, for Huabei, a plan. */
export interface Choice {
  method: PaymentMethodId
  /** Huabei only: 0 pays in full. */
  huabeiPeriods: HuabeiPeriods | null
}

/** The shopper's open payment attempt on an order: it survives a reload, so confirming again reuses it. */
export interface Attempt extends Choice {
  /** Idempotency-Key of the create: the same key answers with the same payment. */
  key: string
  paymentId: string | null
  /** UnionPay: the token of its pay sheet. */
  payToken: string | null
}

interface CashierStore {
  attempts: Record<string, Attempt>
  /** The attempt for paying `orderId` this way: the open one if it is for the same choice, else a new one. */
  attemptFor: (orderId: string, choice: Choice) => Attempt
  setPayment: (orderId: string, paymentId: string, payToken: string | null) => void
  /** The attempt is over (paid, or closed by the gateway): the next confirm starts a new one. */
  forget: (orderId: string) => void
}

function sameChoice(attempt: Attempt, choice: Choice): boolean {
  return (
    attempt.method === choice.method &&
    (attempt.huabeiPeriods ?? null) === (choice.huabeiPeriods ?? null)
  )
}

export const useCashierStore = create<CashierStore>()(
  persist(
    (set, get) => ({
      attempts: {},
      attemptFor: (orderId, choice) => {
        const open = get().attempts[orderId]
        if (open && sameChoice(open, choice)) return open
        const attempt: Attempt = {
          ...choice,
          key: newIdempotencyKey(),
          paymentId: null,
          payToken: null,
        }
        set((s) => ({ attempts: { ...s.attempts, [orderId]: attempt } }))
        return attempt
      },
      setPayment: (orderId, paymentId, payToken) =>
        set((s) => {
          const open = s.attempts[orderId]
          return open
            ? { attempts: { ...s.attempts, [orderId]: { ...open, paymentId, payToken } } }
            : s
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
