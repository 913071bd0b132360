// The schemas of every route of `routes.ts`, by the same names: what the server validates with, what the
// OpenAPI document says, what the browser checks answers against (loaded on demand: it brings zod).
import { z } from 'zod'
import { CatalogSchema } from './catalog.ts'
import { HealthSchema } from './test-api.ts'
import type { ErrorCode } from './errors.ts'
import {
  CreateFriendRequestBodySchema,
  FriendPayViewSchema,
  FriendRequestListSchema,
  FriendRequestQuerySchema,
  FriendRequestSchema,
  PayFriendRequestBodySchema,
} from './friend-pay.ts'
import { CheckoutSchema, CreateOrderBodySchema, OrderListSchema, OrderSchema } from './order.ts'
import {
  BillListSchema,
  BillQuerySchema,
  CashierQuerySchema,
  CashierSchema,
  ConfirmPaymentBodySchema,
  CreatePaymentBodySchema,
  PaySheetSchema,
  PasswordStatusSchema,
  PaymentSchema,
  ResetPasswordBodySchema,
  WalletSchema,
} from './payment.ts'
import { ALIPAY_API_ROUTE_SCHEMAS } from './alipay-route-schemas.ts'
import type { RouteSchema } from './route-schema.ts'
import { TEST_ROUTE_SCHEMAS } from './test-route-schemas.ts'
import { CONSOLE_ROUTE_SCHEMAS } from './console-route-schemas.ts'
import { CHAT_ROUTE_SCHEMAS } from './chat-route-schemas.ts'
import { ADDRESS_ROUTE_SCHEMAS } from './address-route-schemas.ts'
import { STUDY_ROUTE_SCHEMAS } from './study-route-schemas.ts'

import type { RouteName } from './routes.ts'
import {
  BrandPayBodySchema,
  MerchantPaidSchema,
  MerchantSheetConfirmBodySchema,
  MerchantSheetSchema,
} from './wechatpay-sheet.ts'

const always: ErrorCode[] = ['PARAM_ERROR']
const confirmErrors: ErrorCode[] = [
  'PARAM_ERROR',
  'PAYMENT_NOT_EXIST',
  'PASSWORD_ERROR',
  'ACCOUNT_LOCKED',
  'NOTENOUGH',
  'ORDERPAID',
  'ORDERCLOSED',
  'PAYMENT_CLOSED',
  'LINK_EXPIRED',
  'SYSTEMERROR',
]

