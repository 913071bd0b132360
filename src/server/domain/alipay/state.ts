import type { AlipaySource } from '../../../contract/alipay-test.ts'
import type { AlipayTradeStatus } from '../../../contract/alipay.ts'
import type { PersonaId } from '../../../contract/sim.ts'

// The Alipay sandbox's part of a world: apps registered with their own keys, their trades, refunds and
// the notifications owed to them. Money moves between the personas' Alipay balances (the gateway's
// accounts, shared with Taobao's own Alipay payments) and these apps, so it stays conserved.

/** An app's own key (应用公钥), registered by the test API (the demo app is the process's, not state). */
export interface AlipayAppRecord {
  appId: string
  publicKeyPem: string
  name: string
  registeredAt: string
}

/** How the trade was made: a QR code (precreate), a phone's cashier (wap.pay), a desktop's (page.pay). */
export type AlipayProduct = 'QR' | 'WAP' | 'PAGE'

/**
 * `CREATED`: made but unseen: as on Alipay, a precreated or wap trade answers TRADE_NOT_EXIST to query
 * and close until a buyer scans it or opens it; from then on Alipay's own statuses.
 */
export type AlipayTradeState = 'CREATED' | AlipayTradeStatus

export interface AlipayTradeRecord {
  /** `tradeKey(appId, outTradeNo)`. */
  key: string
  appId: string
  outTradeNo: string
  /** Alipay's trade_no, given at creation, shown once the trade is seen. */
  tradeNo: string
  product: AlipayProduct
  subject: string
  body: string | null
  amountFen: number
  notifyUrl: string | null
  returnUrl: string | null
  quitUrl: string | null
  passbackParams: string | null
  /** What the QR code or the cashier URL carries: `<world>.<random>`. */
  payToken: string
  /** Identifies the create's parameters: the same out_trade_no with others is CONTEXT_INCONSISTENT. */
  fingerprint: string
  createdAt: string
  /** After it nothing pays the trade: it closes (timeout_express, else 2 hours for a QR code). */
  expiresAt: string
  state: AlipayTradeState
  buyer: PersonaId | null
  /** When a buyer scanned or opened it. */
  seenAt: string | null
  source: AlipaySource | null
  paidAt: string | null
  closedAt: string | null
  refundedFen: number
}

export interface AlipayRefundRecord {
  /** `refundKey(tradeKey, outRequestNo)`. */
  key: string
  tradeKey: string
  outRequestNo: string
  amountFen: number
  reason: string | null
  fingerprint: string
  at: string
}

/** A notification owed to an app's notify_url, and how its delivery goes (Alipay's retry schedule). */
export interface AlipayNotificationRecord {
  /** Alipay's notify_id. */
  id: string
  appId: string
  tradeKey: string
  /** What the trade's status was when this was owed (what it reports). */
  tradeStatus: AlipayTradeStatus
  /** A refund's notification names it. */
  refundKey: string | null
  url: string
  createdAt: string
  attempts: number
  /** When the next attempt falls due (ms, on the world's clock); null once delivered or given up. */
  nextAtMs: number | null
  status: 'PENDING' | 'DELIVERED' | 'FAILED'
  lastError: string | null
}

export interface AlipayState {
  apps: Map<string, AlipayAppRecord>
  trades: Map<string, AlipayTradeRecord>
  /** Index: trade_no → tradeKey. */
  byTradeNo: Map<string, string>
  /** Index: payToken → tradeKey. */
  byToken: Map<string, string>
  refunds: Map<string, AlipayRefundRecord>
  notifications: Map<string, AlipayNotificationRecord>
  /** Index of PENDING notifications. */
  pendingNotifications: Set<string>
}

export function emptyAlipayState(): AlipayState {
  return {
    apps: new Map(),
    trades: new Map(),
    byTradeNo: new Map(),
    byToken: new Map(),
    refunds: new Map(),
    notifications: new Map(),
    pendingNotifications: new Set(),
  }
}

export const tradeKey = (appId: string, outTradeNo: string) => `${appId} ${outTradeNo}`
export const refundKey = (key: string, outRequestNo: string) => `${key} ${outRequestNo}`
