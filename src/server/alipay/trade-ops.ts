import { randomUUID } from 'node:crypto'
import { alipayPayUrl } from '../../contract/paths.ts'
import type { CreateTradeBiz, RefundBiz, RefundQueryBiz, TradeRef } from '../../contract/alipay.ts'
import type { AlipayBizError } from '../../contract/alipay.ts'
import type { NotifyPlan } from '../domain/alipay/notifications.ts'
import type { AlipayOutcome } from '../domain/alipay/outcome.ts'
import { findRefund, refundTrade } from '../domain/alipay/refunds.ts'
import type { AlipayProduct } from '../domain/alipay/state.ts'
import {
  closeTrade,
  createTrade,
  expireTrade,
  findTrade,
  visibleTrade,
} from '../domain/alipay/trades.ts'
import type { Decision } from '../domain/result.ts'
import type { AppDeps } from '../http/env.ts'
import { fingerprint } from '../http/respond.ts'
import { refuseNotifyUrl } from '../wechatpay/allow.ts'
import { notifyDelayMs } from '../wechatpay/refunds.ts'
import type { World } from '../worlds/world.ts'
import { worldToken } from '../worlds/world-ids.ts'
import type { AlipayApp } from './directory.ts'
import { refundQueryView, refundView, tradeQueryView } from './views.ts'

// What v2's methods and v3's routes share: each operation decides in the app's world and answers
// Alipay's fields, or a business refusal (a sub_code), which v2 and v3 each wrap in their own shape.

export type OpResult =
  | { ok: true; fields: Record<string, unknown> }
  | { ok: false; subCode: AlipayBizError; subMsg: string }

/** Where an operation runs: the app that signed it, its world, and the origin its links are made with. */
export interface OpContext {
  deps: AppDeps
  world: World
  app: AlipayApp
  origin: string
}

const QR_TTL_MS = 2 * 3600_000
const CASHIER_TTL_MS = 15 * 24 * 3600_000
const UNIT_MS = { m: 60_000, h: 3600_000, d: 24 * 3600_000 } as const

/** When a new trade stops being payable: time_expire, timeout_express, else 2 h (QR) or 15 d (cashier). */
function deadline(biz: CreateTradeBiz, product: AlipayProduct, now: number): number {
  if (biz.time_expire) {
    const at = Date.parse(
      `${biz.time_expire.replace(' ', 'T')}${biz.time_expire.length === 16 ? ':00' : ''}+08:00`,
    )
    if (Number.isFinite(at)) return at
  }
  const express = biz.timeout_express
  if (express) {
    const n = Number(express.slice(0, -1))
    const unit = express.slice(-1)
    // `1c`: the end of today, Beijing time.
    if (unit === 'c') return now + (86_400_000 - ((now + 8 * 3600_000) % 86_400_000))
    if (unit === 'm' || unit === 'h' || unit === 'd') return now + n * UNIT_MS[unit]
  }
  return now + (product === 'QR' ? QR_TTL_MS : CASHIER_TTL_MS)
}

/** The world's notify plan for a change now: a fresh notify_id, due at once (or late, `delay`). */
export function notifyPlan(world: World): NotifyPlan {
  return {
    id: randomUUID().replaceAll('-', ''),
    atMs: world.store.now() + notifyDelayMs(world.faults),
  }
}

const no = (subCode: AlipayBizError, subMsg: string): OpResult => ({ ok: false, subCode, subMsg })

/** A decision's outcome as an OpResult (a store refusal, the journal failing, is ACQ.SYSTEM_ERROR). */
function settle<T>(
  decision: Decision<AlipayOutcome<T>>,
  view: (value: T) => Record<string, unknown>,
): OpResult {
  if (!decision.ok) return no('ACQ.SYSTEM_ERROR', `系统错误: ${decision.error.message}`)
  const outcome = decision.value
  return outcome.ok
    ? { ok: true, fields: view(outcome.value) }
    : no(outcome.error.subCode, outcome.error.subMsg)
}

/** An unpaid trade past its deadline closes before anyone looks at it. */
function expire(ctx: OpContext, ref: TradeRef): void {
  const trade = findTrade(ctx.world.store.state.alipay, ctx.app.appId, ref)
  if (!trade) return
  const plan = notifyPlan(ctx.world)
  ctx.world.store.run((s, now) => expireTrade(s.alipay, trade.key, plan, now))
}

