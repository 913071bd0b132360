// The schemas of every route of `routes.ts`, by the same names: what the server validates with, what the
// OpenAPI document says, what the browser checks answers against (loaded on demand: it brings zod).
import { z } from 'zod'
import { CatalogSchema } from './catalog.ts'
import type { ErrorCode } from './errors.ts'
import {
  CreateFriendRequestBodySchema,
  FriendPayViewSchema,
  FriendRequestListSchema,
  FriendRequestQuerySchema,
  FriendRequestSchema,
  PayFriendRequestBodySchema,
} from './friend-pay.ts'
import { CreateOrderBodySchema, OrderListSchema, OrderSchema } from './order.ts'
import {
  BillListSchema,
  BillQuerySchema,
  CashierQuerySchema,
  CashierSchema,
  ConfirmPaymentBodySchema,
  CreatePaymentBodySchema,
  PaySheetSchema,
  PaymentSchema,
  WalletSchema,
} from './payment.ts'
import {
  ClockAnswerSchema,
  ClockBodySchema,
  FaultsBodySchema,
  FaultsSchema,
  GatewaySettingsBodySchema,
  GatewaySettingsSchema,
  HealthSchema,
  OkSchema,
  TestStateSchema,
  TestStockBodySchema,
  TestWalletBodySchema,
} from './test-api.ts'
import { SkuSchema } from './catalog.ts'
import { ALIPAY_API_ROUTE_SCHEMAS } from './alipay-route-schemas.ts'

import type { RouteName } from './routes.ts'
import {
  RegisteredMerchantSchema,
  RegisterMerchantBodySchema,
  TestPayAnswerSchema,
  TestPayBodySchema,
  WechatpayKeysSchema,
} from './wechatpay-test.ts'
import { CreatedWorldSchema, CreateWorldBodySchema, WorldListSchema } from './worlds.ts'
import {
  BrandPayBodySchema,
  MerchantPaidSchema,
  MerchantSheetConfirmBodySchema,
  MerchantSheetSchema,
} from './wechatpay-sheet.ts'

/** One route's schemas and documentation. */
export interface RouteSchema {
  summary: string
  tag: 'meta' | 'merchant' | 'gateway' | 'friend-pay' | 'test'
  /** Takes an `Idempotency-Key` header: a retry with the same key and body gets the first answer. */
  idempotent?: boolean
  query?: z.ZodType
  body?: z.ZodType
  /** The success answer; `sse` streams `OrderLiveEvent`s. */
  answer: { readonly status: 200 | 201; readonly schema: z.ZodType } | 'sse'
  errors: readonly ErrorCode[]
}

