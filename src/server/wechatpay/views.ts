import type { FundingSource } from '../../contract/payment.ts'
import type { V3Refund, V3TradeState, V3Transaction } from '../../contract/wechatpay.ts'
import { SOURCES } from '../domain/gateway/channels.ts'
import { OPENIDS } from '../domain/wechatpay/openids.ts'
import type { V3RefundRecord, V3TransactionRecord } from '../domain/wechatpay/state.ts'

// The sandbox's records as WeChat writes them: field names, order, times in +08:00.

const BEIJING_MS = 8 * 3600 * 1000

/** `2024-09-18T18:00:00+08:00`: an instant as WeChat writes it (rfc3339, Beijing time). */
export function rfc3339(at: string | number): string {
  const ms = typeof at === 'number' ? at : Date.parse(at)
  return `${new Date(ms + BEIJING_MS).toISOString().slice(0, 19)}+08:00`
}

const STATE_DESC: Record<V3TradeState, string> = {
  NOTPAY: '订单未支付',
  USERPAYING: '用户支付中',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  REFUND: '转入退款',
  REVOKED: '已撤销',
  PAYERROR: '支付失败',
}

/** WeChat's bank_type: OTHERS for 零钱, the bank's code for a card (the seed's is 建设银行). */
function bankType(source: FundingSource | null): string {
  return source === 'wechat-card' ? 'CCB_DEBIT' : 'OTHERS'
}

/** Where a refund lands, as WeChat names it. */
export function receivedAccount(source: FundingSource): string {
  const card = SOURCES[source].card
  return card ? `${card.bank}${card.last4}` : '支付用户零钱'
}

/** The query's answer (and TRANSACTION.SUCCESS's resource, with `as: 'SUCCESS'`). */
export function transactionView(tx: V3TransactionRecord, as?: V3TradeState): V3Transaction {
  const state = as ?? tx.state
  const paid = tx.transactionId !== null && tx.successTime !== null && tx.payer !== null
  const view: V3Transaction = {
    appid: tx.appid,
    mchid: tx.mchid,
    out_trade_no: tx.outTradeNo,
    ...(paid && tx.transactionId ? { transaction_id: tx.transactionId } : {}),
    ...(paid ? { trade_type: tx.tradeType } : {}),
    trade_state: state,
    trade_state_desc: STATE_DESC[state],
    ...(paid ? { bank_type: bankType(tx.source) } : {}),
    attach: tx.attach ?? '',
    ...(paid && tx.successTime ? { success_time: rfc3339(tx.successTime) } : {}),
    payer: paid && tx.payer ? { openid: tx.openid ?? OPENIDS[tx.payer] } : {},
    amount: paid
      ? { total: tx.amountFen, payer_total: tx.amountFen, currency: 'CNY', payer_currency: 'CNY' }
      : { total: tx.amountFen, currency: 'CNY' },
    ...(tx.deviceId ? { scene_info: { device_id: tx.deviceId } } : {}),
    promotion_detail: [],
  }
  return view
}

/** A refund as 退款申请 and 查询单笔退款 answer it. */
export function refundView(r: V3RefundRecord): V3Refund {
  return {
    refund_id: r.refundId,
    out_refund_no: r.outRefundNo,
    transaction_id: r.transactionId,
    out_trade_no: r.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: receivedAccount(r.source),
    success_time: rfc3339(r.successTime),
    create_time: rfc3339(r.createdAt),
    status: 'SUCCESS',
    funds_account: 'AVAILABLE',
    amount: {
      total: r.totalFen,
      refund: r.amountFen,
      from: [],
      payer_total: r.totalFen,
      payer_refund: r.amountFen,
      settlement_refund: r.amountFen,
      settlement_total: r.totalFen,
      discount_refund: 0,
      currency: 'CNY',
      refund_fee: 0,
    },
    promotion_detail: [],
  }
}

/** REFUND.SUCCESS's resource. */
export function refundResource(r: V3RefundRecord) {
  return {
    mchid: r.mchid,
    out_trade_no: r.outTradeNo,
    transaction_id: r.transactionId,
    out_refund_no: r.outRefundNo,
    refund_id: r.refundId,
    refund_status: 'SUCCESS' as const,
    success_time: rfc3339(r.successTime),
    user_received_account: receivedAccount(r.source),
    amount: {
      total: r.totalFen,
      refund: r.amountFen,
      payer_total: r.totalFen,
      payer_refund: r.amountFen,
    },
  }
}
