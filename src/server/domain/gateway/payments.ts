import type { HuabeiPeriods, Payment, PaymentMethodId } from '../../../contract/payment.ts'
import type { Era, PersonaId } from '../../../contract/sim.ts'
import type { DomainEvent } from '../events.ts'
import type { TradeRequest } from '../merchant/trade.ts'
import { PERSONAS } from '../personas.ts'
import { accept, iso, refuse } from '../result.ts'
import type { Decision } from '../result.ts'
import { idemScope } from '../state.ts'
import type { GatewayState, PaymentRecord } from '../state.ts'
import { CHANNELS } from './channels.ts'
import { eligibility, isTransientReason } from './eligibility.ts'
import { checkPassword } from './password.ts'

const OPEN_STATES = new Set<Payment['status']>(['NOTPAY', 'USERPAYING'])

export function toPayment(record: PaymentRecord): Payment {
  const { id, orderId, method, status, amountFen, payer, createdAt, paidAt, transactionId } = record
  return { id, orderId, method, status, amountFen, payer, createdAt, paidAt, transactionId }
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
  trade: TradeRequest
}

/** The first answer to a create retried with the same Idempotency-Key, or `null` for a new key. */
export function replayPayment(
  state: GatewayState,
  persona: PersonaId,
  idemKey: string,
  fingerprint: string,
): Decision<{ payment: PaymentRecord; replayed: boolean }> | null {
  const seen = state.paymentKeys.get(idemScope(persona, idemKey))
  if (!seen) return null
  const first = state.payments.get(seen.id)
  if (seen.fingerprint !== fingerprint || !first) {
    return refuse('IDEMPOTENCY_MISMATCH', 'this Idempotency-Key was used with another request body')
  }
  return accept({ payment: first, replayed: true })
}

/** Opens an attempt to pay the order; the persona's older open attempts on it close. */
export function createPayment(
  state: GatewayState,
  cmd: CreatePaymentCommand,
  now: number,
): Decision<{ payment: PaymentRecord; replayed: boolean }> {
  const replay = replayPayment(state, cmd.persona, cmd.idemKey, cmd.fingerprint)
  if (replay) return replay
  if (state.payments.has(cmd.paymentId)) return refuse('SYSTEMERROR', 'payment id already taken')
  const { trade } = cmd
  if (state.paidOrders.has(trade.orderId)) return refuse('ORDERPAID', 'the order is already paid')
  if (Date.parse(trade.expiresAt) <= now) return refuse('ORDERCLOSED', 'the order is closed')
  if (!Number.isInteger(trade.amountFen) || trade.amountFen <= 0) {
    return refuse('PARAM_ERROR', 'the amount must be a positive number of fen')
  }

  const option = eligibility({
    profile: PERSONAS[cmd.persona],
    era: cmd.era,
    appVersion: cmd.appVersion,
    items: trade.items,
    amountFen: trade.amountFen,
    account: state.accounts[cmd.persona],
    now,
  }).find((o) => o.id === cmd.method)
  if (
    !CHANNELS[cmd.method].implemented ||
    !option ||
    (!option.enabled && !isTransientReason(option.reason))
  ) {
    return refuse('METHOD_UNAVAILABLE', `${cmd.method} cannot pay this order`)
  }

  const at = iso(now)
  const events: DomainEvent[] = []
  for (const id of state.openPayments) {
    const older = state.payments.get(id)
    if (
      older &&
      older.orderId === trade.orderId &&
      older.owner === cmd.persona &&
      older.method !== 'friend-pay'
    ) {
      events.push({ type: 'payment.closed', paymentId: id, at, reason: 'SUPERSEDED' })
    }
  }
  const payment: PaymentRecord = {
    id: cmd.paymentId,
    orderId: trade.orderId,
    method: cmd.method,
    status: 'NOTPAY',
    amountFen: trade.amountFen,
    payer: null,
    createdAt: at,
    paidAt: null,
    transactionId: null,
    owner: cmd.persona,
    expiresAt: trade.expiresAt,
    huabeiPeriods: cmd.method === 'huabei' ? (cmd.huabeiPeriods ?? 0) : null,
  }
  events.push({
    type: 'payment.created',
    payment,
    idemKey: idemScope(cmd.persona, cmd.idemKey),
    fingerprint: cmd.fingerprint,
  })
  return accept({ payment, replayed: false }, events)
}

export interface ConfirmPaymentCommand {
  paymentId: string
  persona: PersonaId
  password: string
  /** Assigned by the adapter; used only if the payment succeeds. */
  transactionId: string
}

/** The password pad's confirm: at most one SUCCESS per order, whatever else is open. */
export function confirmPayment(
  state: GatewayState,
  cmd: ConfirmPaymentCommand,
  now: number,
): Decision<{ payment: PaymentRecord }> {
  const payment = state.payments.get(cmd.paymentId)
  if (!payment || payment.owner !== cmd.persona)
    return refuse('PAYMENT_NOT_EXIST', `no payment ${cmd.paymentId}`)
  if (state.paidOrders.has(payment.orderId)) return refuse('ORDERPAID', 'the order is already paid')
  if (Date.parse(payment.expiresAt) <= now) return refuse('ORDERCLOSED', 'the order is closed')
  if (!OPEN_STATES.has(payment.status))
    return refuse('PAYMENT_CLOSED', `the payment is ${payment.status}`)

  const channel = CHANNELS[payment.method]
  const account = state.accounts[cmd.persona]
  const wrong = checkPassword(account, cmd.persona, channel.realm, cmd.password, now)
  if (wrong) return wrong
  if (channel.source !== 'bankCard' && account.wallet[channel.source] < payment.amountFen) {
    return refuse('NOTENOUGH', 'the balance is not enough')
  }
  const at = iso(now)
  const paid: PaymentRecord = {
    ...payment,
    status: 'SUCCESS',
    payer: cmd.persona,
    paidAt: at,
    transactionId: cmd.transactionId,
  }
  return accept({ payment: paid }, [
    {
      type: 'payment.succeeded',
      paymentId: payment.id,
      payer: cmd.persona,
      source: channel.source,
      amountFen: payment.amountFen,
      transactionId: cmd.transactionId,
      at,
    },
  ])
}

/** Open attempts die with their order's deadline (time_expire), at that deadline. */
export function closeExpiredPayments(
  state: GatewayState,
  now: number,
): Decision<{ closed: string[] }> {
  const events: DomainEvent[] = []
  for (const id of state.openPayments) {
    const p = state.payments.get(id)
    if (p && Date.parse(p.expiresAt) <= now) {
      events.push({ type: 'payment.closed', paymentId: id, at: p.expiresAt, reason: 'EXPIRED' })
    }
  }
  return accept(
    { closed: events.flatMap((e) => (e.type === 'payment.closed' ? [e.paymentId] : [])) },
    events,
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
