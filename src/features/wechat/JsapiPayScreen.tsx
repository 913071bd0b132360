import { useLocation } from 'react-router'
import { jsapiPayOf } from '@/contract/merchant-pay-paths.ts'
import type { MerchantPayEnd } from './merchant-pay-flow.ts'
import { MerchantPayScreen } from './MerchantPayScreen.tsx'

/** What the frame tells WeixinJSBridge's stand-in (public/wechat/jsbridge.js) when the sheet is done. */
export const JSBRIDGE_MESSAGE = 'wechat-jsbridge:getBrandWCPayRequest'

/**
 * getBrandWCPayRequest's pay sheet, in the frame that /wechat/jsbridge.js opens over the merchant's page:
 * WeChat checks paySign (a bad one is `fail`), the shopper pays (`ok`) or closes it (`cancel`), and the
 * answer goes to the page that opened it, as `get_brand_wcpay_request:<end>`.
 */
export function JsapiPayScreen() {
  const { search } = useLocation()
  const { fields, origin } = jsapiPayOf(search)
  const answer = (end: MerchantPayEnd) => {
    if (!origin || window.parent === window) return
    window.parent.postMessage(
      { type: JSBRIDGE_MESSAGE, err_msg: `get_brand_wcpay_request:${end}` },
      origin,
    )
  }
  return <MerchantPayScreen origin={{ kind: 'brand', fields }} mode="jsapi" onLeave={answer} />
}
