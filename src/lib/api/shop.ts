import type { Catalog } from '@/contract/catalog.ts'
import type { Checkout, CreateOrderBody, Order } from '@/contract/order.ts'
import { useServerClock } from '../clock.ts'
import { callRoute, callRouteTimed } from './call.ts'

/** The merchant's side (Taobao): /api/shop. */

export function fetchCatalog(signal?: AbortSignal): Promise<Catalog> {
  return callRoute('catalog', { signal })
}

/**
 * Checks the cart out once per key (an order per shop, paid together): the same key again answers with
 * the same checkout.
 */
export async function createOrder(
  body: CreateOrderBody,
  idempotencyKey: string,
): Promise<Checkout> {
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

/** A checkout, by its id or one of its orders' (the payment's result covers all of it). */
export function fetchCheckout(id: string, signal?: AbortSignal): Promise<Checkout> {
  return callRoute('getCheckout', { params: { checkoutId: id }, signal })
}

/** 取消订单: the pending order closes (its checkout's other orders stay to pay). */
export function cancelOrder(orderId: string): Promise<Order> {
  return callRoute('cancelOrder', { params: { orderId } })
}
