import type { FundingSource } from '../../../contract/payment.ts'
import type { PersonaId } from '../../../contract/sim.ts'
import type { TradeType, V3TradeState } from '../../../contract/wechatpay.ts'
import type { VerifyMode } from '../../../contract/wechatpay-test.ts'

// The WeChat Pay APIv3 sandbox's part of a world: merchants registered with their own keys, their
// orders (transactions), refunds and the notifications owed to them. Money moves between the personas'
// WeChat wallets (the gateway's accounts) and these merchants, so it stays conserved.

/** A merchant's own key, registered by the test API (the demo merchant is the process's, not state). */
export interface V3MerchantRecord {
  mchid: string
  /** The appid bound to it; null accepts any. */
  appid: string | null
  serialNo: string
  publicKeyPem: string
  apiV3Key: string
  name: string
  mode: VerifyMode
  /** The Native code_url's form (absent in older journals: `weixin`). */
  codeUrl?: 'weixin' | 'web'
  registeredAt: string
}

export interface V3TransactionRecord {
  /** `txKey(mchid, outTradeNo)`. */
  key: string
  mchid: string
  appid: string
  outTradeNo: string
  tradeType: TradeType
  description: string
  attach: string | null
  notifyUrl: string
  amountFen: number
  /** time_expire (ISO); after it nothing pays the order. */
  expiresAt: string | null
  /** JSAPI's payer.openid, as the merchant sent it. */
  openid: string | null
  /** H5's scene_info.payer_client_ip; a device_id, echoed by the query. */
  deviceId: string | null
  /** prepay_id (JSAPI, APP, H5) or the native code's `pr`: what the shopper's WeChat opens. */
  payToken: string
  /** Identifies the create's body: the same out_trade_no with another body is OUT_TRADE_NO_USED. */
  fingerprint: string
  createdAt: string
  state: V3TradeState
  transactionId: string | null
  successTime: string | null
  payer: PersonaId | null
  source: FundingSource | null
  closedAt: string | null
  refundedFen: number
}

export interface V3RefundRecord {
  /** `refundKey(mchid, outRefundNo)`. */
  key: string
  mchid: string
  outRefundNo: string
  refundId: string
  txKey: string
  outTradeNo: string
  transactionId: string
  reason: string | null
  notifyUrl: string | null
  amountFen: number
  totalFen: number
  payer: PersonaId
  source: FundingSource
  fingerprint: string
  createdAt: string
  successTime: string
}

export type V3EventType = 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS'

/** A notification owed to a merchant, and how its delivery goes (WeChat's retry schedule). */
export interface V3NotificationRecord {
  /** WeChat's notification id (a UUID). */
  id: string
  mchid: string
  eventType: V3EventType
  /** The transaction's or the refund's key. */
  ref: string
  url: string
  createdAt: string
  attempts: number
  /** When the next attempt falls due (ms, on the world's clock); null once delivered or given up. */
  nextAtMs: number | null
  status: 'PENDING' | 'DELIVERED' | 'FAILED'
  lastError: string | null
}

export interface WechatpayState {
  merchants: Map<string, V3MerchantRecord>
  transactions: Map<string, V3TransactionRecord>
  /** Index: transaction_id → txKey (paid transactions only). */
  byTransactionId: Map<string, string>
  /** Index: payToken → txKey. */
  byToken: Map<string, string>
  refunds: Map<string, V3RefundRecord>
  notifications: Map<string, V3NotificationRecord>
  /** Index of PENDING notifications. */
  pendingNotifications: Set<string>
}

export function emptyWechatpayState(): WechatpayState {
  return {
    merchants: new Map(),
    transactions: new Map(),
    byTransactionId: new Map(),
    byToken: new Map(),
    refunds: new Map(),
    notifications: new Map(),
    pendingNotifications: new Set(),
  }
}

export const txKey = (mchid: string, outTradeNo: string) => `${mchid} ${outTradeNo}`
export const refundKey = (mchid: string, outRefundNo: string) => `${mchid} ${outRefundNo}`
