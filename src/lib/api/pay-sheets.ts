import type { Bill, FundingSource, Payment } from '@/contract/payment.ts'
import { api } from './client.ts'

/** WeChat's pay sheet confirmed with a chosen source (零钱 or the card), and wallet bills: /api/pay. */

const paymentSchema = async () => (await import('@/contract/payment.ts')).PaymentSchema
const billListSchema = async () => (await import('@/contract/payment.ts')).BillListSchema

export function confirmSheetWith(
  token: string,
  password: string,
  source: FundingSource,
): Promise<Payment> {
  return api(`/pay/sheets/${encodeURIComponent(token)}/confirm`, paymentSchema, {
    method: 'POST',
    body: { password, source },
  })
}

/** The persona's bills in one app (WeChat's 账单), newest first. */
export async function fetchBills(
  app: 'wechat' | 'alipay' | 'unionpay',
  signal?: AbortSignal,
): Promise<Bill[]> {
  return (await api(`/pay/bills?app=${app}`, billListSchema, { signal })).bills
}
