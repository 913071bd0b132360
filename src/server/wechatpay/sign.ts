import { sign, verify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { randomBytes } from '../store/ids.ts'

// APIv3's signatures, both ways, as pay.weixin.qq.com specifies them ("签名认证"): the merchant signs
// `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n` with its API key; the platform signs
// `TIMESTAMP\nNONCE\nBODY\n` of every answer and notification. SHA256withRSA, base64.

export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048'
/** A request signed more than this far from the wall clock is refused (WeChat: 5 minutes). */
export const MAX_SKEW_S = 300

export interface Authorization {
  mchid: string
  nonce: string
  signature: string
  timestamp: string
  serialNo: string
}

const FIELD = /([a-z_]+)=(?:"([^"]*)"|([^,\s"]*))/g

/** The `Authorization` header's fields, or why it is not one. */
export function parseAuthorization(header: string | undefined): Authorization | string {
  if (!header) return 'the Authorization header is missing'
  const space = header.indexOf(' ')
  const schema = space < 0 ? header : header.slice(0, space)
  if (schema !== AUTH_SCHEMA) return `the Authorization schema must be ${AUTH_SCHEMA}`
  const fields = new Map<string, string>()
  for (const match of header.slice(space + 1).matchAll(FIELD)) {
    if (match[1]) fields.set(match[1], match[2] ?? match[3] ?? '')
  }
  const get = (name: string) => fields.get(name) ?? ''
  const auth: Authorization = {
    mchid: get('mchid'),
    nonce: get('nonce_str'),
    signature: get('signature'),
    timestamp: get('timestamp'),
    serialNo: get('serial_no'),
  }
  const missing = Object.entries({
    mchid: auth.mchid,
    nonce_str: auth.nonce,
    signature: auth.signature,
    timestamp: auth.timestamp,
    serial_no: auth.serialNo,
  }).find(([, value]) => value === '')
  if (missing) return `the Authorization header has no ${missing[0]}`
  if (!/^\d{1,12}$/.test(auth.timestamp)) return 'timestamp must be Unix seconds'
  return auth
}

/** What a merchant signs: the request line, its time and nonce, the body (empty for a GET). */
export function requestMessage(
  method: string,
  target: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  return `${method}\n${target}\n${timestamp}\n${nonce}\n${body}\n`
}

/** What the platform signs: an answer's or a notification's time, nonce and exact body. */
export function answerMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`
}

export function signMessage(message: string, key: KeyObject): string {
  return sign('sha256', Buffer.from(message), key).toString('base64')
}

export function verifyMessage(message: string, signature: string, key: KeyObject): boolean {
  try {
    return verify('sha256', Buffer.from(message), key, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A nonce of `n` letters and digits. */
export function nonceString(n = 32): string {
  let out = ''
  for (const byte of randomBytes(n)) out += ALNUM[byte % 62]
  return out
}

/** Unix seconds of the real wall clock (never a world's test clock). */
export const wallSeconds = (): number => Math.floor(Date.now() / 1000)

/** The message of wx.requestPayment's paySign (JSAPI) or the APP SDK's sign: four lines. */
export function paySignMessage(
  appId: string,
  timeStamp: string,
  nonceStr: string,
  packageOrPrepayId: string,
): string {
  return `${appId}\n${timeStamp}\n${nonceStr}\n${packageOrPrepayId}\n`
}
