import type { Cashier, CreatePaymentBody, Payment, PaySheet, Wallet } from '@/contract/payment.ts'
import { useServerClock } from '../clock.ts'
import { api, apiTimed } from './client.ts'

/** The payment gateway's side: /api/pay. */

const cashierSchema = async () => (await import('@/contract/payment.ts')).CashierSchema
const paymentSchema = async () => (await import('@/contract/payment.ts')).PaymentSchema
const walletSchema = async () => (await import('@/contract/payment.ts')).WalletSchema
const sheetSchema = async () => (await import('@/contract/payment.ts')).PaySheetSchema

export async function fetchCashier(orderId: string, signal?: AbortSignal): Promise<Cashier> {
  const res = await apiTimed(`/pay/cashier?orderId=${encodeURIComponent(orderId)}`, cashierSchema, {
    signal,
  })
  useServerClock.getState().learn(res.value.now, res.sentAt, res.receivedAt)
  return res.value
}

export function createPayment(body: CreatePaymentBody, idempotencyKey: string): Promise<Payment> {
  return api('/pay/payments', paymentSchema, { method: 'POST', body, idempotencyKey })
}

export function fetchPayment(paymentId: string, signal?: AbortSignal): Promise<Payment> {
  return api(`/pay/payments/${encodeURIComponent(paymentId)}`, paymentSchema, { signal })
}

export function confirmPayment(paymentId: string, password: string): Promise<Payment> {
  return api(`/pay/payments/${encodeURIComponent(paymentId)}/confirm`, paymentSchema, {
    method: 'POST',
    body: { password },
  })
}

export function fetchWallet(signal?: AbortSignal): Promise<Wallet> {
  return api('/pay/wallet', walletSchema, { signal })
}

/** Another app's pay sheet (UnionPay's, WeChat's), reached by the payment's `payToken`. */
export function fetchPaySheet(token: string, signal?: AbortSignal): Promise<PaySheet> {
  return api(`/pay/sheets/${encodeURIComponent(token)}`, sheetSchema, { signal })
}

/** The sheet is on screen: the payment waits for its payer (USERPAYING). */
export function openPaySheet(token: string): Promise<PaySheet> {
  return api(`/pay/sheets/${encodeURIComponent(token)}/open`, sheetSchema, { method: 'POST' })
}

export function confirmPaySheet(token: string, password: string): Promise<Payment> {
  return api(`/pay/sheets/${encodeURIComponent(token)}/confirm`, paymentSchema, {
    method: 'POST',
    body: { password },
  })
}
