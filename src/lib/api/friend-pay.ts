import type {
  CreateFriendRequestBody,
  FriendPayView,
  FriendRequest,
  PayFriendRequestBody,
} from '@/contract/friend-pay.ts'
import type { Payment } from '@/contract/payment.ts'
import { API_BASE, routePath } from '@/contract/routes.ts'
import { callRoute } from './call.ts'

/** Pay-for-me requests (找朋友帮忙付): /api/pay/friend-requests. */

export function createFriendRequest(
  body: CreateFriendRequestBody,
  idempotencyKey: string,
): Promise<FriendRequest> {
  return callRoute('createFriendRequest', { body, idempotencyKey })
}

export async function fetchFriendRequests(
  orderId: string,
  signal?: AbortSignal,
): Promise<FriendRequest[]> {
  return (await callRoute('listFriendRequests', { query: { orderId }, signal })).requests
}

export function cancelFriendRequest(token: string): Promise<FriendRequest> {
  return callRoute('cancelFriendRequest', { params: { token } })
}

/** The friend's page: who asks, the message, the goods, the amount (404 NOT_FOUND for a bad token). */
export function fetchFriendPayView(token: string, signal?: AbortSignal): Promise<FriendPayView> {
  return callRoute('getFriendRequest', { params: { token }, signal })
}

export function payFriendRequest(token: string, body: PayFriendRequestBody): Promise<Payment> {
  return callRoute('payFriendRequest', { params: { token }, body })
}

/** The request's own event stream (the order's status and this request's), for the friend's page. */
export function friendRequestEventsUrl(token: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString()
  return `${API_BASE}${routePath('friendRequestEvents', { token })}?${search}`
}
