// The schemas of the Alipay sandbox's routes: its /api routes (spread into ROUTE_SCHEMAS under the names
// of routes.ts) and the ALIPAY_ROUTES table (v2's gateway, v3). v2 sends forms, so its gateway validates
// the parameters itself (the method names the biz_content schema); v3 sends JSON, validated here.
import type { z } from 'zod'
import type { ErrorCode } from './errors.ts'
import type { AlipayRouteName } from './routes.ts'
import {
  AlipayCloseAnswerSchema,
  AlipayPrecreateAnswerSchema,
  AlipayRefundAnswerSchema,
  AlipayTradeViewSchema,
  CreateTradeBizSchema,
  RefundBizSchema,
  TradeRefSchema,
} from './alipay.ts'
import {
  AlipayBuyerBodySchema,
  AlipayKeysSchema,
  AlipayPayBodySchema,
  AlipayTestPayAnswerSchema,
  AlipayTradeSheetSchema,
  RegisterAlipayAppBodySchema,
  RegisteredAlipayAppSchema,
} from './alipay-test.ts'

const guarded: ErrorCode[] = ['CROSS_SITE_FORBIDDEN', 'TEST_TOKEN_REQUIRED']
const payErrors: ErrorCode[] = [
  'PARAM_ERROR',
  'ORDER_NOT_EXIST',
  'ORDERPAID',
  'ORDERCLOSED',
  'PASSWORD_ERROR',
  'ACCOUNT_LOCKED',
  'NOTENOUGH',
  'SYSTEMERROR',
  'STORAGE_UNAVAILABLE',
]

/** Entries of ROUTE_SCHEMAS (route-schemas.ts checks them against its RouteSchema). */
export const ALIPAY_API_ROUTE_SCHEMAS = {
  alipayTrade: {
    summary: 'An Alipay trade as the simulated cashier and 支付宝 app show it (by its token)',
    tag: 'gateway',
    answer: { status: 200, schema: AlipayTradeSheetSchema },
    errors: ['ORDER_NOT_EXIST', 'WORLD_NOT_FOUND'],
  },
  alipayOpenTrade: {
    summary: 'The buyer scanned the code or opened the cashier: the trade is WAIT_BUYER_PAY',
    tag: 'gateway',
    answer: { status: 200, schema: AlipayTradeSheetSchema },
    errors: [
      'ORDER_NOT_EXIST',
      'ORDERPAID',
      'ORDERCLOSED',
      'WORLD_NOT_FOUND',
      'STORAGE_UNAVAILABLE',
    ],
  },
  alipayPayTrade: {
    summary: "Pay an Alipay trade from the persona's 余额, 花呗 or card with the 6-digit password",
    tag: 'gateway',
    body: AlipayPayBodySchema,
    answer: { status: 200, schema: AlipayTestPayAnswerSchema },
    errors: [...payErrors, 'WORLD_NOT_FOUND'],
  },
  testAlipayKeys: {
    summary:
      "Alipay sandbox: Alipay's public key and this world's demo app (its PKCS#1 private key)",
    tag: 'test',
    answer: { status: 200, schema: AlipayKeysSchema },
    errors: ['NOT_FOUND', 'TEST_TOKEN_REQUIRED'],
  },
  testAlipayApp: {
    summary: "Register an app's own public key (app_id) in this world (again: updated)",
    tag: 'test',
    body: RegisterAlipayAppBodySchema,
    answer: { status: 200, schema: RegisteredAlipayAppSchema },
    errors: ['NOT_FOUND', 'PARAM_ERROR', 'APP_ID_TAKEN', 'STORAGE_UNAVAILABLE', ...guarded],
  },
  testAlipayScan: {
    summary: "A buyer scans an app's precreated code (or opens its cashier): WAIT_BUYER_PAY",
    tag: 'test',
    body: AlipayBuyerBodySchema,
    answer: { status: 200, schema: AlipayTradeSheetSchema },
    errors: ['NOT_FOUND', 'PARAM_ERROR', 'ORDER_NOT_EXIST', 'ORDERPAID', 'ORDERCLOSED', ...guarded],
  },
  testAlipayPay: {
    summary: "Pay an app's trade as a persona, from its Alipay balance (for scripts)",
    tag: 'test',
    body: AlipayBuyerBodySchema,
    answer: { status: 200, schema: AlipayTestPayAnswerSchema },
    errors: ['NOT_FOUND', ...payErrors, ...guarded],
  },
} as const

export interface AlipayRouteSchema {
  summary: string
  tag: 'alipay'
  body?: z.ZodType
  query?: z.ZodType
  /** v2: `{ "<method>_response": …, "sign" }` (or a 302 to the cashier for the page methods); v3: JSON. */
  answer: { readonly status: 200; readonly schema: z.ZodType } | 'v2'
  /** Alipay's sub_codes (v2 under code 40004; v3 as `code` with HTTP 400). */
  errors: readonly string[]
}

const biz = [
  'ACQ.TRADE_NOT_EXIST',
  'ACQ.TRADE_HAS_SUCCESS',
  'ACQ.TRADE_HAS_CLOSE',
  'ACQ.TRADE_STATUS_ERROR',
  'ACQ.CONTEXT_INCONSISTENT',
  'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL',
  'ACQ.INVALID_PARAMETER',
  'ACQ.SYSTEM_ERROR',
]
const common = [
  'isv.missing-app-id',
  'isv.invalid-app-id',
  'isv.missing-method',
  'isv.invalid-method',
  'isv.missing-signature',
  'isv.invalid-signature',
  'isv.invalid-signature-type',
  'isv.invalid-charset',
  'isv.invalid-timestamp',
  'isv.invalid-parameter',
  'isp.unknow-error',
]
const v3 = [
  'invalid-signature',
  'invalid-app-id',
  'invalid-timestamp',
  'INVALID_PARAMETER',
  'SYSTEM_ERROR',
]
const tag = 'alipay' as const

export const ALIPAY_ROUTE_SCHEMAS = {
  alipayGateway: {
    summary: 'OpenAPI v2: every method, form or query parameters, RSA2-signed both ways',
    tag,
    answer: 'v2',
    errors: [...common, ...biz],
  },
  alipayGatewayGet: {
    summary: "OpenAPI v2 by GET: pageExec('GET') URLs of wap.pay / page.pay (302 to the cashier)",
    tag,
    answer: 'v2',
    errors: [...common, ...biz],
  },
  alipayV3Precreate: {
    summary: 'v3 统一收单线下交易预创建: a qr_code',
    tag,
    body: CreateTradeBizSchema,
    answer: { status: 200, schema: AlipayPrecreateAnswerSchema },
    errors: [...v3, ...biz],
  },
  alipayV3Query: {
    summary: 'v3 统一收单交易查询',
    tag,
    body: TradeRefSchema,
    answer: { status: 200, schema: AlipayTradeViewSchema },
    errors: [...v3, ...biz],
  },
  alipayV3Close: {
    summary: 'v3 统一收单交易关闭',
    tag,
    body: TradeRefSchema,
    answer: { status: 200, schema: AlipayCloseAnswerSchema },
    errors: [...v3, ...biz],
  },
  alipayV3Refund: {
    summary: 'v3 统一收单交易退款 (to the buyer at once)',
    tag,
    body: RefundBizSchema,
    answer: { status: 200, schema: AlipayRefundAnswerSchema },
    errors: [...v3, ...biz],
  },
} as const satisfies Record<AlipayRouteName, AlipayRouteSchema>

export type AlipayRouteSchemas = typeof ALIPAY_ROUTE_SCHEMAS
