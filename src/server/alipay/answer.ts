import type { Context } from 'hono'
import { randomUUID } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { MAX_BODY_BYTES } from '../wechatpay/middleware.ts'
import { v2Answer, v3AnswerHeaders } from './sign.ts'

// How the Alipay sandbox answers: v2's signed `{ "<method>_response": …, "sign" }` with Alipay's public
// code / msg / sub_code / sub_msg, v3's JSON with its signature headers, and a bounded body reader.

/** Alipay's common answer codes and their `msg`. */
export const V2_CODES = {
  '10000': 'Success',
  '20000': 'Service Currently Unavailable',
  '40001': 'Missing Required Arguments',
  '40002': 'Invalid Arguments',
  '40004': 'Business Failed',
} as const
export type V2Code = keyof typeof V2_CODES

export interface V2Refusal {
  code: Exclude<V2Code, '10000'>
  subCode: string
  subMsg: string
}

/** The JSON key an answer's fields go under: `alipay_trade_query_response`, or `error_response`. */
export function responseKeyOf(method: string | null): string {
  return method ? `${method.replaceAll('.', '_')}_response` : 'error_response'
}

/** A v2 answer, signed with Alipay's key (refusals too): 200 whatever the code, as Alipay answers. */
export function v2Respond(
  c: Context,
  method: string | null,
  result: { fields: Record<string, unknown> } | V2Refusal,
  key: KeyObject,
): Response {
  const inner =
    'fields' in result
      ? { code: '10000', msg: V2_CODES['10000'], ...result.fields }
      : {
          code: result.code,
          msg: V2_CODES[result.code],
          sub_code: result.subCode,
          sub_msg: result.subMsg,
        }
  const body = v2Answer(responseKeyOf(method), inner, key)
  return c.body(body, 200, { 'content-type': 'application/json;charset=utf-8' })
}

/** A v3 answer: JSON (an error `{ code, message }` with its 4xx), signed in its headers. */
export function v3Respond(
  c: Context,
  status: 200 | 400 | 401 | 404 | 500,
  json: unknown,
  key: KeyObject,
): Response {
  const body = JSON.stringify(json)
  return c.body(body, status, {
    'content-type': 'application/json;charset=utf-8',
    'alipay-trace-id': randomUUID().replaceAll('-', ''),
    ...v3AnswerHeaders(body, key),
  })
}

/** The body as sent, at most MAX_BODY_BYTES (null past it). */
export async function readBoundedText(c: Context): Promise<string | null> {
  const declared = c.req.header('content-length')
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) return null
  const stream = c.req.raw.body
  if (!stream) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > MAX_BODY_BYTES) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
