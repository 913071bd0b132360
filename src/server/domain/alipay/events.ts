import type { AlipaySource } from '../../../contract/alipay-test.ts'
import type { PersonaId } from '../../../contract/sim.ts'
import type {
  AlipayAppRecord,
  AlipayNotificationRecord,
  AlipayRefundRecord,
  AlipayTradeRecord,
} from './state.ts'

/** What the Alipay sandbox journals (a file format: add fields as optional, add new types). */
export type AlipayEvent =
  | { type: 'alipay.app.registered'; app: AlipayAppRecord }
  | { type: 'alipay.trade.created'; trade: AlipayTradeRecord }
  /** A buyer scanned the code or opened the cashier: the trade exists for queries (WAIT_BUYER_PAY). */
  | {
      type: 'alipay.trade.seen'
      key: string
      buyer: PersonaId
      at: string
      notification: AlipayNotificationRecord | null
    }
  | {
      type: 'alipay.trade.closed'
      key: string
      at: string
      notification: AlipayNotificationRecord | null
    }
  /** The buyer's Alipay pays the app; the TRADE_SUCCESS notification is owed from now. */
  | {
      type: 'alipay.trade.paid'
      key: string
      buyer: PersonaId
      source: AlipaySource
      amountFen: number
      at: string
      notification: AlipayNotificationRecord | null
    }
  /** Money back to the buyer at once; a whole refund closes the trade (TRADE_CLOSED). */
  | {
      type: 'alipay.trade.refunded'
      refund: AlipayRefundRecord
      notification: AlipayNotificationRecord | null
    }
  | {
      type: 'alipay.notification.failed'
      id: string
      attempts: number
      nextAtMs: number | null
      error: string
    }
  | { type: 'alipay.notification.delivered'; id: string; attempts: number; at: string }

/** Whether an event is the Alipay sandbox's (they all start `alipay.`). */
export function isAlipayEvent(event: { type: string }): event is AlipayEvent {
  return event.type.startsWith('alipay.')
}