async function urlProblem(ctx: OpContext, name: string, text: string | undefined, notify: boolean) {
  if (!text) return null
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return `${name} is not a URL`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${name} must be http or https`
  if (!notify) return null
  // Alipay allows a query on notify_url; where it may go is checked as for WeChat Pay's.
  url.search = ''
  return refuseNotifyUrl(url.toString(), ctx.deps.notifyAllow)
}

/** precreate (QR), wap.pay (WAP), page.pay (PAGE): the trade, and the link that pays it. */
export async function createOp(
  ctx: OpContext,
  biz: CreateTradeBiz,
  product: AlipayProduct,
  urls: { notifyUrl?: string | undefined; returnUrl?: string | undefined },
): Promise<OpResult & { payUrl?: string }> {
  const notifyUrl = urls.notifyUrl ?? biz.notify_url
  const problem =
    (await urlProblem(ctx, 'notify_url', notifyUrl, true)) ??
    (await urlProblem(ctx, 'return_url', urls.returnUrl, false)) ??
    (await urlProblem(ctx, 'quit_url', biz.quit_url, false))
  if (problem) return no('ACQ.INVALID_PARAMETER', `参数无效: ${problem}`)
  expire(ctx, biz)
  const { world, deps, app } = ctx
  const now = world.store.now()
  const params = {
    product,
    amountFen: biz.total_amount,
    subject: biz.subject,
    body: biz.body ?? null,
    notifyUrl: notifyUrl ?? null,
    returnUrl: urls.returnUrl ?? null,
    quitUrl: biz.quit_url ?? null,
    passbackParams: biz.passback_params ?? null,
  }
  const decision = world.store.run((s, at) =>
    createTrade(
      s.alipay,
      {
        ...params,
        appId: app.appId,
        outTradeNo: biz.out_trade_no,
        tradeNo: deps.ids.transactionId('alipay', at),
        payToken: worldToken(world.id, deps.ids.token()),
        fingerprint: fingerprint(params),
        expiresAt: new Date(deadline(biz, product, now)).toISOString(),
      },
      at,
    ),
  )
  let payUrl: string | undefined
  const result = settle(decision, (trade) => {
    payUrl = alipayPayUrl(ctx.origin, trade.payToken)
    return { out_trade_no: trade.outTradeNo, qr_code: payUrl }
  })
  return payUrl ? { ...result, payUrl } : result
}

export function queryOp(ctx: OpContext, ref: TradeRef): OpResult {
  expire(ctx, ref)
  const found = visibleTrade(ctx.world.store.state.alipay, ctx.app.appId, ref)
  return found.ok
    ? { ok: true, fields: tradeQueryView(found.value) }
    : no(found.error.subCode, found.error.subMsg)
}

export function closeOp(ctx: OpContext, ref: TradeRef): OpResult {
  expire(ctx, ref)
  const plan = notifyPlan(ctx.world)
  const decision = ctx.world.store.run((s, now) =>
    closeTrade(s.alipay, ctx.app.appId, ref, plan, now),
  )
  return settle(decision, (trade) => ({ trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo }))
}

export function refundOp(ctx: OpContext, biz: RefundBiz): OpResult {
  expire(ctx, biz)
  const plan = notifyPlan(ctx.world)
  const decision = ctx.world.store.run((s, now) =>
    refundTrade(
      s.alipay,
      {
        appId: ctx.app.appId,
        ref: biz,
        amountFen: biz.refund_amount,
        reason: biz.refund_reason ?? null,
        outRequestNo: biz.out_request_no,
        fingerprint: fingerprint({ amount: biz.refund_amount }),
        notify: plan,
      },
      now,
    ),
  )
  return settle(decision, ({ trade, refund, fundChange }) =>
    refundView(trade, refund, fundChange, trade.refundedFen),
  )
}

export function refundQueryOp(ctx: OpContext, biz: RefundQueryBiz): OpResult {
  const found = findRefund(ctx.world.store.state.alipay, ctx.app.appId, biz, biz.out_request_no)
  return found.ok
    ? { ok: true, fields: refundQueryView(found.value.trade, found.value.refund) }
    : no(found.error.subCode, found.error.subMsg)
}