export const ROUTE_SCHEMAS = {
  health: {
    summary: 'Liveness',
    tag: 'meta',
    answer: { status: 200, schema: HealthSchema },
    errors: [],
  },
  openapi: {
    summary: 'This document',
    tag: 'meta',
    answer: { status: 200, schema: z.object({ openapi: z.string() }) },
    errors: [],
  },
  catalog: {
    summary: 'Shops, SKUs with live stock, addresses, the seeded cart',
    tag: 'merchant',
    answer: { status: 200, schema: CatalogSchema },
    errors: always,
  },
  createOrder: {
    summary: 'Check out the cart: an order per shop, paid together (once per Idempotency-Key)',
    tag: 'merchant',
    idempotent: true,
    body: CreateOrderBodySchema,
    answer: { status: 201, schema: CheckoutSchema },
    errors: ['PARAM_ERROR', 'OUT_OF_STOCK', 'IDEMPOTENCY_MISMATCH'],
  },
  listOrders: {
    summary: "The persona's orders, newest first",
    tag: 'merchant',
    answer: { status: 200, schema: OrderListSchema },
    errors: always,
  },
  getOrder: {
    summary: 'One order (queries the gateway when a notification is late)',
    tag: 'merchant',
    answer: { status: 200, schema: OrderSchema },
    errors: ['PARAM_ERROR', 'ORDER_NOT_EXIST', 'ORDER_OF_OTHER_PERSONA'],
  },
  cancelOrder: {
    summary:
      "取消订单: close a pending order (its checkout's open attempts and pay-for-me requests end)",
    tag: 'merchant',
    answer: { status: 200, schema: OrderSchema },
    errors: ['PARAM_ERROR', 'ORDER_NOT_EXIST', 'ORDER_OF_OTHER_PERSONA', 'ORDERPAID'],
  },
  getCheckout: {
    summary:
      "One checkout, by its id or one of its orders' (queries the gateway when a notification is late)",
    tag: 'merchant',
    answer: { status: 200, schema: CheckoutSchema },
    errors: ['PARAM_ERROR', 'ORDER_NOT_EXIST', 'ORDER_OF_OTHER_PERSONA'],
  },
  orderEvents: {
    summary: "The order's live status (Server-Sent Events; Last-Event-ID replays)",
    tag: 'merchant',
    answer: 'sse',
    errors: ['PARAM_ERROR', 'ORDER_NOT_EXIST', 'TOO_MANY_STREAMS'],
  },
  cashier: {
    summary: 'Amount, deadline and the methods the rules allow',
    tag: 'gateway',
    query: CashierQuerySchema,
    answer: { status: 200, schema: CashierSchema },
    errors: [
      'PARAM_ERROR',
      'ORDER_NOT_EXIST',
      'ORDER_OF_OTHER_PERSONA',
      'ORDERPAID',
      'ORDERCLOSED',
    ],
  },
  createPayment: {
    summary: "Open a payment attempt (closes the persona's older open ones)",
    tag: 'gateway',
    idempotent: true,
    body: CreatePaymentBodySchema,
    answer: { status: 201, schema: PaymentSchema },
    errors: [
      'PARAM_ERROR',
      'ORDER_NOT_EXIST',
      'ORDERPAID',
      'ORDERCLOSED',
      'METHOD_UNAVAILABLE',
      'IDEMPOTENCY_MISMATCH',
    ],
  },
  getPayment: {
    summary: 'One payment (its owner or payer)',
    tag: 'gateway',
    answer: { status: 200, schema: PaymentSchema },
    errors: ['PARAM_ERROR', 'PAYMENT_NOT_EXIST'],
  },
  confirmPayment: {
    summary: 'Pay with the password (the owner)',
    tag: 'gateway',
    body: ConfirmPaymentBodySchema,
    answer: { status: 200, schema: PaymentSchema },
    errors: confirmErrors,
  },
  getSheet: {
    summary: 'A pay sheet: WeChat jump, scanned code, UnionPay',
    tag: 'gateway',
    answer: { status: 200, schema: PaySheetSchema },
    errors: ['PARAM_ERROR', 'NOT_FOUND', 'LINK_EXPIRED'],
  },
  openSheet: {
    summary: 'The sheet is open (code scanned): USERPAYING',
    tag: 'gateway',
    answer: { status: 200, schema: PaySheetSchema },
    errors: ['PARAM_ERROR', 'NOT_FOUND', 'LINK_EXPIRED'],
  },
  confirmSheet: {
    summary: 'Pay on the sheet (the scanner pays a code)',
    tag: 'gateway',
    body: ConfirmPaymentBodySchema,
    answer: { status: 200, schema: PaymentSchema },
    errors: [...confirmErrors, 'NOT_FOUND'],
  },
  wallet: {
    summary: "The persona's balances",
    tag: 'gateway',
    answer: { status: 200, schema: WalletSchema },
    errors: always,
  },
  bills: {
    summary: "The persona's bills with vouchers (账单)",
    tag: 'gateway',
    query: BillQuerySchema,
    answer: { status: 200, schema: BillListSchema },
    errors: always,
  },
  merchantSheet: {
    summary:
      "WeChat's pay sheet of an APIv3 merchant's order (a scanned code_url, an H5 prepay_id)",
    tag: 'gateway',
    answer: { status: 200, schema: MerchantSheetSchema },
    errors: ['PARAM_ERROR', 'NOT_FOUND'],
  },
  confirmMerchantSheet: {
    summary: "Pay an APIv3 merchant's order on WeChat's pay sheet (the password)",
    tag: 'gateway',
    body: MerchantSheetConfirmBodySchema,
    answer: { status: 200, schema: MerchantPaidSchema },
    errors: [
      'PARAM_ERROR',
      'NOT_FOUND',
      'ORDERPAID',
      'ORDERCLOSED',
      'PASSWORD_ERROR',
      'ACCOUNT_LOCKED',
      'NOTENOUGH',
      'SYSTEMERROR',
      'STORAGE_UNAVAILABLE',
    ],
  },
  verifyBrandPay: {
    summary: "WeixinJSBridge's getBrandWCPayRequest: paySign checked, the JSAPI order's pay sheet",
    tag: 'gateway',
    body: BrandPayBodySchema,
    answer: { status: 200, schema: MerchantSheetSchema },
    errors: ['PARAM_ERROR', 'NOT_FOUND', 'PAY_SIGN_ERROR'],
  },
  resetPassword: {
    summary: "忘记密码: the simulated reset that unlocks a realm's payment password",
    tag: 'gateway',
    body: ResetPasswordBodySchema,
    answer: { status: 200, schema: PasswordStatusSchema },
    errors: ['PARAM_ERROR', 'STORAGE_UNAVAILABLE'],
  },
  createFriendRequest: {
    summary: 'Ask a friend to pay (a 24-hour link)',
    tag: 'friend-pay',
    idempotent: true,
    body: CreateFriendRequestBodySchema,
    answer: { status: 201, schema: FriendRequestSchema },
    errors: ['PARAM_ERROR', 'ORDER_NOT_EXIST', 'ORDERPAID', 'ORDERCLOSED', 'IDEMPOTENCY_MISMATCH'],
  },
  listFriendRequests: {
    summary: "The requester's requests on an order",
    tag: 'friend-pay',
    query: FriendRequestQuerySchema,
    answer: { status: 200, schema: FriendRequestListSchema },
    errors: always,
  },
  friendRequestEvents: {
    summary: "The friend's live view: the order's status and this request's (SSE)",
    tag: 'friend-pay',
    answer: 'sse',
    errors: ['PARAM_ERROR', 'NOT_FOUND', 'TOO_MANY_STREAMS'],
  },
  getFriendRequest: {
    summary: "The friend's page: masked name, message, items, amount",
    tag: 'friend-pay',
    answer: { status: 200, schema: FriendPayViewSchema },
    errors: ['PARAM_ERROR', 'NOT_FOUND'],
  },
  payFriendRequest: {
    summary: 'The friend pays with their own wallet',
    tag: 'friend-pay',
    body: PayFriendRequestBodySchema,
    answer: { status: 200, schema: PaymentSchema },
    errors: [...confirmErrors, 'NOT_FOUND'],
  },
  cancelFriendRequest: {
    summary: 'The requester cancels',
    tag: 'friend-pay',
    answer: { status: 200, schema: FriendRequestSchema },
    errors: ['PARAM_ERROR', 'NOT_FOUND', 'ORDERPAID', 'ORDERCLOSED', 'LINK_EXPIRED'],
  },
  ...TEST_ROUTE_SCHEMAS,
  ...ALIPAY_API_ROUTE_SCHEMAS,
  ...CONSOLE_ROUTE_SCHEMAS,
  ...CHAT_ROUTE_SCHEMAS,
  ...ADDRESS_ROUTE_SCHEMAS,
  ...STUDY_ROUTE_SCHEMAS,
} as const satisfies Record<RouteName, RouteSchema>

export type RouteSchemas = typeof ROUTE_SCHEMAS
