import type { AlipaySource, AlipayTradeSheet } from '@/contract/alipay-test.ts'
import { callRoute } from './call.ts'

/** A merchant's Alipay trade (the OpenAPI sandbox) as the simulated cashier and 支付宝 app show it. */

export function fetchAlipayTrade(token: string, signal?: AbortSignal): Promise<AlipayTradeSheet> {
  return callRoute('alipayTrade', { params: { token }, signal })
}

/** The buyer has seen it (scanned the code, opened the cashier): WAIT_BUYER_PAY. */
export function openAlipayTrade(token: string, signal?: AbortSignal): Promise<AlipayTradeSheet> {
  return callRoute('alipayOpenTrade', { params: { token }, signal })
}

export function payAlipayTrade(
  token: string,
  method: AlipaySource,
  password: string,
): Promise<{ trade: AlipayTradeSheet; tradeNo: string }> {
  return callRoute('alipayPayTrade', { params: { token }, body: { method, password } })
}
