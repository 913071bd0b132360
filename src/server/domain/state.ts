import type { Address, CartLine, Shop, Sku } from '../../contract/catalog.ts'
import type { FriendRequestEnd, FriendRequestStatus, ShareVia } from '../../contract/friend-pay.ts'
import type { Fen } from '../../contract/money.ts'
import type { Order } from '../../contract/order.ts'
import type {
  GoodsSummary,
  FundingSource,
  HuabeiPeriods,
  Installment,
  PaymentMethodId,
  TradeState,
  Wallet,
} from '../../contract/payment.ts'
import type { PersonaId } from '../../contract/sim.ts'
import type { GatewaySettings } from '../../contract/test-api.ts'
import type { PasswordRealm } from './gateway/channels.ts'
import type { WechatpayState } from './wechatpay/state.ts'
import type { AlipayState } from './alipay/state.ts'

/** An Idempotency-Key seen before: the fingerprint of its body and what it created. */
export interface IdempotencyRecord {
  fingerprint: string
  id: string
}

/** Taobao's side: catalog with live stock, orders. */
export interface MerchantState {
  shops: Shop[]
  skus: Map<string, Sku>
  addresses: Address[]
  cart: CartLine[]
  crossStore: { thresholdFen: Fen; offFen: Fen }
  deliveryFen: Fen
  orders: Map<string, Order>
  /** Index of orders still PENDING_PAYMENT, so closing expired ones doesn't scan history. */
  pendingOrders: Set<string>
  /** Keyed by `idemScope(persona, key)`; a record's id is the checkout's. */
  orderKeys: Map<string, IdempotencyRecord>
  /** checkoutId → its orders' ids, in the order page's shop order (older snapshots lack it: `upgradeState`). */
  checkouts: Map<string, string[]>
}

/** What the goods were, as the merchant told the gateway (the friend's page shows them). */
export interface Goods {
  title: string
  spec: string
  image: string
  unitFen: Fen
  qty: number
}

export interface PaymentRecord {
  id: string
  /** The trade's number: the merchant's checkout id (or, journalled before checkouts, an order id). */
  orderId: string
  /** The merchant's orders it pays (absent in payments journalled before checkouts: `[orderId]`). */
  orderIds?: string[]
  method: PaymentMethodId
  status: TradeState
  amountFen: Fen
  /** Persona whose wallet paid (set when the payment succeeds). */
  payer: PersonaId | null
  createdAt: string
  paidAt: string | null
  transactionId: string | null
  /** The persona who opened this attempt (for friend-pay: the requester). */
  owner: PersonaId
  /** The order's deadline as the merchant told the gateway (WeChat's time_expire). */
  expiresAt: string
  /** The goods in a line, as pay sheets and bills show them. */
  description: string
  /** The first item's title and the count, for screens in another language than WeChat's description. */
  goods?: GoodsSummary | undefined
  /** What paid, once it succeeded. */
  source: FundingSource | null
  huabeiPeriods: HuabeiPeriods | null
  installment: Installment | null
  /** The pay sheet's token (wechat jump, unionpay, the scanned code's `pr`). */
  payToken: string | null
  /** wechat-scan: the code's own end (2 hours, never past the order's deadline). */
  codeExpiresAt: string | null
  /** friend-pay: the request it paid. */
  friendToken: string | null
}

export interface FriendRequestRecord {
  token: string
  /** The trade's number: the checkout's id (as on its payments). */
  orderId: string
  /** The orders it asks to be paid (absent before checkouts: `[orderId]`). */
  orderIds?: string[]
  requester: PersonaId
  status: FriendRequestStatus
  endReason: FriendRequestEnd | null
  message: string
  via: ShareVia
  amountFen: Fen
  goods: Goods[]
  createdAt: string
  /** The link's own end: 24 hours after it was made. */
  expiresAt: string
  /** The order's deadline: the request ends with its order. */
  orderExpiresAt: string
  endedAt: string | null
  paymentId: string | null
  payer: PersonaId | null
}

/** A refund of a paid order (the test API's): part of it, or what was left of it (`full`). */
export interface RefundRecord {
  id: string
  orderId: string
  paymentId: string
  /** Whose wallet gets the money back, and into which of its sources. */
  payer: PersonaId
  source: FundingSource
  amountFen: Fen
  /** The order's refunded amount with this one. */
  refundedFen: Fen
  /** Nothing is left to refund: the order is REFUNDED. */
  full: boolean
  /**
   * Nothing is left of the payment either (each order of its checkout it paid is refunded): it is
   * REFUND. Absent in refunds from before checkouts, where it is `full`.
   */
  paymentFull?: boolean
  at: string
}

export interface PasswordGuard {
  /** Wrong passwords in a row. */
  failedTries: number
  lockedUntilMs: number | null
}

export interface Account {
  wallet: Wallet
  password: string
  guards: Record<PasswordRealm, PasswordGuard>
}

/** The payment gateway's side: payments, pay-for-me requests, wallets, password lockout. */
export interface GatewayState {
  payments: Map<string, PaymentRecord>
  /** Index of NOTPAY/USERPAYING payments. */
  openPayments: Set<string>
  /** Index: orderId → its payments' ids, oldest first. */
  paymentsByOrder: Map<string, string[]>
  /** Index: pay-sheet token → payment id. */
  paymentByToken: Map<string, string>
  paymentKeys: Map<string, IdempotencyRecord>
  /** orderId → the id of its one SUCCESS payment. */
  paidOrders: Map<string, string>
  friendRequests: Map<string, FriendRequestRecord>
  /** Index: orderId → its requests' tokens, oldest first. */
  friendByOrder: Map<string, string[]>
  friendKeys: Map<string, IdempotencyRecord>
  accounts: Record<PersonaId, Account>
  settings: GatewaySettings
  /** Refunds of paid orders, by id (older snapshots lack it: `upgradeState`). */
  refunds: Map<string, RefundRecord>
}

export interface State {
  merchant: MerchantState
  gateway: GatewayState
  /** WeChat Pay APIv3's merchants, orders, refunds, notifications (docs/wechatpay.md). */
  wechatpay: WechatpayState
  /** Alipay's OpenAPI sandbox: apps, trades, refunds, notifications (docs/alipay.md). */
  alipay: AlipayState
}

export function idemScope(persona: PersonaId, key: string): string {
  return `${persona} ${key}`
}

/** Appends to a Map-of-arrays index. */
export function indexAdd(index: Map<string, string[]>, key: string, value: string): void {
  const list = index.get(key)
  if (list) list.push(value)
  else index.set(key, [value])
}
