import type { FriendPayView, ShareVia } from '../../../contract/friend-pay.ts'
import type { FundingSource } from '../../../contract/payment.ts'
import type { PersonaId } from '../../../contract/sim.ts'
import type { DomainEvent } from '../events.ts'
import type { TradeRequest } from '../merchant/trade.ts'
import { PERSONAS } from '../personas.ts'
import { accept, iso, refuse } from '../result.ts'
import type { Decision } from '../result.ts'
import { idemScope } from '../state.ts'
import type { FriendRequestRecord, GatewayState, PaymentRecord } from '../state.ts'
import { CHANNELS, FRIEND_LINK_TTL_MS, PAYEE } from './channels.ts'
import { charge, describeGoods, summarizeGoods } from './payments.ts'

// Pay-for-me (找朋友帮忙付): the shopper makes a link, a friend opens it and pays with their own wallet.
// A request is not a payment attempt: the shopper's new attempts leave it open, so the two can race.

export interface RequestFriendPayCommand {
  token: string
  persona: PersonaId
  idemKey: string
  fingerprint: string
  message: string
  via: ShareVia
  trade: TradeRequest
}

type Requested = Decision<{ request: FriendRequestRecord; replayed: boolean }>

export function replayFriendRequest(
  state: GatewayState,
  persona: PersonaId,
  idemKey: string,
  fingerprint: string,
): Requested | null {
  const seen = state.friendKeys.get(idemScope(persona, idemKey))
  if (!seen) return null
  const first = state.friendRequests.get(seen.id)
  if (seen.fingerprint !== fingerprint || !first) {
    return refuse('IDEMPOTENCY_MISMATCH', 'this Idempotency-Key was used with another request body')
  }
  return accept({ request: first, replayed: true })
}

/** A new link for the order; the requester's older open link on it is replaced. */
export function requestFriendPay(
  state: GatewayState,
  cmd: RequestFriendPayCommand,
  now: number,
): Requested {
  const replay = replayFriendRequest(state, cmd.persona, cmd.idemKey, cmd.fingerprint)
  if (replay) return replay
  if (state.friendRequests.has(cmd.token)) return refuse('SYSTEMERROR', 'token already taken')
  const { trade } = cmd
  if (state.paidOrders.has(trade.orderId)) return refuse('ORDERPAID', 'the order is already paid')
  if (Date.parse(trade.expiresAt) <= now) return refuse('ORDERCLOSED', 'the order is closed')
  const at = iso(now)
  const events: DomainEvent[] = []
  for (const token of state.friendByOrder.get(trade.orderId) ?? []) {
    const older = state.friendRequests.get(token)
    if (older?.status === 'OPEN' && older.requester === cmd.persona) {
      events.push(ended(token, 'CANCELLED', 'REPLACED', at))
    }
  }
  const request: FriendRequestRecord = {
    token: cmd.token,
    orderId: trade.orderId,
    orderIds: [...trade.orderIds],
    requester: cmd.persona,
    status: 'OPEN',
    endReason: null,
    message: cmd.message,
    via: cmd.via,
    amountFen: trade.amountFen,
    goods: trade.goods.map((g) => ({ ...g })),
    createdAt: at,
    expiresAt: iso(now + FRIEND_LINK_TTL_MS),
    orderExpiresAt: trade.expiresAt,
    endedAt: null,
    paymentId: null,
    payer: null,
  }
  events.push({
    type: 'friend.requested',
    request,
    idemKey: idemScope(cmd.persona, cmd.idemKey),
    fingerprint: cmd.fingerprint,
  })
  return accept({ request, replayed: false }, events)
}

function ended(
  token: string,
  status: 'CANCELLED' | 'EXPIRED',
  reason: 'CANCELLED' | 'REPLACED' | 'EXPIRED' | 'ORDERCLOSED',
  at: string,
): DomainEvent {
  return { type: 'friend.ended', token, status, reason, at, paymentId: null, payer: null }
}

/** The requester calls it off. Cancelling a cancelled request again changes nothing. */
export function cancelFriendRequest(
  state: GatewayState,
  token: string,
  persona: PersonaId,
  now: number,
): Decision<{ request: FriendRequestRecord }> {
  const request = state.friendRequests.get(token)
  if (!request || request.requester !== persona) return refuse('NOT_FOUND', 'no such request')
  if (request.status === 'CANCELLED') return accept({ request })
  if (request.status !== 'OPEN') return whyNotOpen(request)
  const at = iso(now)
  return accept(
    { request: { ...request, status: 'CANCELLED', endReason: 'CANCELLED', endedAt: at } },
    [ended(token, 'CANCELLED', 'CANCELLED', at)],
  )
}

