import type { Payment } from '@/contract/payment.ts'

/**
 * Payments this page created, as the gateway answered: the step that shows one (the scan code) starts
 * from it instead of asking for it again. In memory only; after a reload the step fetches it.
 */
const created = new Map<string, Payment>()

export function rememberCreated(payment: Payment): void {
  created.set(payment.id, payment)
}

export function createdPayment(paymentId: string | null): Payment | null {
  return paymentId === null ? null : (created.get(paymentId) ?? null)
}
