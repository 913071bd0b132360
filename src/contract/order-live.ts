import { z } from 'zod'
import { FriendRequestEndSchema, FriendRequestStatusSchema } from './friend-pay.ts'
import { FenSchema } from './money.ts'
import { OrderStatusSchema } from './order.ts'
import { PaymentMethodIdSchema, TradeStateSchema } from './payment.ts'
import { PersonaIdSchema } from './sim.ts'

/**
 * Live status of one order (`GET /api/shop/orders/:orderId/events`, Server-Sent Events). Every change of
 * the order, of its payments and of its pay-for-me requests is an event; `id` counts per order from 1 and
 * is the SSE id, so a reconnect with `Last-Event-ID` gets exactly what it missed.
 */
export const LiveOrderSchema = z.object({
  id: z.string(),
  status: OrderStatusSchema,
  totalFen: FenSchema,
  deadlineAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
  paidWith: PaymentMethodIdSchema.nullable(),
  paymentId: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
})
export type LiveOrder = z.infer<typeof LiveOrderSchema>

export const LivePaymentSchema = z.object({
  id: z.string(),
  method: PaymentMethodIdSchema,
  status: TradeStateSchema,
  amountFen: FenSchema,
  payer: PersonaIdSchema.nullable(),
  paidAt: z.iso.datetime().nullable(),
})
export type LivePayment = z.infer<typeof LivePaymentSchema>

export const LiveFriendRequestSchema = z.object({
  token: z.string(),
  status: FriendRequestStatusSchema,
  endReason: FriendRequestEndSchema.nullable(),
  expiresAt: z.iso.datetime(),
})
export type LiveFriendRequest = z.infer<typeof LiveFriendRequestSchema>

const base = { id: z.number().int().nonnegative(), at: z.iso.datetime() }

export const OrderLiveEventSchema = z.discriminatedUnion('type', [
  /** First on every connection without a usable Last-Event-ID: everything as it stands. */
  z.object({
    type: z.literal('snapshot'),
    ...base,
    order: LiveOrderSchema,
    payments: z.array(LivePaymentSchema),
    friendRequests: z.array(LiveFriendRequestSchema),
  }),
  z.object({ type: z.literal('order'), ...base, order: LiveOrderSchema }),
  z.object({ type: z.literal('payment'), ...base, payment: LivePaymentSchema }),
  z.object({ type: z.literal('friend-request'), ...base, friendRequest: LiveFriendRequestSchema }),
])
export type OrderLiveEvent = z.infer<typeof OrderLiveEventSchema>

/** What a subscriber knows of the order at any moment: the fold of the events so far. */
export interface OrderLiveView {
  order: LiveOrder
  payments: Record<string, LivePayment>
  friendRequests: Record<string, LiveFriendRequest>
  /** The id of the last event folded in (0 when the view came from polling alone). */
  lastEventId: number
}

/** Folds one event into a view (a snapshot replaces it). Pure; the browser and the tests share it. */
export function foldLiveEvent(
  view: OrderLiveView | null,
  event: OrderLiveEvent,
): OrderLiveView | null {
  if (event.type === 'snapshot') {
    return {
      order: event.order,
      payments: Object.fromEntries(event.payments.map((p) => [p.id, p])),
      friendRequests: Object.fromEntries(event.friendRequests.map((r) => [r.token, r])),
      lastEventId: event.id,
    }
  }
  if (view === null) {
    // Only an order event can start a view; other events wait for the snapshot.
    return event.type === 'order'
      ? { order: event.order, payments: {}, friendRequests: {}, lastEventId: event.id }
      : null
  }
  if (event.id <= view.lastEventId) return view
  if (event.type === 'order') return { ...view, order: event.order, lastEventId: event.id }
  if (event.type === 'payment') {
    return {
      ...view,
      payments: { ...view.payments, [event.payment.id]: event.payment },
      lastEventId: event.id,
    }
  }
  return {
    ...view,
    friendRequests: { ...view.friendRequests, [event.friendRequest.token]: event.friendRequest },
    lastEventId: event.id,
  }
}
