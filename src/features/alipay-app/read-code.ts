import { alipayTokenOf, readPayCode } from '@/contract/paths.ts'

/**
 * A scanned text as 支付宝 reads it: a merchant's trade (a precreate `qr_code`, or the cashier's own
 * address: `ORIGIN/alipay/pay?token=…`, any host), a WeChat Pay code (which Alipay does not pay), or
 * anything else, shown as text.
 */
export type AlipayCode =
  { kind: 'trade'; token: string } | { kind: 'wechat' } | { kind: 'text'; text: string }

export function readAlipayCode(text: string): AlipayCode {
  const trimmed = text.trim()
  if (/^https?:\/\//i.test(trimmed)) {
    const token = alipayTokenOf(trimmed)
    if (token) return { kind: 'trade', token }
  }
  if (readPayCode(trimmed)) return { kind: 'wechat' }
  return { kind: 'text', text: trimmed }
}
