import type { AlipayTradeRecord } from '../domain/alipay/state.ts'
import type { AlipayKeys } from './keys.ts'
import { signedParams } from './sign.ts'
import { returnParams } from './views.ts'

/**
 * Where the simulated cashier sends the browser back once a wap.pay / page.pay trade is paid: its
 * return_url with Alipay's synchronous return parameters, signed as notifications are (the merchant
 * checks them with checkNotifySignV2, then asks alipay.trade.query, never trusting them alone). Null
 * while unpaid, or without a return_url.
 */
export function alipayReturnUrl(
  trade: AlipayTradeRecord,
  keys: AlipayKeys,
  now: number,
): string | null {
  if (!trade.returnUrl || !trade.paidAt || trade.product === 'QR') return null
  const method = trade.product === 'WAP' ? 'alipay.trade.wap.pay' : 'alipay.trade.page.pay'
  const query = new URLSearchParams(
    signedParams(returnParams(trade, method, now), keys.alipay.privateKey),
  )
  return `${trade.returnUrl}${trade.returnUrl.includes('?') ? '&' : '?'}${query.toString()}`
}