/** The refusal for a request that can no longer be paid, naming why. */
function whyNotOpen<T>(request: FriendRequestRecord): Decision<T> {
  switch (request.endReason) {
    case 'PAID':
    case 'ORDERPAID':
      return refuse('ORDERPAID', 'the order is already paid')
    case 'ORDERCLOSED':
      return refuse('ORDERCLOSED', 'the order is closed')
    case 'EXPIRED':
      return refuse('LINK_EXPIRED', 'this pay-for-me link has expired')
    default:
      return refuse('PAYMENT_CLOSED', 'the requester cancelled this pay-for-me link')
  }
}

/** Masks a nickname as Taobao does for strangers: the first character, then stars. */
export function maskNickname(nickname: string): string {
  return `${[...nickname][0] ?? ''}**`
}

/** What the friend's page may show: no address, no phone, the requester's name masked. */
export function friendPayView(state: GatewayState, token: string): Decision<FriendPayView> {
  const r = state.friendRequests.get(token)
  if (!r) return refuse('NOT_FOUND', 'no such request')
  return accept({
    token: r.token,
    status: r.status,
    endReason: r.endReason,
    requester: maskNickname(PERSONAS[r.requester].nickname),
    message: r.message,
    items: r.goods.map(({ title, spec, image, unitFen, qty }) => ({
      title,
      spec,
      image,
      unitFen,
      qty,
    })),
    amountFen: r.amountFen,
    payee: PAYEE,
    expiresAt: r.expiresAt,
  })
}

export interface PayFriendRequestCommand {
  token: string
  /** The friend: whoever opened the link. */
  persona: PersonaId
  password: string
  source: FundingSource
  paymentId: string
  transactionId: string
}

/** The friend pays: a friend-pay payment is made and succeeds in one step, or nothing moves. */
export function payFriendRequest(
  state: GatewayState,
  cmd: PayFriendRequestCommand,
  now: number,
): Decision<{ payment: PaymentRecord; request: FriendRequestRecord }> {
  const request = state.friendRequests.get(cmd.token)
  if (!request) return refuse('NOT_FOUND', 'no such request')
  if (request.status !== 'OPEN') return whyNotOpen(request)
  if (state.paidOrders.has(request.orderId)) return refuse('ORDERPAID', 'the order is already paid')
  if (Date.parse(request.orderExpiresAt) <= now) return refuse('ORDERCLOSED', 'the order is closed')
  if (Date.parse(request.expiresAt) <= now) {
    return refuse('LINK_EXPIRED', 'this pay-for-me link has expired')
  }
  if (!CHANNELS['friend-pay'].sources.includes(cmd.source)) {
    return refuse('PARAM_ERROR', `a friend cannot pay from ${cmd.source}`)
  }
  if (state.payments.has(cmd.paymentId)) return refuse('SYSTEMERROR', 'payment id already taken')
  const at = iso(now)
  const payment: PaymentRecord = {
    id: cmd.paymentId,
    orderId: request.orderId,
    orderIds: [...(request.orderIds ?? [request.orderId])],
    method: 'friend-pay',
    status: 'NOTPAY',
    amountFen: request.amountFen,
    payer: null,
    createdAt: at,
    paidAt: null,
    transactionId: null,
    owner: request.requester,
    expiresAt: request.orderExpiresAt,
    description: describeGoods({ orderId: request.orderId, goods: request.goods }),
    goods: summarizeGoods(request),
    source: null,
    huabeiPeriods: null,
    installment: null,
    payToken: null,
    codeExpiresAt: null,
    friendToken: request.token,
  }
  const charged = charge(
    state,
    {
      payment,
      payer: cmd.persona,
      source: cmd.source,
      password: cmd.password,
      transactionId: cmd.transactionId,
    },
    now,
  )
  if (!charged.ok) return charged
  const paid = charged.value.payment
  return accept(
    {
      payment: paid,
      request: {
        ...request,
        status: 'PAID',
        endReason: 'PAID',
        endedAt: at,
        paymentId: paid.id,
        payer: cmd.persona,
      },
    },
    [
      { type: 'payment.created', payment, idemKey: null, fingerprint: null },
      ...charged.events,
      {
        type: 'friend.ended',
        token: request.token,
        status: 'PAID',
        reason: 'PAID',
        at,
        paymentId: paid.id,
        payer: cmd.persona,
      },
    ],
  )
}

/** The requester's requests on one order, oldest first. */
export function listFriendRequests(
  state: GatewayState,
  orderId: string,
  persona: PersonaId,
): FriendRequestRecord[] {
  return (state.friendByOrder.get(orderId) ?? []).flatMap((token) => {
    const r = state.friendRequests.get(token)
    return r && r.requester === persona ? [r] : []
  })
}
