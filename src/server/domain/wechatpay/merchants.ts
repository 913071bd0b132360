import type { RegisterMerchantBody } from '../../../contract/wechatpay-test.ts'
import { accept, iso } from '../result.ts'
import type { Decision } from '../result.ts'
import type { V3MerchantRecord, WechatpayState } from './state.ts'

/** Registers (or updates) a merchant's own key in this world. Uniqueness across worlds is the adapter's. */
export function registerMerchant(
  state: WechatpayState,
  body: RegisterMerchantBody,
  now: number,
): Decision<V3MerchantRecord> {
  const merchant: V3MerchantRecord = {
    mchid: body.mchid,
    appid: body.appid ?? null,
    serialNo: body.serialNo.toUpperCase(),
    publicKeyPem: body.publicKeyPem,
    apiV3Key: body.apiV3Key,
    name: body.name ?? `商户 ${body.mchid}`,
    mode: body.mode ?? 'publicKey',
    codeUrl: body.codeUrl ?? 'weixin',
    registeredAt: state.merchants.get(body.mchid)?.registeredAt ?? iso(now),
  }
  return accept(merchant, [{ type: 'wechatpay.merchant.registered', merchant }])
}
