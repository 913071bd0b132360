import type { FriendRequest } from '../../contract/friend-pay.ts'
import type { Payment } from '../../contract/payment.ts'
import type { FriendRequestRecord, PaymentRecord } from '../domain/state.ts'

// How the gateway's records look on the wire. URLs need the request's origin, so they are made here.

/** The scanned code's payloads (BRIEF §5): the web form a camera opens, and WeChat's own. */
export function codeUrls(origin: string, token: string) {
  const pr = encodeURIComponent(token)
  return { web: `${origin}/wechat/pay?pr=${pr}`, weixin: `weixin://wxpay/bizpayurl?pr=${pr}` }
}

/** `origin` is what a scan code's web payload opens (the public origin, see `public-origin.ts`). */
export function paymentView(p: PaymentRecord, origin: string): Payment {
  return {
    id: p.id,
    orderId: p.orderId,
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
        ? { ...codeUrls(origin, p.payToken), expiresAt: p.codeExpiresAt }
        : null,
    friendRequestToken: p.friendToken,
  }
}

export function friendRequestView(r: FriendRequestRecord): FriendRequest {
  return {
    token: r.token,
    orderId: r.orderId,
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
    path: `/friend-pay/${r.token}`,
  }
}
