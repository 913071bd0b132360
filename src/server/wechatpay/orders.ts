import type { Context } from 'hono'
import { DEFAULT_WORLD } from '../../contract/headers.ts'
import { payCodeUrls, wechatH5PayPath } from '../../contract/paths.ts'
import type { TradeType, V3OrderBody } from '../../contract/wechatpay.ts'
import { closeTransaction, createTransaction } from '../domain/wechatpay/transactions.ts'
import { txKey } from '../domain/wechatpay/state.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { fingerprint } from '../http/respond.ts'
import type { V3RouteHandlers } from '../http/route-table.ts'
import { worldToken } from '../worlds/world-ids.ts'
import { refuseNotifyUrl } from './allow.ts'
import { systemError, v3fail, v3refusal } from './respond.ts'
import { transactionView } from './views.ts'

type OrderRoute =
  'v3Native' | 'v3H5' | 'v3Jsapi' | 'v3App' | 'v3QueryByOutTradeNo' | 'v3QueryById' | 'v3Close'

/**
 * What the shopper's WeChat opens, naming its world as every token does (`<world>.<token>`): a native
 * code's `pr`, or a prepay_id (`wx`, the time, 32 random hex digits), which in a created world drops
 * the time to stay within WeChat's 64 characters.
 */
function payTokenFor(world: string, tradeType: TradeType, fresh: string): string {
  if (world === DEFAULT_WORLD || tradeType === 'NATIVE') return worldToken(world, fresh)
  return worldToken(world, `wx${fresh.slice(16)}`)
}

/** The mchid a body or query names must be the one that signed the call. */
export function otherMchid(c: Context<AppEnv>, mchid: string, where: 'body' | 'query') {
  const signer = c.get('v3').merchant.mchid
  return mchid === signer
    ? null
    : v3fail(
        c,
        v3refusal('PARAM_ERROR', `mchid ${mchid} 与请求签名的商户号 ${signer} 不一致`, {
          field: '/mchid',
          location: where,
          value: mchid,
        }),
      )
}

/** The notify_url's refusal (a PARAM_ERROR), if GATEWAY_NOTIFY_ALLOW or WeChat's rules refuse it. */
export async function refusedNotifyUrl(
  deps: AppDeps,
  c: Context<AppEnv>,
  url: string,
): Promise<Response | null> {
  const why = await refuseNotifyUrl(url, deps.notifyAllow)
  return why
    ? v3fail(
        c,
        v3refusal('PARAM_ERROR', `notify_url 不可用: ${why}`, {
          field: '/notify_url',
          location: 'body',
          value: url,
          issue: why,
        }),
      )
    : null
}

/** 下单 (Native, H5, JSAPI, APP), 查询订单 by either id, 关闭订单. */
export function orderHandlers(deps: AppDeps): V3RouteHandlers<OrderRoute> {
  const create = async (c: Context<AppEnv>, body: V3OrderBody, tradeType: TradeType) => {
    const { merchant } = c.get('v3')
    const world = c.get('world')
    const refused = otherMchid(c, body.mchid, 'body')
    if (refused) return refused
    if (merchant.appid !== null && body.appid !== merchant.appid) {
      return v3fail(
        c,
        v3refusal('APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配', {
          field: '/appid',
          location: 'body',
          value: body.appid,
        }),
      )
    }
    const badUrl = await refusedNotifyUrl(deps, c, body.notify_url)
    if (badUrl) return badUrl
    const now = world.store.now()
    const payToken = payTokenFor(
      world.id,
      tradeType,
      deps.ids.sheetToken(tradeType === 'NATIVE' ? 'code' : 'jump', now),
    )
    const result = world.store.run((s, at) =>
      createTransaction(
        s.wechatpay,
        {
          mchid: merchant.mchid,
          appid: body.appid,
          tradeType,
          outTradeNo: body.out_trade_no,
          description: body.description,
          attach: body.attach ?? null,
          notifyUrl: body.notify_url,
          amountFen: body.amount.total,
          expiresAt: body.time_expire ? new Date(body.time_expire).toISOString() : null,
          openid: body.payer?.openid ?? null,
          deviceId: body.scene_info?.device_id ?? null,
          payToken,
          fingerprint: fingerprint({ tradeType, body }),
        },
        at,
      ),
    )
    if (!result.ok) return systemError(c, result.error)
    if (!result.value.ok) return v3fail(c, result.value.error)
    const token = result.value.value.payToken
    if (tradeType === 'NATIVE') {
      const urls = payCodeUrls(deps.publicOrigin(c.req.url), token)
      return c.json({ code_url: merchant.codeUrl === 'web' ? urls.web : urls.weixin })
    }
    if (tradeType === 'MWEB') {
      const origin = deps.publicOrigin(c.req.url)
      return c.json({ h5_url: origin + wechatH5PayPath(token) })
    }
    return c.json({ prepay_id: token })
  }
  const notExist = (c: Context) => v3fail(c, v3refusal('ORDER_NOT_EXIST', '订单不存在'))
  return {
    v3Native: (c, { body }) => create(c, body, 'NATIVE'),
    v3H5: (c, { body }) => create(c, body, 'MWEB'),
    v3Jsapi: (c, { body }) => create(c, body, 'JSAPI'),
    v3App: (c, { body }) => create(c, body, 'APP'),
    v3QueryByOutTradeNo: (c, { params, query }) => {
      const refused = otherMchid(c, query.mchid, 'query')
      if (refused) return refused
      const tx = c
        .get('world')
        .store.state.wechatpay.transactions.get(txKey(query.mchid, params.out_trade_no))
      return tx ? c.json(transactionView(tx)) : notExist(c)
    },
    v3QueryById: (c, { params, query }) => {
      const refused = otherMchid(c, query.mchid, 'query')
      if (refused) return refused
      const { wechatpay } = c.get('world').store.state
      const key = wechatpay.byTransactionId.get(params.transaction_id)
      const tx = key === undefined ? undefined : wechatpay.transactions.get(key)
      return tx && tx.mchid === query.mchid ? c.json(transactionView(tx)) : notExist(c)
    },
    v3Close: (c, { params, body }) => {
      const refused = otherMchid(c, body.mchid, 'body')
      if (refused) return refused
      const result = c
        .get('world')
        .store.run((s, now) => closeTransaction(s.wechatpay, body.mchid, params.out_trade_no, now))
      if (!result.ok) return systemError(c, result.error)
      if (!result.value.ok) return v3fail(c, result.value.error)
      return c.body(null, 204)
    },
  }
}
