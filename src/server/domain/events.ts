import type { Address } from '../../contract/catalog.ts'
import type { FriendRequestEnd } from '../../contract/friend-pay.ts'
import type { Order } from '../../contract/order.ts'
import type { FundingSource, PaymentMethodId, Wallet } from '../../contract/payment.ts'
import type { PersonaId } from '../../contract/sim.ts'
import type { GatewaySettings } from '../../contract/test-api.ts'
import type { FriendRequestRecord, PaymentRecord, RefundRecord } from './state.ts'
import type { PasswordRealm } from './gateway/channels.ts'
import type { WechatpayEvent } from './wechatpay/events.ts'
import type { AlipayEvent } from './alipay/events.ts'

/** Why an open payment attempt closed. */
export type PaymentCloseReason = 'SUPERSEDED' | 'EXPIRED' | 'ORDERPAID' | 'ORDERCLOSED'

/**
 * Everything that ever happened, as journalled. Events carry their results (ids, times, new counters),
 * so applying one never decides anything.
 */
export type DomainEvent =
  /**
   * One per shop's order of a checkout, in one decision; the first carries the checkout's
   * Idempotency-Key (the others none). Orders journalled before checkouts have no `checkoutId`.
   */
  | { type: 'order.created'; order: Order; idemKey: string | null; fingerprint: string | null }
  | { type: 'order.closed'; orderId: string; at: string; reason: 'TIMEOUT' | 'CANCELLED' }
  | {
      type: 'order.paid'
      orderId: string
      paymentId: string
      method: PaymentMethodId
      transactionId: string
      at: string
    }
  /** `idemKey` is null for a payment made in one step (a friend paying a request). */
  | {
      type: 'payment.created'
      payment: PaymentRecord
      idemKey: string | null
      fingerprint: string | null
    }
  /** A pay sheet was opened (a code scanned): NOTPAY → USERPAYING. */
  | { type: 'payment.opened'; paymentId: string; by: PersonaId; at: string }
  | { type: 'payment.closed'; paymentId: string; at: string; reason: PaymentCloseReason }
  | {
      type: 'password.failed'
      persona: PersonaId
      realm: PasswordRealm
      failedTries: number
      lockedUntilMs: number | null
    }
  /** 忘记密码？'s simulated reset: the realm's wrong tries and its lock are cleared. */
  | { type: 'password.reset'; persona: PersonaId; realm: PasswordRealm; at: string }
  | {
      type: 'payment.succeeded'
      paymentId: string
      payer: PersonaId
      source: FundingSource
      amountFen: number
      transactionId: string
      at: string
    }
  | { type: 'payment.refunded'; paymentId: string; at: string }
  /** A paid order refunded (the test API's, docs/console.md): the money back to the payer at once. */
  | { type: 'order.refunded'; refund: RefundRecord }
  | { type: 'friend.requested'; request: FriendRequestRecord; idemKey: string; fingerprint: string }
  | {
      type: 'friend.ended'
      token: string
      status: 'PAID' | 'CANCELLED' | 'EXPIRED'
      reason: FriendRequestEnd
      at: string
      paymentId: string | null
      payer: PersonaId | null
    }
  | { type: 'settings.changed'; settings: GatewaySettings }
  /** Test API fixtures: a persona's balances, a SKU's stock. */
  | { type: 'fixture.wallet'; persona: PersonaId; wallet: Partial<Wallet> }
  | { type: 'fixture.stock'; skuId: string; stock: number }
  /** A shopper added an address to the world's address book (merchant/addresses.ts). */
  | { type: 'address.added'; address: Address }
  | WechatpayEvent
  | AlipayEvent
