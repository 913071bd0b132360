// Alipay's OpenAPI on the wire, as opendocs.alipay.com documents it: the biz_content of the v2 methods
// (POST /gateway.do), the JSON bodies of v3 (/v3/alipay/trade/...), the answers' codes. Field names are
// Alipay's own (snake_case), so the official alipay-sdk reads and writes them unchanged. docs/alipay.md.
import { z } from 'zod'

/** The v2 methods the sandbox answers. */
export const ALIPAY_METHODS = [
  'alipay.trade.precreate',
  'alipay.trade.wap.pay',
  'alipay.trade.page.pay',
  'alipay.trade.query',
  'alipay.trade.close',
  'alipay.trade.refund',
  'alipay.trade.fastpay.refund.query',
] as const
export type AlipayMethod = (typeof ALIPAY_METHODS)[number]
/** The page methods: the browser is sent on to the simulated cashier, nothing is answered as JSON. */
export const ALIPAY_PAGE_METHODS: readonly AlipayMethod[] = [
  'alipay.trade.wap.pay',
  'alipay.trade.page.pay',
]

/** How a trade stands, in Alipay's words. */
export const AlipayTradeStatusSchema = z.enum([
  'WAIT_BUYER_PAY',
  'TRADE_CLOSED',
  'TRADE_SUCCESS',
  'TRADE_FINISHED',
])
export type AlipayTradeStatus = z.infer<typeof AlipayTradeStatusSchema>

/**
 * The business errors (`sub_code`, all under code 40004 "Business Failed") with their text; v3 answers
 * the same codes with HTTP 400 (404 for a trade that does not exist is not Alipay's: it says 400).
 */
export const ALIPAY_BIZ_ERRORS = {
  'ACQ.TRADE_NOT_EXIST': '交易不存在',
  'ACQ.TRADE_HAS_SUCCESS': '交易已被支付',
  'ACQ.TRADE_HAS_CLOSE': '交易已经关闭',
  'ACQ.TRADE_STATUS_ERROR': '交易状态不合法',
  'ACQ.CONTEXT_INCONSISTENT': '交易信息被篡改',
  'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL': '退款金额超限',
  'ACQ.INVALID_PARAMETER': '参数无效',
  'ACQ.SYSTEM_ERROR': '系统错误',
} as const
export type AlipayBizError = keyof typeof ALIPAY_BIZ_ERRORS

/** Yuan with at most two decimals, as a string ("88.88") or a JSON number (88.88): 0.01 … 100000000. */
export const YuanSchema = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const text = typeof v === 'number' ? String(v) : v.trim()
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text)
  const fen = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : NaN
  if (!Number.isSafeInteger(fen) || fen < 1 || fen > 100_000_000_00) {
    ctx.addIssue({
      code: 'custom',
      message: 'an amount in yuan, 0.01 to 100000000, at most 2 decimals',
    })
    return z.NEVER
  }
  return fen
})

/** Fen as Alipay writes amounts: "88.88". */
export function yuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

const str = (max: number) => z.string().min(1).max(max)
export const OutTradeNoSchema = z
  .string()
  .regex(/^[0-9A-Za-z_-]{1,64}$/, 'letters, digits, _ and -, at most 64 characters')
const NotifyUrlSchema = z.string().max(256)

/** precreate, wap.pay and page.pay's biz_content (and v3 precreate's body): the trade itself. */
export const CreateTradeBizSchema = z.looseObject({
  out_trade_no: OutTradeNoSchema,
  total_amount: YuanSchema,
  subject: str(256),
  body: z.string().max(128).optional(),
  product_code: z.string().max(64).optional(),
  /** How long the trade may wait for the buyer: 1m … 15d (Alipay's default 15d; here capped at the trade). */
  timeout_express: z
    .string()
    .regex(/^\d{1,5}[mhdc]$/)
    .optional(),
  time_expire: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(?::\d{2})?$/)
    .optional(),
  passback_params: z.string().max(512).optional(),
  quit_url: z.string().max(400).optional(),
  /** v3 carries it in the body; v2 as a common parameter. */
  notify_url: NotifyUrlSchema.optional(),
})
export type CreateTradeBiz = z.infer<typeof CreateTradeBizSchema>

const byEither = <T extends z.ZodRawShape>(shape: T) =>
  z
    .looseObject({
      out_trade_no: OutTradeNoSchema.optional(),
      trade_no: z.string().max(64).optional(),
      ...shape,
    })
    .refine((b) => Boolean(b.out_trade_no || b.trade_no), {
      message: 'out_trade_no or trade_no',
      path: ['out_trade_no'],
    })

/** query's and close's biz_content. */
export const TradeRefSchema = byEither({})
export type TradeRef = z.infer<typeof TradeRefSchema>

/** refund's biz_content. Without out_request_no the refund is the trade's one whole refund. */
export const RefundBizSchema = byEither({
  refund_amount: YuanSchema,
  refund_reason: z.string().max(256).optional(),
  out_request_no: z
    .string()
    .regex(/^[0-9A-Za-z_-]{1,64}$/)
    .optional(),
})
export type RefundBiz = z.infer<typeof RefundBizSchema>

/** fastpay.refund.query's biz_content. */
export const RefundQueryBizSchema = byEither({
  out_request_no: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/),
})
export type RefundQueryBiz = z.infer<typeof RefundQueryBizSchema>

/** v3's error body (`{ code, message }` with a 4xx), which the SDK's curl turns into AlipayRequestError. */
export const AlipayV3ErrorSchema = z.object({ code: z.string(), message: z.string() })

/** v3 precreate's answer. */
export const AlipayPrecreateAnswerSchema = z.object({
  out_trade_no: z.string(),
  qr_code: z.string(),
})
/** v3 query's answer (what v2 answers inside alipay_trade_query_response, without code and msg). */
export const AlipayTradeViewSchema = z.looseObject({
  trade_no: z.string(),
  out_trade_no: z.string(),
  trade_status: AlipayTradeStatusSchema,
  total_amount: z.string(),
})
export const AlipayCloseAnswerSchema = z.object({ trade_no: z.string(), out_trade_no: z.string() })
export const AlipayRefundAnswerSchema = z.looseObject({
  trade_no: z.string(),
  out_trade_no: z.string(),
  fund_change: z.enum(['Y', 'N']),
  refund_fee: z.string(),
})
