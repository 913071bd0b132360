import { performance } from 'node:perf_hooks'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { ConsoleCall, ConsoleRefs } from '../../contract/console.ts'
import { iso } from '../domain/result.ts'
import type { AppDeps, AppEnv, CallSeen } from '../http/env.ts'
import { cutBody, headerRecord } from './deliveries.ts'
import type { NewEntry } from './entry.ts'

// Every inbound call of an external merchant (WeChat Pay's /v3, Alipay's /gateway.do and /v3/alipay),
// logged in the world of the merchant that signed it, once it is answered: what came, what went back,
// how long it took, and what the signature check said. A call no world can be told of (no merchant of
// this sandbox) is logged nowhere.

type Json = Record<string, unknown>

function parse(text: string): Json | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Json)
      : null
  } catch {
    return null
  }
}

/** Alipay v2's parameters (query and form) with biz_content's fields; v3's and WeChat's JSON bodies. */
function requestFields(path: string, body: string): Json {
  const query = path.includes('?') ? new URLSearchParams(path.slice(path.indexOf('?') + 1)) : null
  const form = body.startsWith('{') ? null : new URLSearchParams(body)
  const params: Json = {}
  for (const source of [query, form]) if (source) for (const [k, v] of source) params[k] = v
  const biz = typeof params.biz_content === 'string' ? parse(params.biz_content) : null
  return { ...params, ...biz, ...(body.startsWith('{') ? parse(body) : null) }
}

/** The answer's fields: WeChat's and Alipay v3's JSON, Alipay v2's `<method>_response`. */
function answerFields(body: string): Json {
  const json = parse(body) ?? {}
  const inner = Object.entries(json).find(([key]) => key.endsWith('_response'))?.[1]
  return typeof inner === 'object' && inner !== null ? { ...json, ...(inner as Json) } : json
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

/** The ids a call names, from its path, its body and its answer. */
export function callRefs(
  merchant: string,
  path: string,
  body: string,
  answer: string,
): ConsoleRefs {
  const sent = requestFields(path, body)
  const got = answerFields(answer)
  const inPath = (name: string) => new RegExp(`/${name}/([^/?]+)`).exec(path)?.[1]
  const outTradeNo = text(sent.out_trade_no) ?? text(got.out_trade_no) ?? inPath('out-trade-no')
  const transactionId =
    text(got.transaction_id) ??
    text(sent.transaction_id) ??
    text(got.trade_no) ??
    text(sent.trade_no) ??
    inPath('id')
  const refundId =
    text(got.refund_id) ??
    text(sent.out_refund_no) ??
    text(sent.out_request_no) ??
    inPath('refunds')
  const codeUrl = text(got.code_url)
  const token = text(got.prepay_id) ?? (codeUrl ? /[?&]pr=([^&]+)/.exec(codeUrl)?.[1] : undefined)
  const refs: ConsoleRefs = { merchant }
  if (outTradeNo) Object.assign(refs, { outTradeNo, orderId: outTradeNo })
  if (transactionId) refs.transactionId = transactionId
  if (refundId) refs.refundId = refundId
  if (token) refs.token = token
  return refs
}

/** The request-target as sent: path and query. */
function targetOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2)
  return start < 0 ? '/' : url.slice(start)
}

/** The body a gate read (and kept for the route to read again); a GET's is empty. */
async function bodyRead(c: Context): Promise<string> {
  const cached = (c.req.bodyCache as { text?: Promise<string> }).text
  return cached ? await cached : ''
}

export function callEntry(call: ConsoleCall, at: number, refs: ConsoleRefs): NewEntry {
  return {
    at: iso(at),
    kind: 'call',
    type: 'call',
    summary: `${call.method} ${call.path.split('?')[0]} → ${call.status} (${refs.merchant}, signature ${call.signature}, ${Math.round(call.ms)} ms)`,
    refs,
    detail: call,
  }
}

/** Logs each call of `api` that a gate placed in a world (`callSeen`), once it is answered. */
export function recordCalls(deps: Pick<AppDeps, 'worlds'>, api: ConsoleCall['api']) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now()
    await next()
    const seen = c.get('callSeen') as CallSeen | undefined
    const world = seen && deps.worlds.get(seen.world)
    if (!seen || !world) return
    const res = c.res
    const requestBody = await bodyRead(c)
    const responseBody = res.body ? await res.clone().text() : ''
    const path = targetOf(c.req.url)
    const call: ConsoleCall = {
      api,
      method: c.req.method,
      path,
      status: res.status,
      ms: performance.now() - started,
      signature: seen.signature,
      requestHeaders: headerRecord(c.req.raw.headers),
      requestBody: cutBody(requestBody),
      responseHeaders: headerRecord(res.headers),
      responseBody: cutBody(responseBody),
    }
    const refs = callRefs(seen.merchant, path, requestBody, responseBody)
    world.console.add(callEntry(call, world.store.now(), refs))
  })
}
