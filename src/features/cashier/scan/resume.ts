import { useCashierStore } from '../cashier-store.ts'

/** A scan-code attempt is open on this order: coming back to the cashier shows its code again. */
export function resumesScan(orderId: string): boolean {
  const attempt = useCashierStore.getState().attempts[orderId]
  return attempt?.method === 'wechat-scan' && attempt.paymentId !== null
}
