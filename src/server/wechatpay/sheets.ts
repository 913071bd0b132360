import { randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import type { Bill } from '../../contract/payment.ts'
import type { PersonaId } from '../../contract/sim.ts'
import type { MerchantPaid, MerchantSheet } from '../../contract/wechatpay-sheet.ts'
import { SOURCES } from '../domain/gateway/channels.ts'
import type { GatewayState } from '../domain/state.ts'
import type { V3TransactionRecord, WechatpayState } from '../domain/wechatpay/state.ts'
import { payTransaction } from '../domain/wechatpay/transactions.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { fail } from '../http/respond.ts'
import type { RouteHandlers } from '../http/route-table.ts'
import { DEMO_MERCHANT_NAME } from './directory.ts'
import type { MerchantDirectory } from './directory.ts'
import { notifyDelayMs } from './refunds.ts'
import { paySignProblem } from './test-routes.ts'

// The paying side of the APIv3 sandbox: the simulated WeChat shows a merchant's order (a scanned
// code_url, an H5 prepay_id, WeixinJSBridge's getBrandWCPayRequest), the shopper pays it with the
// password, and the merchant's notification is owed. docs/wechatpay.md.

type SheetRoute = 'merchantSheet' | 'confirmMerchantSheet' | 'verifyBrandPay'

const WECHAT_SOURCES = ['wechat-balance', 'wechat-card'] as const

function merchantName(directory: MerchantDirectory, mchid: string): string {
  return directory.lookup(mchid)?.name ?? DEMO_MERCHANT_NAME
}

/** The order as the sheet shows it to `persona`, with their WeChat sources. */
export function merchantSheetView(
  tx: V3TransactionRecord,
  gateway: GatewayState,
  persona: PersonaId,
  directory: MerchantDirectory,
): MerchantSheet {
  const wallet = gateway.accounts[persona].wallet
  return {
    token: tx.payToken,
    tradeType: tx.tradeType,
    mchid: tx.mchid,
    merchant: merchantName(directory, tx.mchid),
    description: tx.description,
    outTradeNo: tx.outTradeNo,
    amountFen: tx.amountFen,
    status: tx.state,
    expiresAt: tx.expiresAt,
    sources: WECHAT_SOURCES.map((id) => {
      const spec = SOURCES[id]
      const balanceFen = wallet[spec.wallet]
      return { id, balanceFen, card: spec.card, enabled: balanceFen >= tx.amountFen }
    }),
  }
}

/** The transaction behind a code's `pr` or a prepay_id, if any. */
function byToken(state: WechatpayState, token: string): V3TransactionRecord | undefined {
  const key = state.byToken.get(token)
  return key === undefined ? undefined : state.transactions.get(key)
}

/** The persona's payments to APIv3 merchants as WeChat's 账单 lists them (the voucher's fields). */
export function merchantBills(
  state: WechatpayState,
  persona: PersonaId,
  directory: MerchantDirectory,
): Bill[] {
  const bills: Bill[] = []
  for (const tx of state.transactions.values()) {
    if (tx.payer !== persona || !tx.transactionId || !tx.successTime || !tx.source) continue
    if (tx.state !== 'SUCCESS' && tx.state !== 'REFUND') continue
    bills.push({
      paymentId: tx.transactionId,
      orderId: tx.outTradeNo,
      method: tx.tradeType === 'NATIVE' ? 'wechat-scan' : 'wechat',
      source: tx.source,
      status: tx.state,
      amountFen: tx.amountFen,
      payee: merchantName(directory, tx.mchid),
      description: tx.description,
      paidAt: tx.successTime,
      transactionId: tx.transactionId,
    })
  }
  return bills
}

const noSheet = (c: Context<AppEnv>) =>
  fail(c, { code: 'NOT_FOUND', message: 'no such pay sheet (no merchant order has this code)' })

/** /api/pay/merchant-sheets and /api/pay/brand-pay-requests. */
export function merchantSheetHandlers(deps: AppDeps): RouteHandlers<SheetRoute> {
  const { directory } = deps.worlds
  const view = (c: Context<AppEnv>, tx: V3TransactionRecord) =>
    merchantSheetView(tx, c.get('world').store.state.gateway, c.get('who').persona, directory)
  return {
    merchantSheet: (c, { params }) => {
      const tx = byToken(c.get('world').store.state.wechatpay, params.token)
      return tx ? c.json(view(c, tx)) : noSheet(c)
    },
    verifyBrandPay: (c, { body }) => {
      const prepayId = body.package.startsWith('prepay_id=') ? body.package.slice(10) : ''
      const tx = byToken(c.get('world').store.state.wechatpay, prepayId)
      const merchant = tx ? directory.lookup(tx.mchid) : undefined
      if (!tx || !merchant || tx.tradeType !== 'JSAPI') {
        return fail(c, {
          code: 'PAY_SIGN_ERROR',
          message: `支付验证签名失败: package ${JSON.stringify(body.package)} names no JSAPI order (prepay_id=…)`,
        })
      }
      const problem = paySignProblem(body, tx, merchant)
      if (problem)
        return fail(c, { code: 'PAY_SIGN_ERROR', message: `支付验证签名失败: ${problem}` })
      return c.json(view(c, tx))
    },
    confirmMerchantSheet: (c, { params, body }) => {
      const world = c.get('world')
      const { persona } = c.get('who')
      const tx = byToken(world.store.state.wechatpay, params.token)
      if (!tx) return noSheet(c)
      const fault = world.faults.confirmFault(persona, tx.key)
      if (fault) return fail(c, fault)
      const transactionId = deps.ids.transactionId('wechat', world.store.now())
      const result = world.store.run((s, now) =>
        payTransaction(
          s.wechatpay,
          s.gateway,
          {
            key: tx.key,
            persona,
            source: body.source ?? 'wechat-balance',
            password: body.password,
            transactionId,
            notificationId: randomUUID(),
            notifyAtMs: now + notifyDelayMs(world.faults),
          },
          now,
        ),
      )
      if (!result.ok) return fail(c, result.error)
      const paid = result.value
      const answer: MerchantPaid = {
        transactionId: paid.transactionId ?? transactionId,
        outTradeNo: paid.outTradeNo,
        merchant: merchantName(directory, paid.mchid),
        amountFen: paid.amountFen,
        paidAt: paid.successTime ?? new Date(world.store.now()).toISOString(),
      }
      return c.json(answer)
    },
  }
}
