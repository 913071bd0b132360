import type { ShareVia } from '../../contract/friend-pay.ts'
import type { Cashier, HuabeiPeriods, PaymentMethodId } from '../../contract/payment.ts'
import type { Era, PersonaId } from '../../contract/sim.ts'
import { eligibility } from './gateway/eligibility.ts'
import { replayFriendRequest, requestFriendPay } from './gateway/friend-pay.ts'
import { createPayment, replayPayment } from './gateway/payments.ts'
import { orderOfOther } from './merchant/orders.ts'
import { tradeRequestFor } from './merchant/trade.ts'
import { goodsSummary } from './merchant/checkouts.ts'
import { PERSONAS } from './personas.ts'
import { accept, iso, refuse } from './result.ts'
import type { Decision } from './result.ts'
import type { FriendRequestRecord, PaymentRecord, State } from './state.ts'

// Taobao's cashier backend: it asks the merchant for the order and the gateway for what can pay it.
// These are the only commands that read both sides.

/** Who is at the cashier, and when (BRIEF §6: persona, era, app version). */
export interface ShopperContext {
  persona: PersonaId
  era: Era
  appVersion: string
}

export function cashierView(
  state: State,
  who: ShopperContext,
  orderId: string,
  now: number,
): Decision<Cashier> {
  const other = orderOfOther(state.merchant, who.persona, orderId)
  if (other) return { ok: false, events: [], error: other }
  const trade = tradeRequestFor(state.merchant, who.persona, orderId, now)
  if (!trade.ok) return trade
  const { value } = trade
  // The gateway may know of the payment before the merchant's notification lands.
  if (state.gateway.paidOrders.has(value.orderId)) {
    return refuse('ORDERPAID', 'the order is already paid')
  }
  const methods = eligibility({
    profile: PERSONAS[who.persona],
    era: who.era,
    appVersion: who.appVersion,
    items: value.items,
    goods: value.goods,
    amountFen: value.amountFen,
    account: state.gateway.accounts[who.persona],
    settings: state.gateway.settings,
    now,
  })
  return accept({
    orderId: value.orderId,
    orderIds: value.orderIds,
    ...goodsSummary(value.goods, value.orderId),
    amountFen: value.amountFen,
    deadlineAt: value.expiresAt,
    now: iso(now),
    methods,
  })
}

export interface OpenPaymentCommand extends ShopperContext {
  paymentId: string
  idemKey: string
  fingerprint: string
  orderId: string
  method: PaymentMethodId
  huabeiPeriods: HuabeiPeriods | null
  payToken: string
}

export function openPayment(
  state: State,
  cmd: OpenPaymentCommand,
  now: number,
): Decision<{ payment: PaymentRecord; replayed: boolean }> {
  // A retried create gets its first answer even if the order has moved on since.
  const replay = replayPayment(state.gateway, cmd.persona, cmd.idemKey, cmd.fingerprint)
  if (replay) return replay
  const trade = tradeRequestFor(state.merchant, cmd.persona, cmd.orderId, now)
  if (!trade.ok) return trade
  return createPayment(state.gateway, { ...cmd, trade: trade.value }, now)
}

export interface OpenFriendRequestCommand {
  persona: PersonaId
  token: string
  idemKey: string
  fingerprint: string
  orderId: string
  message: string
  via: ShareVia
}

/** The shopper asks a friend to pay: the merchant's trade, the gateway's request. */
export function openFriendRequest(
  state: State,
  cmd: OpenFriendRequestCommand,
  now: number,
): Decision<{ request: FriendRequestRecord; replayed: boolean }> {
  const replay = replayFriendRequest(state.gateway, cmd.persona, cmd.idemKey, cmd.fingerprint)
  if (replay) return replay
  const trade = tradeRequestFor(state.merchant, cmd.persona, cmd.orderId, now)
  if (!trade.ok) return trade
  return requestFriendPay(state.gateway, { ...cmd, trade: trade.value }, now)
}
