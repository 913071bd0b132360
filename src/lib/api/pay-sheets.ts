import type { Bill, FundingSource, Payment } from '@/contract/payment.ts'
import { callRoute } from './call.ts'

/** WeChat's pay sheet confirmed with a chosen source (零钱 or the card), and wallet bills: /api/pay. */

export function confirmSheetWith(
  token: string,
  password: string,
  source: FundingSource,
): Promise<Payment> {
  return callRoute('confirmSheet', { params: { token }, body: { password, source } })
}

/** The persona's bills in one app (WeChat's 账单), newest first. */
export async function fetchBills(
  app: 'wechat' | 'alipay' | 'unionpay',
  signal?: AbortSignal,
): Promise<Bill[]> {
  return (await callRoute('bills', { query: { app }, signal })).bills
}
