import type { Catalog } from '@/contract/catalog.ts'
import type { CreateOrderBody, Order } from '@/contract/order.ts'
import { useServerClock } from '../clock.ts'
import { callRoute, callRouteTimed } from './call.ts'

/** The merchant's side (Taobao): /api/shop. */

export function fetchCatalog(signal?: AbortSignal): Promise<Catalog> {
  return callRoute('catalog', { signal })
}

/** Creates the order once per key: the same key again answers with the same order. */
export async function createOrder(body: CreateOrderBody, idempotencyKey: string): Promise<Order> {
  const res = await callRouteTimed('createOrder', { body, idempotencyKey })
  // A new order (201) was stamped by the gateway's clock just now; a replayed one (200) tells us nothing.
  if (res.status === 201)
    useServerClock.getState().learn(res.value.createdAt, res.sentAt, res.receivedAt)
  return res.value
}

export async function fetchOrders(signal?: AbortSignal): Promise<Order[]> {
  const res = await callRouteTimed('listOrders', { signal })
  useServerClock.getState().learn(res.value.now, res.sentAt, res.receivedAt)
  return res.value.orders
}

export function fetchOrder(orderId: string, signal?: AbortSignal): Promise<Order> {
  return callRoute('getOrder', { params: { orderId }, signal })
}
