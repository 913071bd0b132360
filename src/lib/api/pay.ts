import type {
  Cashier,
  CreatePaymentBody,
  PasswordRealm,
  PasswordStatus,
  Payment,
  PaySheet,
  Wallet,
} from '@/contract/payment.ts'
import { useServerClock } from '../clock.ts'
import { callRoute, callRouteTimed } from './call.ts'

/** The payment gateway's side: /api/pay. */

export async function fetchCashier(orderId: string, signal?: AbortSignal): Promise<Cashier> {
  const res = await callRouteTimed('cashier', { query: { orderId }, signal })
  useServerClock.getState().learn(res.value.now, res.sentAt, res.receivedAt)
  return res.value
}

export function createPayment(body: CreatePaymentBody, idempotencyKey: string): Promise<Payment> {
  return callRoute('createPayment', { body, idempotencyKey })
}

export function fetchPayment(paymentId: string, signal?: AbortSignal): Promise<Payment> {
  return callRoute('getPayment', { params: { paymentId }, signal })
}

export function confirmPayment(paymentId: string, password: string): Promise<Payment> {
  return callRoute('confirmPayment', { params: { paymentId }, body: { password } })
}

export function fetchWallet(signal?: AbortSignal): Promise<Wallet> {
  return callRoute('wallet', { signal })
}

/** Another app's pay sheet (UnionPay's, WeChat's), reached by the payment's `payToken`. */
export function fetchPaySheet(token: string, signal?: AbortSignal): Promise<PaySheet> {
  return callRoute('getSheet', { params: { token }, signal })
}

/** The sheet is on screen: the payment waits for its payer (USERPAYING). */
export function openPaySheet(token: string): Promise<PaySheet> {
  return callRoute('openSheet', { params: { token } })
}

export function confirmPaySheet(token: string, password: string): Promise<Payment> {
  return callRoute('confirmSheet', { params: { token }, body: { password } })
}

/** 忘记密码？'s simulated reset: the realm's payments unlock (a real wallet would verify who you are). */
export function resetPassword(realm: PasswordRealm): Promise<PasswordStatus> {
  return callRoute('resetPassword', { body: { realm } })
}
