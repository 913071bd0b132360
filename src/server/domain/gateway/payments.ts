import type {
  FundingSource,
  GoodsSummary,
  HuabeiPeriods,
  PaymentMethodId,
  TradeState,
} from '../../../contract/payment.ts'
import type { Era, PersonaId } from '../../../contract/sim.ts'
import type { DomainEvent, PaymentCloseReason } from '../events.ts'
import type { TradeRequest } from '../merchant/trade.ts'
import { PERSONAS } from '../personas.ts'
import { accept, iso, refuse } from '../result.ts'
import type { Decision } from '../result.ts'
import { idemScope } from '../state.ts'
import type { GatewayState, PaymentRecord } from '../state.ts'
import { CHANNELS, CODE_TTL_MS, SOURCES } from './channels.ts'
import { isTransientReason, optionFor } from './eligibility.ts'
import { planFor } from './huabei.ts'
import { checkPassword } from './password.ts'

const OPEN_STATES: ReadonlySet<TradeState> = new Set(['NOTPAY', 'USERPAYING'])

export function isOpen(payment: PaymentRecord): boolean {
  return OPEN_STATES.has(payment.status)
}

export interface CreatePaymentCommand {
  paymentId: string
  persona: PersonaId
  era: Era
  appVersion: string
  idemKey: string
  fingerprint: string
  method: PaymentMethodId
  huabeiPeriods: HuabeiPeriods | null
  /** A fresh pay-sheet token; kept only by the channels that confirm on a sheet. */
  payToken: string
  trade: TradeRequest
}

type Created = Decision<{ payment: PaymentRecord; replayed: boolean }>

/** The first answer to a create retried with the same Idempotency-Key, or `null` for a new key. */
export function replayPayment(
  state: GatewayState,
  persona: PersonaId,
  idemKey: string,
  fingerprint: string,
): Created | null {
  const seen = state.paymentKeys.get(idemScope(persona, idemKey))
  if (!seen) return null
  const first = state.payments.get(seen.id)
  if (seen.fingerprint !== fingerprint || !first) {
    return refuse('IDEMPOTENCY_MISMATCH', 'this Idempotency-Key was used with another request body')
  }
  return accept({ payment: first, replayed: true })
}

/** A short description of the goods, as pay sheets and bills show it (WeChat's `description`). */
export function describeGoods(trade: Pick<TradeRequest, 'orderId' | 'goods'>): string {
  const first = trade.goods[0]?.title ?? `订单 ${trade.orderId}`
  const title = first.length > 24 ? `${first.slice(0, 24)}…` : first
  const count = trade.goods.reduce((n, g) => n + g.qty, 0)
  return count > 1 ? `${title} 等${count}件` : title
}

/** The goods as a screen words them in its own language: the first title and how many items in all. */
export function summarizeGoods(trade: Pick<TradeRequest, 'goods'>): GoodsSummary | undefined {
  const first = trade.goods[0]
  if (!first) return undefined
  return { title: first.title, count: trade.goods.reduce((n, g) => n + g.qty, 0) }
}

/** Opens an attempt to pay the order; the persona's older open attempts on it close. */
export function createPayment(
  state: GatewayState,
  cmd: CreatePaymentCommand,
  now: number,
): Created {
  const replay = replayPayment(state, cmd.persona, cmd.idemKey, cmd.fingerprint)
  if (replay) return replay
  if (state.payments.has(cmd.paymentId)) return refuse('SYSTEMERROR', 'payment id already taken')
  const channel = CHANNELS[cmd.method]
  if (!channel.atCashier) {
    return refuse('PARAM_ERROR', `${cmd.method} is opened with POST /api/pay/friend-requests`)
  }
  const { trade } = cmd
  if (state.paidOrders.has(trade.orderId)) return refuse('ORDERPAID', 'the order is already paid')
  if (Date.parse(trade.expiresAt) <= now) return refuse('ORDERCLOSED', 'the order is closed')
  if (!Number.isInteger(trade.amountFen) || trade.amountFen <= 0) {
    return refuse('PARAM_ERROR', 'the amount must be a positive number of fen')
  }

  const option = optionFor(cmd.method, {
    profile: PERSONAS[cmd.persona],
    era: cmd.era,
    appVersion: cmd.appVersion,
    items: trade.items,
    amountFen: trade.amountFen,
    account: state.accounts[cmd.persona],
    settings: state.settings,
    now,
  })
  if (!option || (!option.enabled && !isTransientReason(option.reason))) {
    const why = option?.reason ? ` (${option.reason})` : ''
    return refuse('METHOD_UNAVAILABLE', `${cmd.method} cannot pay this order${why}`)
  }

  const at = iso(now)
  const events: DomainEvent[] = closeOpenAttempts(
    state,
    trade.orderId,
    at,
    'SUPERSEDED',
    cmd.persona,
  )
  const periods = cmd.method === 'huabei' ? (cmd.huabeiPeriods ?? 0) : null
  const codeExpiresMs = Math.min(now + CODE_TTL_MS, Date.parse(trade.expiresAt))
  const payment: PaymentRecord = {
    id: cmd.paymentId,
    orderId: trade.orderId,
    orderIds: [...trade.orderIds],
    method: cmd.method,
    status: 'NOTPAY',
    amountFen: trade.amountFen,
    payer: null,
    createdAt: at,
    paidAt: null,
    transactionId: null,
    owner: cmd.persona,
    expiresAt: trade.expiresAt,
    description: describeGoods(trade),
    goods: summarizeGoods(trade),
    source: null,
    huabeiPeriods: periods,
    installment:
      periods === null ? null : planFor(trade.amountFen, trade.items, periods, state.settings),
    payToken: channel.sheet === 'none' ? null : cmd.payToken,
    codeExpiresAt: channel.sheet === 'code' ? iso(codeExpiresMs) : null,
    friendToken: null,
  }
  events.push({
    type: 'payment.created',
    payment,
    idemKey: idemScope(cmd.persona, cmd.idemKey),
    fingerprint: cmd.fingerprint,
  })
  return accept({ payment, replayed: false }, events)
}

