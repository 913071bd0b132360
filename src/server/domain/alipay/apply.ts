import { SOURCES } from '../gateway/channels.ts'
import type { GatewayState } from '../state.ts'
import type { AlipayEvent } from './events.ts'
import type { AlipayNotificationRecord, AlipayState } from './state.ts'

function owe(state: AlipayState, notification: AlipayNotificationRecord | null): void {
  if (!notification) return
  state.notifications.set(notification.id, { ...notification })
  state.pendingNotifications.add(notification.id)
}

/** Folds one Alipay event in, in place; the buyer's wallet lives with the gateway's accounts. */
export function applyAlipay(state: AlipayState, gateway: GatewayState, event: AlipayEvent): void {
  switch (event.type) {
    case 'alipay.app.registered':
      state.apps.set(event.app.appId, { ...event.app })
      return
    case 'alipay.trade.created': {
      const trade = { ...event.trade }
      state.trades.set(trade.key, trade)
      state.byToken.set(trade.payToken, trade.key)
      state.byTradeNo.set(trade.tradeNo, trade.key)
      return
    }
    case 'alipay.trade.seen': {
      const trade = state.trades.get(event.key)
      if (!trade || trade.state !== 'CREATED') return
      trade.state = 'WAIT_BUYER_PAY'
      trade.buyer = event.buyer
      trade.seenAt = event.at
      owe(state, event.notification)
      return
    }
    case 'alipay.trade.closed': {
      const trade = state.trades.get(event.key)
      if (!trade || (trade.state !== 'CREATED' && trade.state !== 'WAIT_BUYER_PAY')) return
      trade.state = 'TRADE_CLOSED'
      trade.closedAt = event.at
      owe(state, event.notification)
      return
    }
    case 'alipay.trade.paid': {
      const trade = state.trades.get(event.key)
      if (!trade || (trade.state !== 'CREATED' && trade.state !== 'WAIT_BUYER_PAY')) return
      trade.state = 'TRADE_SUCCESS'
      trade.buyer = event.buyer
      trade.seenAt ??= event.at
      trade.source = event.source
      trade.paidAt = event.at
      const spec = SOURCES[event.source]
      const account = gateway.accounts[event.buyer]
      account.wallet[spec.wallet] -= event.amountFen
      account.guards[spec.realm] = { failedTries: 0, lockedUntilMs: null }
      owe(state, event.notification)
      return
    }
    case 'alipay.trade.refunded': {
      const { refund } = event
      const trade = state.trades.get(refund.tradeKey)
      if (!trade?.buyer || !trade.source) return
      state.refunds.set(refund.key, { ...refund })
      trade.refundedFen += refund.amountFen
      if (trade.refundedFen >= trade.amountFen) {
        trade.state = 'TRADE_CLOSED'
        trade.closedAt = refund.at
      }
      gateway.accounts[trade.buyer].wallet[SOURCES[trade.source].wallet] += refund.amountFen
      owe(state, event.notification)
      return
    }
    case 'alipay.notification.failed': {
      const note = state.notifications.get(event.id)
      if (!note || note.status !== 'PENDING') return
      note.attempts = event.attempts
      note.lastError = event.error
      note.nextAtMs = event.nextAtMs
      if (event.nextAtMs === null) {
        note.status = 'FAILED'
        state.pendingNotifications.delete(note.id)
      }
      return
    }
    case 'alipay.notification.delivered': {
      const note = state.notifications.get(event.id)
      if (!note || note.status !== 'PENDING') return
      note.attempts = event.attempts
      note.status = 'DELIVERED'
      note.nextAtMs = null
      note.lastError = null
      state.pendingNotifications.delete(note.id)
      return
    }
  }
}
