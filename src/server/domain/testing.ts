// Test helpers for the domain: a state that folds decisions in as the store would, minus the journal.
import type { CreateOrderBody, Order } from '../../contract/order.ts'
import type { PaymentMethodId } from '../../contract/payment.ts'
import type { PersonaId } from '../../contract/sim.ts'
import { apply } from './apply.ts'
import { openPayment } from './cashier.ts'
import { confirmPayment } from './gateway/payments.ts'
import { createOrder } from './merchant/orders.ts'
import type { Decision } from './result.ts'
import { SEED_CART } from './seed.ts'
import type { PaymentRecord, State } from './state.ts'

export const T0 = Date.parse('2024-09-18T10:00:00.000Z')

let counter = 0
export const nextId = (prefix: string) => `${prefix}${++counter}`

export function step<T>(state: State, decision: Decision<T>): Decision<T> {
  for (const event of decision.events) apply(state, event)
  return decision
}

export function must<T>(decision: Decision<T>): T {
  if (!decision.ok)
    throw new Error(`expected success, got ${decision.error.code}: ${decision.error.message}`)
  return decision.value
}

export const seedBody: CreateOrderBody = {
  lines: SEED_CART.map((l) => ({ ...l })),
  addressId: 'addr-hz',
  note: '',
  invoice: { kind: 'none' },
}

export function placeOrder(
  state: State,
  persona: PersonaId = 'shopper',
  now = T0,
  body: CreateOrderBody = seedBody,
): Order {
  const idemKey = nextId('key-')
  const decision = createOrder(
    state.merchant,
    { orderId: nextId('o'), persona, idemKey, fingerprint: JSON.stringify(body), body },
    now,
  )
  return must(step(state, decision)).order
}

export function openAttempt(
  state: State,
  orderId: string,
  persona: PersonaId = 'shopper',
  now = T0,
  method: PaymentMethodId = 'alipay-balance',
): PaymentRecord {
  const decision = openPayment(
    state,
    {
      persona,
      era: 'beta',
      appVersion: '10.40.0',
      paymentId: nextId('p'),
      idemKey: nextId('pk-'),
      fingerprint: `${orderId}/${method}`,
      orderId,
      method,
      huabeiPeriods: null,
    },
    now,
  )
  return must(step(state, decision)).payment
}

export function confirm(
  state: State,
  paymentId: string,
  password: string,
  persona: PersonaId = 'shopper',
  now = T0,
) {
  return step(
    state,
    confirmPayment(
      state.gateway,
      { paymentId, persona, password, transactionId: nextId('t') },
      now,
    ),
  )
}
