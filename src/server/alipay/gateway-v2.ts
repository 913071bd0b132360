import type { Context } from 'hono'
import type { z } from 'zod'
import {
  ALIPAY_METHODS,
  ALIPAY_PAGE_METHODS,
  CreateTradeBizSchema,
  RefundBizSchema,
  RefundQueryBizSchema,
  TradeRefSchema,
} from '../../contract/alipay.ts'
import type { AlipayMethod } from '../../contract/alipay.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { describe } from '../http/respond.ts'
import { StorageUnavailableError } from '../store/disk.ts'
import { readBoundedText, v2Respond } from './answer.ts'
import type { V2Refusal } from './answer.ts'
import { signContent, verifyRequest } from './sign.ts'
import { closeOp, createOp, queryOp, refundOp, refundQueryOp } from './trade-ops.ts'
import type { OpContext, OpResult } from './trade-ops.ts'

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/
const isMethod = (m: string): m is AlipayMethod => (ALIPAY_METHODS as readonly string[]).includes(m)

/** Every parameter of a v2 call: the URL's (where the SDK puts the common ones) and a form body's. */
async function paramsOf(c: Context): Promise<Record<string, string> | string> {
  const params: Record<string, string> = {}
  for (const [k, v] of new URL(c.req.url).searchParams) params[k] = v
  if (c.req.method !== 'POST') return params
  const text = await readBoundedText(c)
  if (text === null) return 'the body is over 64 KiB'
  // Kept for the console's log of the call (console/calls.ts), as the other gates keep theirs.
  ;(c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text)
  const type = c.req.header('content-type') ?? ''
  if (text !== '' && !/application\/x-www-form-urlencoded/i.test(type)) {
    return `send the parameters as application/x-www-form-urlencoded, not ${type || 'nothing'}`
  }
  for (const [k, v] of new URLSearchParams(text)) params[k] = v
  return params
}

const refusal = (code: V2Refusal['code'], subCode: string, subMsg: string): V2Refusal => ({
  code,
  subCode,
  subMsg,
})

/** What Alipay checks before a method runs: the common parameters, the app, the signature. */
function checkCommon(
  deps: AppDeps,
  params: Record<string, string>,
): { method: AlipayMethod; ctx: Omit<OpContext, 'origin'> } | V2Refusal {
  const method = params.method
  if (!method) return refusal('40001', 'isv.missing-method', '缺少方法名参数')
  if (!isMethod(method)) return refusal('40002', 'isv.invalid-method', `不存在的方法名: ${method}`)
  const appId = params.app_id
  if (!appId) return refusal('40001', 'isv.missing-app-id', '缺少AppID参数')
  const directory = deps.worlds.alipayDirectory
  const app = directory.lookup(appId)
  if (!app)
    return refusal(
      '40002',
      'isv.invalid-app-id',
      `无效的AppID参数: ${appId} is no app of this sandbox`,
    )
  if (!params.timestamp) return refusal('40001', 'isv.missing-timestamp', '缺少时间戳参数')
  if (!TIMESTAMP.test(params.timestamp)) {
    return refusal('40002', 'isv.invalid-timestamp', '非法的时间戳参数: yyyy-MM-dd HH:mm:ss')
  }
  if (params.charset && !/^utf-?8$/i.test(params.charset)) {
    return refusal(
      '40002',
      'isv.invalid-charset',
      `字符集错误: only utf-8 here, not ${params.charset}`,
    )
  }
  if (!params.sign) return refusal('40001', 'isv.missing-signature', '缺少签名参数')
  if ((params.sign_type ?? 'RSA2') !== 'RSA2') {
    return refusal(
      '40002',
      'isv.invalid-signature-type',
      `无效的签名类型: only RSA2, not ${params.sign_type}`,
    )
  }
  if (!verifyRequest(params, app.publicKey)) {
    return refusal(
      '40002',
      'isv.invalid-signature',
      `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${signContent(params, ['sign'])}`,
    )
  }
  const world = deps.worlds.get(app.world)
  if (!world)
    return refusal('20000', 'isp.unknow-error', `系统繁忙: the world of app_id ${appId} is gone`)
  return { method, ctx: { deps, world, app } }
}

function parseBiz<S extends z.ZodType>(
  schema: S,
  params: Record<string, string>,
): z.output<S> | OpResult {
  let json: unknown
  try {
    json = JSON.parse(params.biz_content ?? '')
  } catch {
    return {
      ok: false,
      subCode: 'ACQ.INVALID_PARAMETER',
      subMsg: '参数无效: biz_content is not JSON',
    }
  }
  const parsed = schema.safeParse(json)
  return parsed.success
    ? parsed.data
    : { ok: false, subCode: 'ACQ.INVALID_PARAMETER', subMsg: `参数无效: ${describe(parsed.error)}` }
}

