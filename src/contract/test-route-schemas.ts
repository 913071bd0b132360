// The schemas of the test API's routes (`/api/__test/…`), spread into ROUTE_SCHEMAS under the names of
// routes.ts: reset, clock, faults, settings, wallets, stock, state, worlds, the WeChat Pay sandbox's.
import { SkuSchema } from './catalog.ts'
import { WalletSchema } from './payment.ts'
import type { RouteSchema } from './route-schema.ts'
import { GUARDED } from './route-schema.ts'
import type { RouteName } from './routes.ts'
import {
  ClockAnswerSchema,
  ClockBodySchema,
  FaultsBodySchema,
  FaultsSchema,
  GatewaySettingsBodySchema,
  GatewaySettingsSchema,
  OkSchema,
  TestStateSchema,
  TestStockBodySchema,
  TestWalletBodySchema,
} from './test-api.ts'
import {
  RegisteredMerchantSchema,
  RegisterMerchantBodySchema,
  TestPayAnswerSchema,
  TestPayBodySchema,
  WechatpayKeysSchema,
} from './wechatpay-test.ts'
import { CreatedWorldSchema, CreateWorldBodySchema, WorldListSchema } from './worlds.ts'
import {
  FailNextAnswerSchema,
  FailNextBodySchema,
  ResendAnswerSchema,
  TestRefundAnswerSchema,
  TestRefundBodySchema,
} from './console.ts'
import { OrderSchema } from './order.ts'

const guarded = GUARDED

export const TEST_ROUTE_SCHEMAS = {
  testReset: {
    summary: 'Back to the seed',
    tag: 'test',
    answer: { status: 200, schema: OkSchema },
    errors: ['NOT_FOUND', 'CROSS_SITE_FORBIDDEN', 'TEST_TOKEN_REQUIRED'],
  },
  testClock: {
    summary:
      "Move the gateway's clock (by advanceMs, or to the next retry or deadline), stop or start it",
    tag: 'test',
    body: ClockBodySchema,
    answer: { status: 200, schema: ClockAnswerSchema },
    errors: [
      'NOT_FOUND',
      'PARAM_ERROR',
      'NOTHING_DUE',
      'CROSS_SITE_FORBIDDEN',
      'TEST_TOKEN_REQUIRED',
    ],
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
  testResendNotification: {
    summary:
      'Send a notification again now, as one more attempt (Taobao: a payment id; WeChat Pay: its id; Alipay: its notify_id)',
    tag: 'test',
    answer: { status: 200, schema: ResendAnswerSchema },
    errors: ['NOT_FOUND', 'STORAGE_UNAVAILABLE', ...guarded],
  },
  testMerchantFailNext: {
    summary: "A merchant's (mchid or app_id) next signed call answers this error code",
    tag: 'test',
    body: FailNextBodySchema,
    answer: { status: 200, schema: FailNextAnswerSchema },
    errors: ['NOT_FOUND', 'PARAM_ERROR', ...guarded],
  },
  testRefundOrder: {
    summary: 'Refund a paid order, in part (it stays PAID) or what is left of it (REFUNDED)',
    tag: 'test',
    body: TestRefundBodySchema,
    answer: { status: 200, schema: TestRefundAnswerSchema },
    errors: [
      'NOT_FOUND',
      'PARAM_ERROR',
      'ORDER_NOT_EXIST',
      'ORDER_NOT_PAID',
      'REFUND_TOO_LARGE',
      'STORAGE_UNAVAILABLE',
      ...guarded,
    ],
  },
  testCloseOrder: {
    summary: 'Close a pending order, as its shopper cancelling it',
    tag: 'test',
    answer: { status: 200, schema: OrderSchema },
    errors: ['NOT_FOUND', 'ORDER_NOT_EXIST', 'ORDERPAID', 'STORAGE_UNAVAILABLE', ...guarded],
  },
} as const satisfies Partial<Record<RouteName, RouteSchema>>
