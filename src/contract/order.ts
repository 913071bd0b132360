import { z } from 'zod'
import { AddressSchema, CartLineSchema } from './catalog.ts'
import { FenSchema } from './money.ts'
import { PaymentMethodIdSchema } from './payment.ts'
import { PersonaIdSchema } from './sim.ts'

export const OrderStatusSchema = z.enum(['PENDING_PAYMENT', 'PAID', 'CLOSED', 'REFUNDED'])
export type OrderStatus = z.infer<typeof OrderStatusSchema>

export const InvoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('personal') }),
  z.object({ kind: z.literal('company'), title: z.string().trim().min(1).max(60) }),
])
export type Invoice = z.infer<typeof InvoiceSchema>

export const CreateOrderBodySchema = z.strictObject({
  lines: z.array(CartLineSchema).min(1).max(50),
  addressId: z.string().min(1).max(64),
  note: z.string().max(200).default(''),
  invoice: InvoiceSchema.default({ kind: 'none' }),
})
export type CreateOrderBody = z.infer<typeof CreateOrderBodySchema>

export const OrderLineSchema = z.object({
  skuId: z.string(),
  shopId: z.string(),
  shopName: z.string(),
  title: z.string(),
  spec: z.string(),
  image: z.string(),
  unitFen: FenSchema,
  qty: z.number().int().positive(),
})
export type OrderLine = z.infer<typeof OrderLineSchema>

export const OrderSchema = z.object({
  id: z.string(),
  /**
   * The checkout that created it with the cart's other shops' orders (合并付款): they are paid together,
   * by one payment. An order journalled before checkouts is its own checkout (the same id).
   */
  checkoutId: z.string(),
  persona: PersonaIdSchema,
  status: OrderStatusSchema,
  lines: z.array(OrderLineSchema),
  address: AddressSchema,
  note: z.string(),
  invoice: InvoiceSchema,
  itemsFen: FenSchema,
  shopCouponFen: FenSchema,
  crossStoreFen: FenSchema,
  deliveryFen: FenSchema,
  totalFen: FenSchema,
  createdAt: z.iso.datetime(),
  /** Pay by this time or the order closes by itself. */
  deadlineAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
  paidWith: PaymentMethodIdSchema.nullable(),
  paymentId: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
  closeReason: z.enum(['TIMEOUT', 'CANCELLED']).nullable(),
  /** What refunds gave back so far: a partial refund keeps the order PAID, a whole one makes it REFUNDED. */
  refundedFen: FenSchema.default(0),
})
export type Order = z.infer<typeof OrderSchema>

/**
 * One submit of the order page: an order per shop (Taobao splits a cart by shop), paid together by one
 * payment. Its status, total and deadline are its orders': PENDING_PAYMENT while any of them waits (its
 * total is then what is left to pay), else PAID if any was paid, else CLOSED. `POST /api/shop/orders`
 * answers it; `GET /api/shop/checkouts/:checkoutId` reads it (by the checkout's id or one of its orders').
 */
export const CheckoutSchema = z.object({
  checkoutId: z.string(),
  persona: PersonaIdSchema,
  orderIds: z.array(z.string()),
  orders: z.array(OrderSchema),
  status: OrderStatusSchema,
  /** What the checkout's payment pays: its orders' totals, leaving out a cancelled or closed one. */
  totalFen: FenSchema,
  /** The earliest of its items' pay windows: its orders close together. */
  deadlineAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
  paidWith: PaymentMethodIdSchema.nullable(),
  paymentId: z.string().nullable(),
  closedAt: z.iso.datetime().nullable(),
  closeReason: z.enum(['TIMEOUT', 'CANCELLED']).nullable(),
  address: AddressSchema,
  /** What the cashier calls it: the first item's title, and how many more there are. */
  title: z.string(),
  itemCount: z.number().int().positive(),
})
export type Checkout = z.infer<typeof CheckoutSchema>

export const OrderListSchema = z.object({
  orders: z.array(OrderSchema),
  /** The gateway's clock (which a test can move ahead), so the list counts its deadlines down against it. */
  now: z.iso.datetime(),
})
