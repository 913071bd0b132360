import type {
  CreateFriendRequestBody,
  FriendPayView,
  FriendRequest,
  PayFriendRequestBody,
} from '@/contract/friend-pay.ts'
import type { Payment } from '@/contract/payment.ts'
import { api } from './client.ts'

/** Pay-for-me requests (找朋友帮忙付): /api/pay/friend-requests. */

const requestSchema = async () => (await import('@/contract/friend-pay.ts')).FriendRequestSchema
const listSchema = async () => (await import('@/contract/friend-pay.ts')).FriendRequestListSchema
const viewSchema = async () => (await import('@/contract/friend-pay.ts')).FriendPayViewSchema
const paymentSchema = async () => (await import('@/contract/payment.ts')).PaymentSchema

const byToken = (token: string) => `/pay/friend-requests/${encodeURIComponent(token)}`

export function createFriendRequest(
  body: CreateFriendRequestBody,
  idempotencyKey: string,
): Promise<FriendRequest> {
  return api('/pay/friend-requests', requestSchema, { method: 'POST', body, idempotencyKey })
}

export async function fetchFriendRequests(
  orderId: string,
  signal?: AbortSignal,
): Promise<FriendRequest[]> {
  const list = await api(
    `/pay/friend-requests?orderId=${encodeURIComponent(orderId)}`,
    listSchema,
    { signal },
  )
  return list.requests
}

export function cancelFriendRequest(token: string): Promise<FriendRequest> {
  return api(`${byToken(token)}/cancel`, requestSchema, { method: 'POST' })
}

/** The friend's page: who asks, the message, the goods, the amount (404 NOT_FOUND for a bad token). */
export function fetchFriendPayView(token: string, signal?: AbortSignal): Promise<FriendPayView> {
  return api(byToken(token), viewSchema, { signal })
}

export function payFriendRequest(token: string, body: PayFriendRequestBody): Promise<Payment> {
  return api(`${byToken(token)}/pay`, paymentSchema, { method: 'POST', body })
}

/** The request's own event stream (the order's status and this request's), for the friend's page. */
export function friendRequestEventsUrl(token: string, query: Record<string, string>): string {
  return `/api${byToken(token)}/events?${new URLSearchParams(query).toString()}`
}
