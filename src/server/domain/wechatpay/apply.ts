import { SOURCES } from '../gateway/channels.ts'
import type { GatewayState } from '../state.ts'
import type { WechatpayEvent } from './events.ts'
import type { V3NotificationRecord, WechatpayState } from './state.ts'

function owe(state: WechatpayState, notification: V3NotificationRecord): void {
  state.notifications.set(notification.id, { ...notification })
  state.pendingNotifications.add(notification.id)
}

/** Folds one APIv3 event in, in place; the payer's wallet lives with the gateway's accounts. */
export function applyWechatpay(
  state: WechatpayState,
  gateway: GatewayState,
  event: WechatpayEvent,
): void {
  switch (event.type) {
    case 'wechatpay.merchant.registered':
      state.merchants.set(event.merchant.mchid, { ...event.merchant })
      return
    case 'wechatpay.transaction.created': {
      const tx = { ...event.transaction }
      state.transactions.set(tx.key, tx)
      state.byToken.set(tx.payToken, tx.key)
      return
    }
    case 'wechatpay.transaction.closed': {
      const tx = state.transactions.get(event.key)
      if (!tx || tx.state !== 'NOTPAY') return
      tx.state = 'CLOSED'
      tx.closedAt = event.at
      return
    }
    case 'wechatpay.transaction.paid': {
      const tx = state.transactions.get(event.key)
      if (!tx || tx.state !== 'NOTPAY') return
      tx.state = 'SUCCESS'
      tx.payer = event.payer
      tx.source = event.source
      tx.transactionId = event.transactionId
      tx.successTime = event.at
      state.byTransactionId.set(event.transactionId, tx.key)
      const spec = SOURCES[event.source]
      const account = gateway.accounts[event.payer]
      account.wallet[spec.wallet] -= event.amountFen
      account.guards[spec.realm] = { failedTries: 0, lockedUntilMs: null }
      owe(state, event.notification)
      return
    }
    case 'wechatpay.refund.created': {
      const { refund } = event
      const tx = state.transactions.get(refund.txKey)
      if (!tx) return
      state.refunds.set(refund.key, { ...refund })
      tx.refundedFen += refund.amountFen
      tx.state = 'REFUND'
      gateway.accounts[refund.payer].wallet[SOURCES[refund.source].wallet] += refund.amountFen
      if (event.notification) owe(state, event.notification)
      return
    }
    case 'wechatpay.notification.failed': {
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
    case 'wechatpay.notification.delivered': {
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
