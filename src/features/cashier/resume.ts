import type { HuabeiPeriods, PaymentMethodId } from '@/contract/payment.ts'

/** What the shopper chose at the cashier: a method and, for Huabei, a plan. */
export interface Choice {
  method: PaymentMethodId
  /** Huabei only: 0 pays in full. */
  huabeiPeriods: HuabeiPeriods | null
}

/** The open payment attempt on an order: confirming again (after a reload too) reuses it. */
export interface Attempt extends Choice {
  /** Idempotency-Key of the create: the same key answers with the same payment. */
  key: string
  paymentId: string | null
  /** UnionPay's and WeChat's: the token of the other app's pay sheet. */
  payToken: string | null
}

/**
 * The cashier's persisted slice for one order, what a reload resumes: the open attempt (a scan code shows
 * again), a jump to WeChat not yet answered ("已完成支付？"), and a share sheet left open for a friend.
 */
export interface Resume {
  attempt: Attempt | null
  jump: { paymentId: string } | null
  friend: boolean
}

export const EMPTY_RESUME: Resume = { attempt: null, jump: null, friend: false }

export function sameChoice(attempt: Choice, choice: Choice): boolean {
  return (
    attempt.method === choice.method &&
    (attempt.huabeiPeriods ?? null) === (choice.huabeiPeriods ?? null)
  )
}

/** The attempt for paying this way: the open one if it is for the same choice, else a new one (`key`). */
export function attemptFor(open: Attempt | null, choice: Choice, key: string): Attempt {
  if (open && sameChoice(open, choice)) return open
  return { ...choice, key, paymentId: null, payToken: null }
}
