// Test helpers for the domain: a state that folds decisions in as the store would, minus the journal.
import type { Checkout, CreateOrderBody, Order } from '../../contract/order.ts'
import type {
  FundingSource,
  HuabeiPeriods,
  PaymentMethodId,
  Wallet,
} from '../../contract/payment.ts'
import type { Era, PersonaId } from '../../contract/sim.ts'
import { apply } from './apply.ts'
import { openFriendRequest, openPayment } from './cashier.ts'
import { sweepExpired } from './expiry.ts'
import { SOURCES } from './gateway/channels.ts'
import { payFriendRequest } from './gateway/friend-pay.ts'
import { confirmPayment } from './gateway/payments.ts'
import { createOrder } from './merchant/orders.ts'
import type { Decision } from './result.ts'
import { SEED_CART } from './seed.ts'
import type { FriendRequestRecord, PaymentRecord, State } from './state.ts'

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

/** One shop's goods of the seed cart (the tea shop's): a checkout of one order. */
export const oneShopBody: CreateOrderBody = {
  ...seedBody,
  lines: [
    { skuId: 'sku-longjing-250', qty: 1 },
    { skuId: 'sku-mug-150', qty: 2 },
  ],
}

/** Checks out `body`: its checkout (an order per shop). */
export function placeCheckout(
  state: State,
  persona: PersonaId = 'shopper',
  now = T0,
  body: CreateOrderBody = seedBody,
): Checkout {
  const idemKey = nextId('key-')
  const cmd = {
    checkoutId: nextId('c'),
    orderIds: body.lines.map(() => nextId('o')),
    persona,
    idemKey,
    fingerprint: JSON.stringify(body),
    body,
  }
  return must(step(state, createOrder(state.merchant, cmd, now))).checkout
}

/**
 * An order of one shop (the tea shop's goods of the seed cart unless `body` says otherwise): its
 * checkout holds it alone, so paying it by its id pays exactly it.
 */
export function placeOrder(
  state: State,
  persona: PersonaId = 'shopper',
  now = T0,
  body: CreateOrderBody = oneShopBody,
): Order {
  const checkout = placeCheckout(state, persona, now, body)
  const first = checkout.orders[0]
  if (!first || checkout.orders.length !== 1) throw new Error('placeOrder wants one shop')
  return first
}

/** One mug ordered by the shopper, its item given a pay window of `minutes` (to outlive a code or a link). */
export function placeLongOrder(state: State, minutes: number): Order {
  const sku = state.merchant.skus.get('sku-mug-150')
  if (sku) sku.payWindowMinutes = minutes
  return placeOrder(state, 'shopper', T0, {
    ...seedBody,
    lines: [{ skuId: 'sku-mug-150', qty: 1 }],
  })
}

export interface AttemptOptions {
  era?: Era
  appVersion?: string
  huabeiPeriods?: HuabeiPeriods
}

export function tryOpenAttempt(
  state: State,
  orderId: string,
  persona: PersonaId = 'shopper',
  now = T0,
  method: PaymentMethodId = 'alipay-balance',
  options: AttemptOptions = {},
) {
  return step(
    state,
    openPayment(
      state,
      {
        persona,
        era: options.era ?? 'beta',
        appVersion: options.appVersion ?? '10.40.0',
        paymentId: nextId('p'),
        idemKey: nextId('pk-'),
        fingerprint: `${orderId}/${method}/${options.huabeiPeriods}`,
        orderId,
        method,
        huabeiPeriods: options.huabeiPeriods ?? null,
        payToken: nextId('tok-'),
      },
      now,
    ),
  )
}

export function openAttempt(
  state: State,
  orderId: string,
  persona: PersonaId = 'shopper',
  now = T0,
  method: PaymentMethodId = 'alipay-balance',
  options: AttemptOptions = {},
): PaymentRecord {
  return must(tryOpenAttempt(state, orderId, persona, now, method, options)).payment
}

export function confirm(
  state: State,
  paymentId: string,
  password: string,
  persona: PersonaId = 'shopper',
  now = T0,
  source: FundingSource | null = null,
) {
  return step(
    state,
    confirmPayment(
      state.gateway,
      { paymentId, persona, password, source, transactionId: nextId('t') },
      now,
    ),
  )
}

export function askFriend(
  state: State,
  orderId: string,
  persona: PersonaId = 'shopper',
  now = T0,
  message = '帮我付一下',
): FriendRequestRecord {
  const decision = openFriendRequest(
    state,
    {
      persona,
      token: nextId('friend-token-'),
      idemKey: nextId('fk-'),
      fingerprint: `${orderId}/${message}`,
      orderId,
      message,
      via: 'wechat',
    },
    now,
  )
  return must(step(state, decision)).request
}

export function friendPays(
  state: State,
  token: string,
  persona: PersonaId = 'friend',
  now = T0,
  source: FundingSource = 'wechat-balance',
  password = '123456',
) {
  return step(
    state,
    payFriendRequest(
      state.gateway,
      {
        token,
        persona,
        password,
        source,
        paymentId: nextId('fp'),
        transactionId: nextId('t'),
      },
      now,
    ),
  )
}

export function sweep(state: State, now: number) {
  return step(state, sweepExpired(state, now))
}

/** Every fen in every wallet of every persona. */
export function walletTotal(state: State): number {
  let total = 0
  for (const account of Object.values(state.gateway.accounts)) {
    for (const spec of Object.values(SOURCES)) total += account.wallet[spec.wallet]
  }
  return total
}

/** What the merchant has received: the SUCCESS payments. */
export function receivedTotal(state: State): number {
  let total = 0
  for (const p of state.gateway.payments.values()) if (p.status === 'SUCCESS') total += p.amountFen
  return total
}

export function balance(state: State, persona: PersonaId, key: keyof Wallet): number {
  return state.gateway.accounts[persona].wallet[key]
}
