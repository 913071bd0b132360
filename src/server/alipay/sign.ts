import { createSign, createVerify, randomUUID } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

// Alipay's signatures, as alipay-sdk makes and checks them (node_modules/alipay-sdk/src/util.ts and
// alipay.ts): RSA2 (SHA256withRSA, base64) over
// - v2 requests: every parameter but `sign`, sorted by name, `k=v` joined by `&`, values as sent;
// - v2 answers: the exact JSON text of `<method>_response`'s value;
// - notifications and return_url parameters: as requests, without `sign` and `sign_type`;
// - v3 requests: `app_id=…,nonce=…,timestamp=…\nMETHOD\nPATH?QUERY\nBODY\n`;
// - v3 answers: `TIMESTAMP\nNONCE\nBODY\n` (headers alipay-timestamp, alipay-nonce, alipay-signature).

export function rsa2Sign(message: string, key: KeyObject): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(key, 'base64')
}

export function rsa2Verify(message: string, signature: string, key: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(key, signature, 'base64')
  } catch {
    return false
  }
}

/** `k=v&…` of `params` sorted by name, leaving out `omit` (and, unless `keepEmpty`, empty values). */
export function signContent(
  params: Record<string, string>,
  omit: readonly string[],
  keepEmpty = true,
): string {
  return Object.keys(params)
    .filter((k) => !omit.includes(k) && (keepEmpty || params[k] !== ''))
    .sort()
    .map((k) => `${k}=${params[k] ?? ''}`)
    .join('&')
}

/**
 * Whether a v2 request's `sign` verifies. The SDK signs every parameter it sends, `sign_type` and empty
 * ones included; Alipay's documentation leaves empty ones out: either verifies.
 */
export function verifyRequest(params: Record<string, string>, key: KeyObject): boolean {
  const signature = params.sign ?? ''
  return (
    rsa2Verify(signContent(params, ['sign']), signature, key) ||
    rsa2Verify(signContent(params, ['sign'], false), signature, key)
  )
}

/** Notification and return parameters with their `sign` (over all but sign and sign_type). */
export function signedParams(
  params: Record<string, string>,
  key: KeyObject,
  tamper = false,
): Record<string, string> {
  const content = signContent(params, ['sign', 'sign_type'], false)
  return { ...params, sign: rsa2Sign(tamper ? `${content} ` : content, key) }
}

/** v2's answer body: `{"<key>":<inner>,"sign":"…"}` signed over the inner JSON text exactly. */
export function v2Answer(responseKey: string, inner: unknown, key: KeyObject): string {
  const text = JSON.stringify(inner)
  return `{"${responseKey}":${text},"sign":"${rsa2Sign(text, key)}"}`
}

/** What an `ALIPAY-SHA256withRSA` Authorization says, or why it cannot be read. */
export interface V3Authorization {
  appId: string
  nonce: string
  /** Milliseconds, as the SDK writes it. */
  timestamp: string
  /** What was signed before the request line: the header's fields up to `sign`, as sent. */
  authString: string
  signature: string
  expiredSeconds: number | null
}

export function parseV3Authorization(header: string | undefined): V3Authorization | string {
  const scheme = 'ALIPAY-SHA256withRSA '
  if (!header?.startsWith(scheme)) return `the Authorization header must start ${scheme.trim()}`
  const rest = header.slice(scheme.length)
  const at = rest.lastIndexOf(',sign=')
  if (at < 0) return 'the Authorization header has no sign'
  const authString = rest.slice(0, at)
  const fields = new Map<string, string>()
  for (const part of authString.split(',')) {
    const eq = part.indexOf('=')
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  const appId = fields.get('app_id')
  const nonce = fields.get('nonce')
  const timestamp = fields.get('timestamp')
  if (!appId || !nonce || !timestamp)
    return 'the Authorization header needs app_id, nonce and timestamp'
  if (!/^\d{13}$/.test(timestamp)) return 'timestamp must be milliseconds since 1970'
  const expired = fields.get('expired_seconds')
  return {
    appId,
    nonce,
    timestamp,
    authString,
    signature: rest.slice(at + ',sign='.length),
    expiredSeconds: expired && /^\d{1,6}$/.test(expired) ? Number(expired) : null,
  }
}

export function v3RequestMessage(
  auth: V3Authorization,
  method: string,
  target: string,
  body: string,
): string {
  return `${auth.authString}\n${method}\n${target}\n${body}\n`
}

/** The headers a v3 answer carries: its signature over timestamp, nonce and the exact body. */
export function v3AnswerHeaders(body: string, key: KeyObject): Record<string, string> {
  const timestamp = String(Date.now())
  const nonce = randomUUID().replaceAll('-', '')
  const signature = rsa2Sign(`${timestamp}\n${nonce}\n${body}\n`, key)
  return { 'alipay-timestamp': timestamp, 'alipay-nonce': nonce, 'alipay-signature': signature }
}

/** Alipay's times: Beijing time, `yyyy-MM-dd HH:mm:ss`. */
export function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ')
}
