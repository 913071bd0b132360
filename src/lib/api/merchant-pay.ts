import type { FundingSource } from '@/contract/payment.ts'
import type { BrandPayBody, MerchantPaid, MerchantSheet } from '@/contract/wechatpay-sheet.ts'
import { callRoute } from './call.ts'

/** A merchant's WeChat Pay order (APIv3 sandbox) as WeChat's pay sheet shows it: /api/pay. */

export function fetchMerchantSheet(token: string, signal?: AbortSignal): Promise<MerchantSheet> {
  return callRoute('merchantSheet', { params: { token }, signal })
}

/** getBrandWCPayRequest: WeChat checks paySign, then shows the JSAPI order's sheet. */
export function verifyBrandPay(body: BrandPayBody, signal?: AbortSignal): Promise<MerchantSheet> {
  return callRoute('verifyBrandPay', { body, signal })
}

export function confirmMerchantSheet(
  token: string,
  password: string,
  source: FundingSource,
): Promise<MerchantPaid> {
  const wechat = source === 'wechat-card' ? 'wechat-card' : 'wechat-balance'
  return callRoute('confirmMerchantSheet', {
    params: { token },
    body: { password, source: wechat },
  })
}
