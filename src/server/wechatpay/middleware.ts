import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { StorageUnavailableError } from '../store/disk.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import type { MerchantIdentity } from './directory.ts'
import type { PlatformKeys } from './keys.ts'
import { serialFor } from './notify.ts'
import { signAnswer, systemError, v3fail, v3refusal } from './respond.ts'
import {
  MAX_SKEW_S,
  parseAuthorization,
  requestMessage,
  verifyMessage,
  wallSeconds,
} from './sign.ts'

/** Requests a second per mchid, refilled continuously (on the wall clock). */
export class RateLimiter {
  readonly #rate: number
  readonly #buckets = new Map<string, { tokens: number; at: number }>()

  constructor(perSecond: number) {
    this.#rate = perSecond
  }

  take(key: string, now = Date.now()): boolean {
    const bucket = this.#buckets.get(key) ?? { tokens: this.#rate, at: now }
    bucket.tokens = Math.min(this.#rate, bucket.tokens + ((now - bucket.at) / 1000) * this.#rate)
    bucket.at = now
    this.#buckets.set(key, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens -= 1
    return true
  }
}

/** Bodies are limited as on /api. */
export const MAX_BODY_BYTES = 64 * 1024

/**
 * The body as sent (what the signature covers), at most MAX_BODY_BYTES (null past it), kept for the
 * route's JSON validation to read again.
 */
async function readBody(c: Context): Promise<string | null> {
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
  const text = Buffer.concat(chunks).toString('utf8')
  // Hono keeps read bodies as promises (its type says otherwise): the route's c.req.json() reads this.
  ;(c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text)
  return text
}

/** The request-target as the client sent it and signed it: path and query, undecoded. */
function targetOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2)
  return start < 0 ? '/' : url.slice(start)
}

/** Which key the answer is signed for: the one the request's Wechatpay-Serial names, else the merchant's mode. */
function answerSerial(
  c: Context,
  platform: PlatformKeys,
  merchant: MerchantIdentity | undefined,
): string {
  const asked = c.req.header('wechatpay-serial')?.toUpperCase()
  if (asked === platform.publicKeyId.toUpperCase()) return platform.publicKeyId
  if (asked === platform.serialNo) return platform.serialNo
  return serialFor(platform, merchant?.mode ?? 'publicKey')
}

const SIGN_MESSAGE = '签名错误，请检查后再试'

/**
 * Every /v3 call: the Authorization checked as WeChat checks it (schema, the merchant's registered key
 * and serial, a timestamp within 5 minutes of the wall clock, the signature over method, path, time,
 * nonce and the exact body), then the call lands in the merchant's world; every answer leaves signed
 * with the platform key, refusals and empty 204s included.
 */
export function v3Gate(deps: AppDeps) {
  const limiter = new RateLimiter(deps.wechatpayQps)
  const { directory } = deps.worlds
  return createMiddleware<AppEnv>(async (c, next) => {
    const platform = directory.keys.platform
    const method = c.req.method
    const auth = parseAuthorization(c.req.header('authorization'))
    const merchant = typeof auth === 'string' ? undefined : directory.lookup(auth.mchid)
    const signed = (res: Response) => signAnswer(res, platform, answerSerial(c, platform, merchant))
    const seen = (signature: 'ok' | 'bad' | 'none') => {
      if (merchant)
        c.set('callSeen', { world: merchant.world, merchant: merchant.mchid, signature })
    }
    seen('none')
    const read = method === 'GET' || method === 'HEAD' ? '' : await readBody(c)
    if (read === null) {
      return signed(v3fail(c, v3refusal('PARAM_ERROR', `请求体不能超过 ${MAX_BODY_BYTES} 字节`)))
    }
    const target = targetOf(c.req.url)
    const message =
      typeof auth === 'string'
        ? null
        : requestMessage(method, target, auth.timestamp, auth.nonce, read)
    // WeChat's SIGN_ERROR says what it verified: the start of the message, its length.
    const signError = (issue: string, field = 'authorization') => {
      seen('bad')
      return signed(
        v3fail(
          c,
          v3refusal('SIGN_ERROR', SIGN_MESSAGE, {
            field,
            location: 'authorization',
            issue,
            ...(message === null
              ? {}
              : {
                  sign_information: {
                    method,
                    url: target,
                    truncated_sign_message: message.slice(0, 300),
                    sign_message_length: message.length,
                  },
                }),
          }),
        ),
      )
    }
    if (typeof auth === 'string' || message === null) return signError(String(auth))
    if (!merchant) {
      return signError(
        `mchid ${auth.mchid} is no merchant of this sandbox (register it, or use a world's demo mchid)`,
        'mchid',
      )
    }
    if (auth.serialNo.toUpperCase() !== merchant.serialNo) {
      return signError(
        `serial_no ${auth.serialNo} is not the certificate registered for mchid ${merchant.mchid}`,
        'serial_no',
      )
    }
    const skew = Math.abs(wallSeconds() - Number(auth.timestamp))
    if (skew > MAX_SKEW_S) {
      return signError(
        `timestamp ${auth.timestamp} is ${skew} s from now (at most ${MAX_SKEW_S})`,
        'timestamp',
      )
    }
    if (!verifyMessage(message, auth.signature, merchant.publicKey)) {
      return signError("the signature does not verify with the merchant's key", 'signature')
    }
    seen('ok')
    if (!limiter.take(merchant.mchid)) {
      return signed(v3fail(c, v3refusal('FREQUENCY_LIMITED', '频率超限，请降低请求频率')))
    }
    const world = deps.worlds.get(merchant.world)
    if (!world) return signed(systemError(c, `the world of mchid ${merchant.mchid} is gone`))
    const fault = world.faults.takeWechatpayFault(merchant.mchid)
    if (fault) {
      return signed(
        v3fail(
          c,
          v3refusal(fault, `simulated fault: ${fault}`, {
            issue:
              'POST /api/__test/merchants/:id/fail-next or /api/__test/faults wechatpayFailNext',
          }),
        ),
      )
    }
    c.set('world', world)
    c.set('v3', { merchant, raw: read })
    world.store.closeExpired()
    await next()
    try {
      await world.store.durable()
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error
      c.res = undefined
      c.res = systemError(c, 'the journal cannot be written right now: nothing was changed')
    }
    const answer = await signed(c.res)
    c.res = undefined
    c.res = answer
  })
}

/** An error thrown under /v3, or a path it does not have: WeChat's shape, signed. */
export function v3Trouble(deps: AppDeps) {
  return {
    error: async (error: Error, c: Context<AppEnv>) => {
      if (!(error instanceof StorageUnavailableError)) {
        deps.log(`unexpected error on ${c.req.method} ${c.req.path}`, error)
      }
      return systemError(
        c,
        error instanceof StorageUnavailableError ? error.message : 'unexpected server error',
      )
    },
    notFound: async (c: Context) => {
      const platform = deps.worlds.directory.keys.platform
      const res = v3fail(c, v3refusal('NOT_FOUND', `没有这个接口: ${c.req.method} ${c.req.path}`))
      return signAnswer(res, platform, answerSerial(c, platform, undefined))
    },
  }
}