/** What the signature check said: refused for it, passed (the call got past it), or not reached. */
function signatureOf(checked: V2Refusal | object): 'ok' | 'bad' | 'none' {
  if (!('subCode' in checked)) return 'ok'
  if (checked.subCode === 'isv.invalid-signature') return 'bad'
  return checked.subCode === 'isp.unknow-error' ? 'ok' : 'none'
}

/** An app's fail-next (`POST /api/__test/merchants/:id/fail-next`) as v2 answers it: sub_code = the code. */
export function alipayFault(code: string): V2Refusal {
  return {
    code: code.startsWith('isp.') ? '20000' : code.startsWith('isv.') ? '40002' : '40004',
    subCode: code,
    subMsg: `simulated fault: ${code} (POST /api/__test/merchants/:id/fail-next)`,
  }
}

const isResult = (v: unknown): v is OpResult =>
  typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean'

/** The simulated cashier's error page for a page method the gateway refused (Alipay shows one too). */
function errorPage(c: Context, refused: V2Refusal): Response {
  const text = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`)
  return c.html(
    `<!doctype html><meta charset="utf-8"><title>支付宝 · 模拟 SIMULATION</title><h1>支付宝 (模拟)</h1><p>错误代码 ${text(refused.subCode)}</p><p>${text(refused.subMsg)}</p>`,
    400,
  )
}

async function run(
  method: AlipayMethod,
  ctx: OpContext,
  params: Record<string, string>,
): Promise<OpResult & { payUrl?: string }> {
  const urls = { notifyUrl: params.notify_url, returnUrl: params.return_url }
  switch (method) {
    case 'alipay.trade.precreate':
    case 'alipay.trade.wap.pay':
    case 'alipay.trade.page.pay': {
      const biz = parseBiz(CreateTradeBizSchema, params)
      if (isResult(biz)) return biz
      const product =
        method === 'alipay.trade.precreate'
          ? 'QR'
          : method === 'alipay.trade.wap.pay'
            ? 'WAP'
            : 'PAGE'
      return createOp(ctx, biz, product, urls)
    }
    case 'alipay.trade.query':
    case 'alipay.trade.close': {
      const biz = parseBiz(TradeRefSchema, params)
      if (isResult(biz)) return biz
      return method === 'alipay.trade.query' ? queryOp(ctx, biz) : closeOp(ctx, biz)
    }
    case 'alipay.trade.refund': {
      const biz = parseBiz(RefundBizSchema, params)
      return isResult(biz) ? biz : refundOp(ctx, biz)
    }
    case 'alipay.trade.fastpay.refund.query': {
      const biz = parseBiz(RefundQueryBizSchema, params)
      return isResult(biz) ? biz : refundQueryOp(ctx, biz)
    }
  }
}

/**
 * POST (and GET) /gateway.do: Alipay's OpenAPI v2 as alipay-sdk's `exec` and `pageExec` call it. The
 * common parameters and the RSA2 signature are checked with the app's registered key, the call lands
 * in the app's world, and the answer is signed with Alipay's key over its exact inner JSON; the page
 * methods send the browser on (302) to the simulated cashier instead.
 */
export function alipayGatewayHandler(deps: AppDeps) {
  const key = () => deps.worlds.alipayDirectory.keys.alipay.privateKey
  return async (c: Context<AppEnv>): Promise<Response> => {
    const params = await paramsOf(c)
    if (typeof params === 'string') {
      return v2Respond(c, null, refusal('40002', 'isv.invalid-parameter', params), key())
    }
    const method = params.method && isMethod(params.method) ? params.method : null
    const page = method !== null && ALIPAY_PAGE_METHODS.includes(method)
    const checked = checkCommon(deps, params)
    const app = params.app_id ? deps.worlds.alipayDirectory.lookup(params.app_id) : undefined
    if (app)
      c.set('callSeen', { world: app.world, merchant: app.appId, signature: signatureOf(checked) })
    if ('code' in checked)
      return page ? errorPage(c, checked) : v2Respond(c, method, checked, key())
    const fault = checked.ctx.world.faults.takeAlipayFault(checked.ctx.app.appId)
    if (fault) {
      const refused = alipayFault(fault)
      return page ? errorPage(c, refused) : v2Respond(c, checked.method, refused, key())
    }
    const ctx: OpContext = { ...checked.ctx, origin: deps.publicOrigin(c.req.url) }
    ctx.world.store.closeExpired()
    let result: OpResult & { payUrl?: string } = await run(checked.method, ctx, params)
    try {
      await ctx.world.store.durable()
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error
      result = {
        ok: false,
        subCode: 'ACQ.SYSTEM_ERROR',
        subMsg: '系统错误: the journal cannot be written right now',
      }
    }
    if (page) {
      if (result.ok && result.payUrl) return c.redirect(result.payUrl, 302)
      if (!result.ok) return errorPage(c, refusal('40004', result.subCode, result.subMsg))
    }
    return v2Respond(
      c,
      checked.method,
      result.ok ? { fields: result.fields } : refusal('40004', result.subCode, result.subMsg),
      key(),
    )
  }
}
