import type { RefundBody } from '../../../contract/wechatpay.ts'
import { iso } from '../result.ts'
import type { Decision } from '../result.ts'
import { v3no, v3ok } from './outcome.ts'
import type { V3Outcome } from './outcome.ts'
import { refundKey, txKey } from './state.ts'
import type { V3NotificationRecord, V3RefundRecord, WechatpayState } from './state.ts'

export interface CreateRefundCommand {
  mchid: string
  body: RefundBody
  /** Identifies the body: the same out_refund_no with another body is refused. */
  fingerprint: string
  /** Fresh; kept only if the refund is new. */
  refundId: string
  notificationId: string
  notifyAtMs: number
}

/**
 * 退款申请: the money goes back to the payer's 零钱 or card at once (status SUCCESS), partial refunds
 * add up to at most the order's total, the same out_refund_no answers the first refund again.
 */
export function createRefund(
  state: WechatpayState,
  cmd: CreateRefundCommand,
  now: number,
): Decision<V3Outcome<V3RefundRecord>> {
  const { body, mchid } = cmd
  const key = refundKey(mchid, body.out_refund_no)
  const seen = state.refunds.get(key)
  if (seen) {
    return seen.fingerprint === cmd.fingerprint
      ? v3ok(seen)
      : v3no('INVALID_REQUEST', '退款单号已存在，请求参数与原退款不一致', {
          issue: 'this out_refund_no was used before with another body',
        })
  }
  const byId = body.transaction_id && state.byTransactionId.get(body.transaction_id)
  const key2 = byId || (body.out_trade_no ? txKey(mchid, body.out_trade_no) : null)
  const tx = key2 ? state.transactions.get(key2) : undefined
  if (!tx || tx.mchid !== mchid) return v3no('RESOURCE_NOT_EXISTS', '订单不存在')
  if (body.out_trade_no && body.out_trade_no !== tx.outTradeNo) {
    return v3no('PARAM_ERROR', 'transaction_id 与 out_trade_no 不匹配', {
      field: '/out_trade_no',
      location: 'body',
    })
  }
  if ((tx.state !== 'SUCCESS' && tx.state !== 'REFUND') || !tx.payer || !tx.source) {
    return v3no('INVALID_REQUEST', '订单未支付，无法退款', { issue: `trade_state is ${tx.state}` })
  }
  if (body.amount.total !== tx.amountFen) {
    return v3no('INVALID_REQUEST', '订单金额与原订单不一致', {
      issue: `amount.total is ${body.amount.total}, the order is ${tx.amountFen}`,
    })
  }
  if (body.amount.refund > tx.amountFen - tx.refundedFen) {
    return v3no('INVALID_REQUEST', '申请退款金额超过订单可退金额', {
      issue: `${tx.amountFen - tx.refundedFen} fen left to refund`,
    })
  }
  const at = iso(now)
  const refund: V3RefundRecord = {
    key,
    mchid,
    outRefundNo: body.out_refund_no,
    refundId: cmd.refundId,
    txKey: tx.key,
    outTradeNo: tx.outTradeNo,
    transactionId: tx.transactionId ?? '',
    reason: body.reason ?? null,
    notifyUrl: body.notify_url ?? null,
    amountFen: body.amount.refund,
    totalFen: tx.amountFen,
    payer: tx.payer,
    source: tx.source,
    fingerprint: cmd.fingerprint,
    createdAt: at,
    successTime: at,
  }
  const notification: V3NotificationRecord | null = refund.notifyUrl
    ? {
        id: cmd.notificationId,
        mchid,
        eventType: 'REFUND.SUCCESS',
        ref: key,
        url: refund.notifyUrl,
        createdAt: at,
        attempts: 0,
        nextAtMs: cmd.notifyAtMs,
        status: 'PENDING',
        lastError: null,
      }
    : null
  return v3ok(refund, [{ type: 'wechatpay.refund.created', refund, notification }])
}
