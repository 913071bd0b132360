/**
 * The addresses of a merchant's WeChat Pay orders (APIv3 sandbox, docs/wechatpay.md) that only the
 * simulated WeChat reads: the H5 cashier's search, WeixinJSBridge's pay sheet frame. Apart from paths.ts
 * so they stay out of the first screen's JavaScript. It imports only paths.ts.
 */
import { merchantPayToken, WECHAT_HOME } from './paths.ts'

const JSAPI_PAY_PATH = `${WECHAT_HOME}/jsapi`
/** getBrandWCPayRequest's flat fields, as WeixinJSBridge's stand-in (/wechat/jsbridge.js) sends them. */
export const BRAND_PAY_FIELDS = [
  'appId',
  'timeStamp',
  'nonceStr',
  'package',
  'signType',
  'paySign',
] as const
export type BrandPayFields = Record<(typeof BRAND_PAY_FIELDS)[number], string>

/** An `http(s)` URL (a merchant's `redirect_url`, a page's origin), or null: nothing else is followed. */
function webUrl(text: string | null): URL | null {
  if (!text) return null
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

/** What the H5 cashier's search says: the prepay_id and where to return (an http(s) URL, or null). */
export function h5PayOf(search: string): { token: string; redirectUrl: string | null } {
  const redirect = webUrl(new URLSearchParams(search).get('redirect_url'))
  return { token: merchantPayToken(search), redirectUrl: redirect ? redirect.href : null }
}

/** WeixinJSBridge's pay sheet, in a frame over the merchant's page (`origin`: that page's). */
export function wechatJsapiPath(fields: BrandPayFields, origin: string): string {
  const query = new URLSearchParams()
  for (const name of BRAND_PAY_FIELDS) query.set(name, fields[name])
  query.set('origin', origin)
  return `${JSAPI_PAY_PATH}?${query.toString()}`
}

/** The pay sheet frame's search: the fields (missing ones empty) and the page to answer (or null). */
export function jsapiPayOf(search: string): { fields: BrandPayFields; origin: string | null } {
  const query = new URLSearchParams(search)
  const fields = {} as BrandPayFields
  for (const name of BRAND_PAY_FIELDS) fields[name] = query.get(name) ?? ''
  return { fields, origin: webUrl(query.get('origin'))?.origin ?? null }
}
