import type { Order } from '../../contract/order.ts'
import type { PaymentMethodId } from '../../contract/payment.ts'
import type { PersonaId } from '../../contract/sim.ts'
import type { PaymentRecord } from './state.ts'
import type { FundingSource, PasswordRealm } from './gateway/channels.ts'

/**
 * Everything that ever happened, as journalled. Events carry their results (ids, times, new counters),
 * so applying one never decides anything.
 */
export type DomainEvent =
  | { type: 'order.created'; order: Order; idemKey: string; fingerprint: string }
  | { type: 'order.closed'; orderId: string; at: string; reason: 'TIMEOUT' | 'CANCELLED' }
  | {
      type: 'order.paid'
      orderId: string
      paymentId: string
      method: PaymentMethodId
      transactionId: string
      at: string
    }
  | { type: 'payment.created'; payment: PaymentRecord; idemKey: string; fingerprint: string }
  | { type: 'payment.closed'; paymentId: string; at: string; reason: 'SUPERSEDED' | 'EXPIRED' }
  | {
      type: 'password.failed'
      persona: PersonaId
      realm: PasswordRealm
      failedTries: number
      lockedUntilMs: number | null
    }
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
