import type { Address, CartLine, Shop, Sku } from '../../contract/catalog.ts'
import type { Fen } from '../../contract/money.ts'
import type { Order } from '../../contract/order.ts'
import type { HuabeiPeriods, Payment, Wallet } from '../../contract/payment.ts'
import type { PersonaId } from '../../contract/sim.ts'
import type { PasswordRealm } from './gateway/channels.ts'

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
  /** Keyed by `idemScope(persona, key)`. */
  orderKeys: Map<string, IdempotencyRecord>
}

export interface PaymentRecord extends Payment {
  /** The persona who opened this attempt at the cashier. */
  owner: PersonaId
  /** The order's deadline as the merchant told the gateway (WeChat's time_expire). */
  expiresAt: string
  huabeiPeriods: HuabeiPeriods | null
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

/** The payment gateway's side: payments, wallets, password lockout. */
export interface GatewayState {
  payments: Map<string, PaymentRecord>
  /** Index of NOTPAY/USERPAYING payments. */
  openPayments: Set<string>
  paymentKeys: Map<string, IdempotencyRecord>
  /** orderId → the id of its one SUCCESS payment. */
  paidOrders: Map<string, string>
  accounts: Record<PersonaId, Account>
}

export interface State {
  merchant: MerchantState
  gateway: GatewayState
}

export function idemScope(persona: PersonaId, key: string): string {
  return `${persona} ${key}`
}
