// The schemas of `V3_ROUTES` (routes.ts), by the same names: what the /v3 routes validate with and what
// the OpenAPI document says. Errors are WeChat's codes, with WeChat's statuses (V3_ERROR_STATUS).
import type { z } from 'zod'
import type { V3RouteName } from './routes.ts'
import {
  CertificatesSchema,
  CloseBodySchema,
  CodeUrlSchema,
  H5OrderBodySchema,
  H5UrlSchema,
  JsapiOrderBodySchema,
  MchidQuerySchema,
  NativeOrderBodySchema,
  AppOrderBodySchema,
  PrepayIdSchema,
  RefundBodySchema,
  V3RefundSchema,
  V3TransactionSchema,
} from './wechatpay.ts'
import type { V3ErrorCode } from './wechatpay.ts'

export interface V3RouteSchema {
  summary: string
  tag: 'wechatpay-v3'
  query?: z.ZodType
  body?: z.ZodType
  /** The success answer: JSON, or an empty 204 (still signed). */
  answer: { readonly status: 200; readonly schema: z.ZodType } | { readonly status: 204 }
  errors: readonly V3ErrorCode[]
}

/** What any signed call can meet: a bad signature, the rate limit, the journal failing. */
const always: V3ErrorCode[] = ['SIGN_ERROR', 'FREQUENCY_LIMITED', 'SYSTEM_ERROR']
const createErrors: V3ErrorCode[] = [
  'PARAM_ERROR',
  'APPID_MCHID_NOT_MATCH',
  'OUT_TRADE_NO_USED',
  'ORDERPAID',
  'ORDER_CLOSED',
  ...always,
]
const tag = 'wechatpay-v3' as const

export const V3_ROUTE_SCHEMAS = {
  v3Native: {
    summary: 'Native下单: a code_url to show as a QR code',
    tag,
    body: NativeOrderBodySchema,
    answer: { status: 200, schema: CodeUrlSchema },
    errors: createErrors,
  },
  v3H5: {
    summary: 'H5下单: an h5_url that opens WeChat Pay from a phone browser',
    tag,
    body: H5OrderBodySchema,
    answer: { status: 200, schema: H5UrlSchema },
    errors: createErrors,
  },
  v3Jsapi: {
    summary: 'JSAPI/小程序下单: a prepay_id for wx.requestPayment / WeixinJSBridge',
    tag,
    body: JsapiOrderBodySchema,
    answer: { status: 200, schema: PrepayIdSchema },
    errors: createErrors,
  },
  v3App: {
    summary: 'APP下单: a prepay_id for the WeChat SDK in an app',
    tag,
    body: AppOrderBodySchema,
    answer: { status: 200, schema: PrepayIdSchema },
    errors: createErrors,
  },
  v3QueryByOutTradeNo: {
    summary: '商户订单号查询订单',
    tag,
    query: MchidQuerySchema,
    answer: { status: 200, schema: V3TransactionSchema },
    errors: ['PARAM_ERROR', 'ORDER_NOT_EXIST', ...always],
  },
  v3QueryById: {
    summary: '微信支付订单号查询订单 (paid orders only)',
    tag,
    query: MchidQuerySchema,
    answer: { status: 200, schema: V3TransactionSchema },
    errors: ['PARAM_ERROR', 'ORDER_NOT_EXIST', ...always],
  },
  v3Close: {
    summary: '关闭订单: 204, signed',
    tag,
    body: CloseBodySchema,
    answer: { status: 204 },
    errors: ['PARAM_ERROR', 'ORDERPAID', 'ORDER_NOT_EXIST', ...always],
  },
  v3Refund: {
    summary: "退款申请 (to the payer's 零钱 or card at once: SUCCESS)",
    tag,
    body: RefundBodySchema,
    answer: { status: 200, schema: V3RefundSchema },
    errors: ['PARAM_ERROR', 'INVALID_REQUEST', 'RESOURCE_NOT_EXISTS', 'NOT_ENOUGH', ...always],
  },
  v3RefundQuery: {
    summary: '查询单笔退款 (by out_refund_no)',
    tag,
    answer: { status: 200, schema: V3RefundSchema },
    errors: ['RESOURCE_NOT_EXISTS', ...always],
  },
  v3Certificates: {
    summary: '下载平台证书: the platform certificate, encrypted under the APIv3 key',
    tag,
    answer: { status: 200, schema: CertificatesSchema },
    errors: always,
  },
} as const satisfies Record<V3RouteName, V3RouteSchema>

export type V3RouteSchemas = typeof V3_ROUTE_SCHEMAS
