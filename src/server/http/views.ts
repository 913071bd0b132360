import type { FriendRequest } from '../../contract/friend-pay.ts'
import { friendLinkPath, payCodeUrls } from '../../contract/paths.ts'
import type { Payment } from '../../contract/payment.ts'
import type { FriendRequestRecord, PaymentRecord } from '../domain/state.ts'

// How the gateway's records look on the wire. URLs need the request's origin, so they are made here.

/** `origin` is what a scan code's web payload opens (the public origin, see `public-origin.ts`). */
export function paymentView(p: PaymentRecord, origin: string): Payment {
  return {
    id: p.id,
    orderId: p.orderId,
    checkoutId: p.orderId,
    orderIds: p.orderIds ?? [p.orderId],
    method: p.method,
    status: p.status,
    amountFen: p.amountFen,
    payer: p.payer,
    createdAt: p.createdAt,
    paidAt: p.paidAt,
    transactionId: p.transactionId,
    source: p.source,
    installment: p.installment,
    payToken: p.payToken,
    codeUrl:
      p.payToken && p.codeExpiresAt
        ? { ...payCodeUrls(origin, p.payToken), expiresAt: p.codeExpiresAt }
        : null,
    friendRequestToken: p.friendToken,
  }
}

export function friendRequestView(r: FriendRequestRecord): FriendRequest {
  return {
    token: r.token,
    orderId: r.orderId,
    checkoutId: r.orderId,
    orderIds: r.orderIds ?? [r.orderId],
    status: r.status,
    endReason: r.endReason,
    message: r.message,
    via: r.via,
    amountFen: r.amountFen,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    endedAt: r.endedAt,
    paymentId: r.paymentId,
    payer: r.payer,
    path: friendLinkPath(r.token),
  }
}
