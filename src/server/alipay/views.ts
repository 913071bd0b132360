import { yuan } from '../../contract/alipay.ts'
import type { AlipayTradeStatus } from '../../contract/alipay.ts'
import type { PersonaId } from '../../contract/sim.ts'
import type { AlipayRefundRecord, AlipayTradeRecord } from '../domain/alipay/state.ts'
import { beijingTime } from './sign.ts'

/** Each persona's Alipay account: buyer_user_id (2088…, 16 digits) and buyer_logon_id, masked. */
const BUYERS: Record<PersonaId, { id: string; logon: string }> = {
  shopper: { id: '2088102177846880', logon: '159****5620' },
  not_invited: { id: '2088102177846881', logon: '138****1002' },
  old_app: { id: '2088102177846882', logon: '186****3003' },
  low_balance: { id: '2088102177846883', logon: '135****4004' },
  friend: { id: '2088102177846884', logon: 'xia***@example.com' },
  slow_network: { id: '2088102177846885', logon: '137****6006' },
  flaky_gateway: { id: '2088102177846886', logon: '139****7007' },
}

/** The seller's partner id (2088…), made from the app_id so it stays the same. */
export function sellerId(appId: string): string {
  return `2088${appId.slice(-12)}`
}

const FUND_CHANNEL = {
  'alipay-balance': 'ALIPAYACCOUNT',
  huabei: 'PCREDIT',
  'alipay-card': 'BANKCARD',
} as const

/** The trade status Alipay reports (an unseen trade is never shown: the adapter answers TRADE_NOT_EXIST). */
export function statusOf(trade: AlipayTradeRecord): AlipayTradeStatus {
  return trade.state === 'CREATED' ? 'WAIT_BUYER_PAY' : trade.state
}

/** alipay.trade.query's fields (v2 inside the response, v3 as the body). */
export function tradeQueryView(trade: AlipayTradeRecord): Record<string, unknown> {
  const buyer = trade.buyer ? BUYERS[trade.buyer] : null
  const paidAt = trade.paidAt ? Date.parse(trade.paidAt) : null
  const paidFen = trade.paidAt ? trade.amountFen : 0
  return {
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    ...(buyer ? { buyer_logon_id: buyer.logon, buyer_user_id: buyer.id } : {}),
    trade_status: statusOf(trade),
    total_amount: yuan(trade.amountFen),
    buyer_pay_amount: yuan(paidFen),
    receipt_amount: yuan(paidFen),
    invoice_amount: yuan(paidFen),
    point_amount: '0.00',
    ...(paidAt !== null ? { send_pay_date: beijingTime(paidAt) } : {}),
    ...(trade.source
      ? {
          fund_bill_list: [
            { fund_channel: FUND_CHANNEL[trade.source], amount: yuan(trade.amountFen) },
          ],
        }
      : {}),
    subject: trade.subject,
    ...(trade.body ? { body: trade.body } : {}),
    buyer_user_type: 'PRIVATE',
  }
}

/** refund's answer fields. */
export function refundView(
  trade: AlipayTradeRecord,
  refund: AlipayRefundRecord,
  fundChange: boolean,
  refundedFen: number,
): Record<string, unknown> {
  const buyer = trade.buyer ? BUYERS[trade.buyer] : null
  return {
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    ...(buyer ? { buyer_logon_id: buyer.logon, buyer_user_id: buyer.id } : {}),
    fund_change: fundChange ? 'Y' : 'N',
    refund_fee: yuan(refundedFen),
    gmt_refund_pay: beijingTime(Date.parse(refund.at)),
    send_back_fee: yuan(refund.amountFen),
  }
}

/** fastpay.refund.query's answer fields. */
export function refundQueryView(
  trade: AlipayTradeRecord,
  refund: AlipayRefundRecord | null,
): Record<string, unknown> {
  const base = { trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo }
  if (!refund) return base
  return {
    ...base,
    out_request_no: refund.outRequestNo,
    total_amount: yuan(trade.amountFen),
    refund_amount: yuan(refund.amountFen),
    refund_status: 'REFUND_SUCCESS',
    ...(refund.reason ? { refund_reason: refund.reason } : {}),
    gmt_refund_pay: beijingTime(Date.parse(refund.at)),
  }
}

/** The form fields of a trade_status_sync notification, before signing (no empty values). */
export function notificationParams(
  trade: AlipayTradeRecord,
  tradeStatus: AlipayTradeStatus,
  notifyId: string,
  refund: AlipayRefundRecord | null,
  at: number,
): Record<string, string> {
  const buyer = trade.buyer ? BUYERS[trade.buyer] : null
  const paid = trade.paidAt !== null
  const params: Record<string, string | null> = {
    notify_time: beijingTime(at),
    notify_type: 'trade_status_sync',
    notify_id: notifyId,
    app_id: trade.appId,
    auth_app_id: trade.appId,
    charset: 'utf-8',
    version: '1.0',
    sign_type: 'RSA2',
    trade_no: trade.tradeNo,
    out_trade_no: trade.outTradeNo,
    trade_status: tradeStatus,
    total_amount: yuan(trade.amountFen),
    receipt_amount: paid ? yuan(trade.amountFen) : null,
    buyer_pay_amount: paid ? yuan(trade.amountFen) : null,
    invoice_amount: paid ? yuan(trade.amountFen) : null,
    buyer_id: buyer?.id ?? null,
    buyer_logon_id: buyer?.logon ?? null,
    seller_id: sellerId(trade.appId),
    subject: trade.subject,
    body: trade.body,
    gmt_create: beijingTime(Date.parse(trade.createdAt)),
    gmt_payment: trade.paidAt ? beijingTime(Date.parse(trade.paidAt)) : null,
    gmt_close:
      trade.closedAt && tradeStatus === 'TRADE_CLOSED'
        ? beijingTime(Date.parse(trade.closedAt))
        : null,
    fund_bill_list: trade.source
      ? JSON.stringify([{ amount: yuan(trade.amountFen), fundChannel: FUND_CHANNEL[trade.source] }])
      : null,
    passback_params: trade.passbackParams,
    out_biz_no: refund?.outRequestNo ?? null,
    refund_fee: refund ? yuan(trade.refundedFen) : null,
    gmt_refund: refund ? `${beijingTime(Date.parse(refund.at))}.000` : null,
  }
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== '') out[k] = v
  return out
}

/** The synchronous return parameters a paid wap / page trade sends the browser back to return_url with. */
export function returnParams(
  trade: AlipayTradeRecord,
  method: string,
  at: number,
): Record<string, string> {
  return {
    charset: 'utf-8',
    out_trade_no: trade.outTradeNo,
    method: `${method}.return`,
    total_amount: yuan(trade.amountFen),
    trade_no: trade.tradeNo,
    auth_app_id: trade.appId,
    version: '1.0',
    app_id: trade.appId,
    sign_type: 'RSA2',
    seller_id: sellerId(trade.appId),
    timestamp: beijingTime(at),
  }
}