const always: ErrorCode[] = ['PARAM_ERROR']
/** A state-changing test route: refused to foreign pages, and from beyond loopback without the token. */
const guarded: ErrorCode[] = ['CROSS_SITE_FORBIDDEN', 'TEST_TOKEN_REQUIRED']
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
    summary: 'Create an order (once per Idempotency-Key)',
    tag: 'merchant',
    idempotent: true,
    body: CreateOrderBodySchema,
    answer: { status: 201, schema: OrderSchema },
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
    errors: ['PARAM_ERROR', 'ORDER_NOT_EXIST'],
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
    errors: ['PARAM_ERROR', 'ORDER_NOT_EXIST', 'ORDERPAID', 'ORDERCLOSED'],
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
  testReset: {
    summary: 'Back to the seed',
    tag: 'test',
    answer: { status: 200, schema: OkSchema },
    errors: ['NOT_FOUND', 'CROSS_SITE_FORBIDDEN', 'TEST_TOKEN_REQUIRED'],
  },
  testClock: {
    summary: "Move the gateway's clock",
    tag: 'test',
    body: ClockBodySchema,
    answer: { status: 200, schema: ClockAnswerSchema },
    errors: ['NOT_FOUND', 'PARAM_ERROR', 'CROSS_SITE_FORBIDDEN', 'TEST_TOKEN_REQUIRED'],
  },
  testFaults: {
    summary: 'The simulated faults',
    tag: 'test',
    answer: { status: 200, schema: FaultsSchema },
    errors: ['NOT_FOUND', 'TEST_TOKEN_REQUIRED'],
  },
  testSetFaults: {
    summary: 'Drop, duplicate or delay notifications; add latency; fail the next confirm',
    tag: 'test',
    body: FaultsBodySchema,
    answer: { status: 200, schema: FaultsSchema },
    errors: ['NOT_FOUND', 'PARAM_ERROR', 'CROSS_SITE_FORBIDDEN', 'TEST_TOKEN_REQUIRED'],
  },
  testSettings: {
    summary: 'Gateway settings (Huabei fee rates)',
    tag: 'test',
    answer: { status: 200, schema: GatewaySettingsSchema },
    errors: ['NOT_FOUND', 'TEST_TOKEN_REQUIRED'],
  },
  testSetSettings: {
    summary: 'Change gateway settings',
    tag: 'test',
    body: GatewaySettingsBodySchema,
    answer: { status: 200, schema: GatewaySettingsSchema },
    errors: ['NOT_FOUND', 'PARAM_ERROR', 'CROSS_SITE_FORBIDDEN', 'TEST_TOKEN_REQUIRED'],
  },
  testWallets: {
    summary: "Set a persona's balances",
    tag: 'test',
    body: TestWalletBodySchema,
    answer: { status: 200, schema: WalletSchema },
    errors: ['NOT_FOUND', 'PARAM_ERROR', 'CROSS_SITE_FORBIDDEN', 'TEST_TOKEN_REQUIRED'],
  },
  testStock: {
    summary: "Set a SKU's stock",
    tag: 'test',
    body: TestStockBodySchema,
    answer: { status: 200, schema: SkuSchema },
    errors: ['NOT_FOUND', 'PARAM_ERROR', 'CROSS_SITE_FORBIDDEN', 'TEST_TOKEN_REQUIRED'],
  },
  testState: {
    summary: 'Orders, payments, requests, wallets',
    tag: 'test',
    answer: { status: 200, schema: TestStateSchema },
    errors: ['NOT_FOUND', 'TEST_TOKEN_REQUIRED'],
  },
  testCreateWorld: {
    summary: 'A fresh seeded world of its own (isolated orders, payments, wallets, clock, faults)',
    tag: 'test',
    body: CreateWorldBodySchema,
    answer: { status: 201, schema: CreatedWorldSchema },
    errors: ['NOT_FOUND', 'PARAM_ERROR', 'TOO_MANY_WORLDS', 'STORAGE_UNAVAILABLE', ...guarded],
  },
  testListWorlds: {
    summary: 'Every world with its size, and the limits',
    tag: 'test',
    answer: { status: 200, schema: WorldListSchema },
    errors: ['NOT_FOUND', 'TEST_TOKEN_REQUIRED'],
  },
  testDeleteWorld: {
    summary: 'Delete a world and its data for good (the default world: reset it instead)',
    tag: 'test',
    answer: { status: 200, schema: OkSchema },
    errors: ['NOT_FOUND', 'PARAM_ERROR', 'WORLD_NOT_FOUND', ...guarded],
  },
  testWechatpayKeys: {
    summary: "WeChat Pay APIv3 sandbox: the platform's keys and this world's demo merchant",
    tag: 'test',
    answer: { status: 200, schema: WechatpayKeysSchema },
    errors: ['NOT_FOUND', 'TEST_TOKEN_REQUIRED'],
  },
  testWechatpayMerchant: {
    summary: "Register a merchant's own key (mchid) in this world (again: updated)",
    tag: 'test',
    body: RegisterMerchantBodySchema,
    answer: { status: 200, schema: RegisteredMerchantSchema },
    errors: ['NOT_FOUND', 'PARAM_ERROR', 'MCHID_TAKEN', 'STORAGE_UNAVAILABLE', ...guarded],
  },
  testWechatpayPay: {
    summary: 'Pay an APIv3 order as a persona (paySign checked first when given)',
    tag: 'test',
    body: TestPayBodySchema,
    answer: { status: 200, schema: TestPayAnswerSchema },
    errors: [
      'NOT_FOUND',
      'PARAM_ERROR',
      'PAY_SIGN_ERROR',
      'ORDER_NOT_EXIST',
      'ORDERPAID',
      'ORDERCLOSED',
      'PASSWORD_ERROR',
      'ACCOUNT_LOCKED',
      'NOTENOUGH',
      'SYSTEMERROR',
      'STORAGE_UNAVAILABLE',
      ...guarded,
    ],
  },
  ...ALIPAY_API_ROUTE_SCHEMAS,
} as const satisfies Record<RouteName, RouteSchema>

export type RouteSchemas = typeof ROUTE_SCHEMAS
