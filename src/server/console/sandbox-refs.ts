import type { ConsoleRefs } from '../../contract/console.ts'
import type {
  AlipayNotificationRecord,
  AlipayState,
  AlipayTradeRecord,
} from '../domain/alipay/state.ts'
import type {
  V3NotificationRecord,
  V3TransactionRecord,
  WechatpayState,
} from '../domain/wechatpay/state.ts'

// The ids a payment sandbox's entry names. An external merchant's order is named by its out_trade_no
// (`refs.orderId` and `refs.outTradeNo`), its payment by WeChat's transaction_id or Alipay's trade_no
// (`refs.transactionId`), its refund by WeChat's refund_id or Alipay's out_request_no (`refs.refundId`),
// the merchant by its mchid or app_id (`refs.merchant`).

export function ofTransaction(tx: V3TransactionRecord | undefined): ConsoleRefs {
  if (!tx) return {}
  return {
    merchant: tx.mchid,
    outTradeNo: tx.outTradeNo,
    orderId: tx.outTradeNo,
    ...(tx.transactionId ? { transactionId: tx.transactionId } : {}),
    ...(tx.payer ? { persona: tx.payer } : {}),
  }
}

export function ofTrade(trade: AlipayTradeRecord | undefined): ConsoleRefs {
  if (!trade) return {}
  return {
    merchant: trade.appId,
    outTradeNo: trade.outTradeNo,
    orderId: trade.outTradeNo,
    transactionId: trade.tradeNo,
    ...(trade.buyer ? { persona: trade.buyer } : {}),
  }
}

/** What a WeChat Pay notification is about: its merchant, its order, its refund. */
export function notificationRefs(state: WechatpayState, note: V3NotificationRecord): ConsoleRefs {
  const refund = note.eventType === 'REFUND.SUCCESS' ? state.refunds.get(note.ref) : undefined
  return {
    ...ofTransaction(state.transactions.get(refund?.txKey ?? note.ref)),
    merchant: note.mchid,
    ...(refund ? { refundId: refund.refundId } : {}),
    notificationId: note.id,
  }
}

/** What an Alipay notification is about: its app, its trade, its refund. */
export function alipayNotificationRefs(
  state: AlipayState,
  note: AlipayNotificationRecord,
): ConsoleRefs {
  const refund = note.refundKey ? state.refunds.get(note.refundKey) : undefined
  return {
    ...ofTrade(state.trades.get(note.tradeKey)),
    merchant: note.appId,
    ...(refund ? { refundId: refund.outRequestNo } : {}),
    notificationId: note.id,
  }
}
