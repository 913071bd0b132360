import type { AlipayEvent } from '../domain/alipay/events.ts'
import type { AlipayState } from '../domain/alipay/state.ts'
import type { WechatpayEvent } from '../domain/wechatpay/events.ts'
import type { WechatpayState } from '../domain/wechatpay/state.ts'
import type { Described } from './entry.ts'
import { yuan } from './entry.ts'
import { alipayNotificationRefs, notificationRefs, ofTrade, ofTransaction } from './sandbox-refs.ts'

// The payment sandboxes' events as console entries (their refs: sandbox-refs.ts).

/** A failed attempt: given up, or when the next one is due. */
function failedSummary(
  what: string,
  event: { attempts: number; nextAtMs: number | null; error: string },
): string {
  return event.nextAtMs === null
    ? `${what} given up after ${event.attempts} attempts: ${event.error}`
    : `${what} attempt ${event.attempts} failed (${event.error}); next at ${new Date(event.nextAtMs).toISOString()}`
}

/** WeChat Pay APIv3's events: merchants, orders, refunds, notification attempts. */
export function describeWechatpay(event: WechatpayEvent, state: WechatpayState): Described {
  switch (event.type) {
    case 'wechatpay.merchant.registered':
      return {
        summary: `WeChat Pay merchant ${event.merchant.mchid} registered (${event.merchant.mode} mode, serial ${event.merchant.serialNo})`,
        refs: { merchant: event.merchant.mchid },
      }
    case 'wechatpay.transaction.created': {
      const tx = event.transaction
      return {
        summary: `${tx.mchid} made a ${tx.tradeType} order ${tx.outTradeNo}: ${yuan(tx.amountFen)}`,
        refs: { ...ofTransaction(tx), token: tx.payToken },
      }
    }
    case 'wechatpay.transaction.closed': {
      const tx = state.transactions.get(event.key)
      return {
        summary: `WeChat Pay order ${tx?.outTradeNo ?? event.key} closed`,
        refs: ofTransaction(tx),
      }
    }
    case 'wechatpay.transaction.paid':
      return {
        summary: `${event.payer} paid ${yuan(event.amountFen)} (${event.transactionId}): TRANSACTION.SUCCESS owed to the merchant`,
        refs: {
          ...ofTransaction(state.transactions.get(event.key)),
          transactionId: event.transactionId,
          persona: event.payer,
          notificationId: event.notification.id,
        },
      }
    case 'wechatpay.refund.created': {
      const { refund } = event
      return {
        summary: `${refund.mchid} refunded ${yuan(refund.amountFen)} of ${refund.outTradeNo} (${refund.outRefundNo})`,
        refs: {
          ...ofTransaction(state.transactions.get(refund.txKey)),
          refundId: refund.refundId,
          ...(event.notification ? { notificationId: event.notification.id } : {}),
        },
      }
    }
    case 'wechatpay.notification.failed':
    case 'wechatpay.notification.delivered': {
      const note = state.notifications.get(event.id)
      const what = `${note?.eventType ?? 'notification'} ${event.id}`
      return {
        summary:
          event.type === 'wechatpay.notification.delivered'
            ? `${what} acknowledged by the merchant (attempt ${event.attempts})`
            : failedSummary(what, event),
        refs: note ? notificationRefs(state, note) : { notificationId: event.id },
      }
    }
  }
}

/** Alipay's events: apps, trades, refunds, notification attempts. */
export function describeAlipay(event: AlipayEvent, state: AlipayState): Described {
  const note = 'notification' in event && event.notification ? event.notification : null
  const owed = note ? { notificationId: note.id } : {}
  switch (event.type) {
    case 'alipay.app.registered':
      return {
        summary: `Alipay app ${event.app.appId} registered (${event.app.name})`,
        refs: { merchant: event.app.appId },
      }
    case 'alipay.trade.created': {
      const { trade } = event
      return {
        summary: `${trade.appId} made a ${trade.product} trade ${trade.outTradeNo}: ${yuan(trade.amountFen)}`,
        refs: { ...ofTrade(trade), token: trade.payToken },
      }
    }
    case 'alipay.trade.seen':
      return {
        summary: `${event.buyer} opened Alipay trade ${state.trades.get(event.key)?.outTradeNo ?? event.key}: WAIT_BUYER_PAY`,
        refs: { ...ofTrade(state.trades.get(event.key)), persona: event.buyer, ...owed },
      }
    case 'alipay.trade.closed':
      return {
        summary: `Alipay trade ${state.trades.get(event.key)?.outTradeNo ?? event.key} closed`,
        refs: { ...ofTrade(state.trades.get(event.key)), ...owed },
      }
    case 'alipay.trade.paid':
      return {
        summary: `${event.buyer} paid ${yuan(event.amountFen)} from ${event.source}: TRADE_SUCCESS owed to the app`,
        refs: { ...ofTrade(state.trades.get(event.key)), persona: event.buyer, ...owed },
      }
    case 'alipay.trade.refunded': {
      const { refund } = event
      return {
        summary: `Alipay trade refunded ${yuan(refund.amountFen)} (out_request_no ${refund.outRequestNo})`,
        refs: {
          ...ofTrade(state.trades.get(refund.tradeKey)),
          refundId: refund.outRequestNo,
          ...owed,
        },
      }
    }
    case 'alipay.notification.failed':
    case 'alipay.notification.delivered': {
      const record = state.notifications.get(event.id)
      const what = `trade_status_sync ${event.id}`
      return {
        summary:
          event.type === 'alipay.notification.delivered'
            ? `${what} acknowledged with success (attempt ${event.attempts})`
            : failedSummary(what, event),
        refs: record ? alipayNotificationRefs(state, record) : { notificationId: event.id },
      }
    }
  }
}
