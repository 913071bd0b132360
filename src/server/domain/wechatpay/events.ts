import type { FundingSource } from '../../../contract/payment.ts'
import type { PersonaId } from '../../../contract/sim.ts'
import type {
  V3MerchantRecord,
  V3NotificationRecord,
  V3RefundRecord,
  V3TransactionRecord,
} from './state.ts'

/** What the WeChat Pay APIv3 sandbox journals (a file format: add fields as optional, add new types). */
export type WechatpayEvent =
  | { type: 'wechatpay.merchant.registered'; merchant: V3MerchantRecord }
  | { type: 'wechatpay.transaction.created'; transaction: V3TransactionRecord }
  | { type: 'wechatpay.transaction.closed'; key: string; at: string }
  /** The payer's wallet pays the merchant; the TRANSACTION.SUCCESS notification is owed from now. */
  | {
      type: 'wechatpay.transaction.paid'
      key: string
      payer: PersonaId
      source: FundingSource
      amountFen: number
      transactionId: string
      at: string
      notification: V3NotificationRecord
    }
  /** Money back to the payer at once; REFUND.SUCCESS owed when the refund named a notify_url. */
  | {
      type: 'wechatpay.refund.created'
      refund: V3RefundRecord
      notification: V3NotificationRecord | null
    }
  /** A delivery failed (or was dropped): the next falls due at `nextAtMs`, or never (given up). */
  | {
      type: 'wechatpay.notification.failed'
      id: string
      attempts: number
      nextAtMs: number | null
      error: string
    }
  | { type: 'wechatpay.notification.delivered'; id: string; attempts: number; at: string }