/**
 * The order's open attempts, closed for `reason`: all of them, or only those `owner` opened (a shopper's
 * new attempt closes their older ones, never a pay-for-me request, which is not an attempt).
 */
export function closeOpenAttempts(
  state: GatewayState,
  orderId: string,
  at: string,
  reason: PaymentCloseReason,
  owner: PersonaId | null = null,
  except: string | null = null,
): DomainEvent[] {
  const events: DomainEvent[] = []
  for (const id of state.paymentsByOrder.get(orderId) ?? []) {
    const p = state.payments.get(id)
    if (p && id !== except && isOpen(p) && (owner === null || p.owner === owner)) {
      events.push({ type: 'payment.closed', paymentId: id, at, reason })
    }
  }
  return events
}

/** What else ends when `winner`'s money lands: the order's other open attempts and pay-for-me requests. */
export function settleEvents(
  state: GatewayState,
  winner: PaymentRecord,
  at: string,
): DomainEvent[] {
  const { orderId } = winner
  const events = closeOpenAttempts(state, orderId, at, 'ORDERPAID', null, winner.id)
  for (const token of state.friendByOrder.get(orderId) ?? []) {
    const request = state.friendRequests.get(token)
    if (request?.status === 'OPEN' && token !== winner.friendToken) {
      events.push({
        type: 'friend.ended',
        token,
        status: 'CANCELLED',
        reason: 'ORDERPAID',
        at,
        paymentId: null,
        payer: null,
      })
    }
  }
  return events
}

export interface ChargeInput {
  payment: PaymentRecord
  payer: PersonaId
  source: FundingSource
  password: string
  transactionId: string
}

/**
 * The money moving: the payer's password in the source's realm, then the balance. Success settles the
 * order at the gateway. Shared by every channel, friend-pay included.
 */
export function charge(
  state: GatewayState,
  input: ChargeInput,
  now: number,
): Decision<{ payment: PaymentRecord }> {
  const { payment, payer, source } = input
  const spec = SOURCES[source]
  const account = state.accounts[payer]
  const wrong = checkPassword(account, payer, spec.realm, input.password, now)
  if (wrong) return wrong
  if (account.wallet[spec.wallet] < payment.amountFen) {
    return refuse('NOTENOUGH', 'the balance is not enough')
  }
  const at = iso(now)
  const paid: PaymentRecord = {
    ...payment,
    status: 'SUCCESS',
    payer,
    source,
    paidAt: at,
    transactionId: input.transactionId,
  }
  return accept({ payment: paid }, [
    {
      type: 'payment.succeeded',
      paymentId: payment.id,
      payer,
      source,
      amountFen: payment.amountFen,
      transactionId: input.transactionId,
      at,
    },
    ...settleEvents(state, payment, at),
  ])
}

export interface ConfirmPaymentCommand {
  paymentId: string
  /** Who confirms (and pays): the owner, or for a scanned code whoever scanned it. */
  persona: PersonaId
  password: string
  /** WeChat's 零钱 or card; `null` takes the channel's default. */
  source: FundingSource | null
  /** Assigned by the adapter; used only if the payment succeeds. */
  transactionId: string
}

/** The password pad's (or pay sheet's) confirm: at most one SUCCESS per order, whatever else is open. */
export function confirmPayment(
  state: GatewayState,
  cmd: ConfirmPaymentCommand,
  now: number,
): Decision<{ payment: PaymentRecord }> {
  const payment = state.payments.get(cmd.paymentId)
  const channel = payment && CHANNELS[payment.method]
  if (!payment || !channel || (channel.payer === 'owner' && payment.owner !== cmd.persona)) {
    return refuse('PAYMENT_NOT_EXIST', `no payment ${cmd.paymentId}`)
  }
  if (state.paidOrders.has(payment.orderId)) return refuse('ORDERPAID', 'the order is already paid')
  if (Date.parse(payment.expiresAt) <= now) return refuse('ORDERCLOSED', 'the order is closed')
  if (!isOpen(payment)) return refuse('PAYMENT_CLOSED', `the payment is ${payment.status}`)
  if (payment.codeExpiresAt && Date.parse(payment.codeExpiresAt) <= now) {
    return refuse('LINK_EXPIRED', 'the pay code has expired: refresh it at the cashier')
  }
  const source = cmd.source ?? channel.sources[0]
  if (!source || !channel.sources.includes(source)) {
    return refuse('PARAM_ERROR', `${payment.method} cannot be paid from ${cmd.source}`)
  }
  return charge(
    state,
    {
      payment,
      payer: cmd.persona,
      source,
      password: cmd.password,
      transactionId: cmd.transactionId,
    },
    now,
  )
}

/** Gives the money back (a payment that landed on an order the merchant had closed). */
export function refundPayment(
  state: GatewayState,
  paymentId: string,
  now: number,
): Decision<{ payment: PaymentRecord }> {
  const payment = state.payments.get(paymentId)
  if (!payment) return refuse('PAYMENT_NOT_EXIST', `no payment ${paymentId}`)
  if (payment.status === 'REFUND') return accept({ payment })
  if (payment.status !== 'SUCCESS')
    return refuse('PAYMENT_CLOSED', `the payment is ${payment.status}`)
  return accept({ payment: { ...payment, status: 'REFUND' } }, [
    { type: 'payment.refunded', paymentId, at: iso(now) },
  ])
}
