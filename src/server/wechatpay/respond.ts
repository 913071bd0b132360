import type { Context } from 'hono'
import type { z } from 'zod'
import { V3_ERROR_STATUS } from '../../contract/wechatpay.ts'
import type { V3Error, V3ErrorCode } from '../../contract/wechatpay.ts'
import type { DomainError } from '../domain/result.ts'
import type { V3Refusal } from '../domain/wechatpay/outcome.ts'
import type { Refusals } from '../http/route-table.ts'
import type { PlatformKeys } from './keys.ts'
import { answerMessage, nonceString, signMessage, wallSeconds } from './sign.ts'

/** A WeChat-shaped refusal: `{ code, message, detail? }` with the code's own status. */
export function v3fail(c: Context, refusal: V3Refusal): Response {
  const body: V3Error = { code: refusal.code, message: refusal.message }
  if (refusal.detail) body.detail = refusal.detail
  return c.json(body, V3_ERROR_STATUS[refusal.code])
}

export function v3refusal(
  code: V3ErrorCode,
  message: string,
  detail?: Record<string, unknown>,
): V3Refusal {
  return detail ? { code, message, detail } : { code, message }
}

/** The store's own refusals (the journal failing, a full world): WeChat's SYSTEM_ERROR. */
export function systemError(c: Context, error: DomainError | string): Response {
  const why = typeof error === 'string' ? error : `${error.code}: ${error.message}`
  return v3fail(c, v3refusal('SYSTEM_ERROR', '系统错误，请稍后重试', { issue: why }))
}

/** zod's first problem as WeChat words a PARAM_ERROR: the field as a JSON pointer, where it was. */
function paramDetail(where: 'query' | 'body', error: z.ZodError): Record<string, unknown> {
  const issue = error.issues[0]
  const field = issue ? `/${issue.path.map(String).join('/')}` : '/'
  return { field, location: where, issue: issue?.message ?? 'invalid' }
}

export const v3Refusals: Refusals = {
  invalid: (c, where, problem) =>
    v3fail(
      c,
      typeof problem === 'string'
        ? v3refusal('PARAM_ERROR', `输入源“/${where}”格式错误`, { location: where, issue: problem })
        : v3refusal(
            'PARAM_ERROR',
            `输入源“/${where}${paramDetail(where, problem).field}”校验失败`,
            paramDetail(where, problem),
          ),
    ),
}

/**
 * The answer as sent, signed over its exact bytes (an empty 204 too): `Wechatpay-Timestamp` (the wall
 * clock), `-Nonce`, `-Serial` (the public key's id or the certificate's serial), `-Signature`.
 */
export async function signAnswer(
  res: Response,
  platform: PlatformKeys,
  serial: string,
): Promise<Response> {
  const body = res.status === 204 || res.body === null ? '' : await res.text()
  const timestamp = String(wallSeconds())
  const nonce = nonceString(32)
  const headers = new Headers(res.headers)
  headers.set('Wechatpay-Nonce', nonce)
  headers.set('Wechatpay-Serial', serial)
  headers.set('Wechatpay-Timestamp', timestamp)
  headers.set(
    'Wechatpay-Signature',
    signMessage(answerMessage(timestamp, nonce, body), platform.privateKey),
  )
  if (!headers.has('Request-ID')) headers.set('Request-ID', nonceString(40))
  return new Response(res.status === 204 ? null : body, { status: res.status, headers })
}
