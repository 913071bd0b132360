import { randomBytes, randomInt } from 'node:crypto'
import type { PaymentMethodId } from '../../contract/payment.ts'

/** Identifiers shaped like the real ones, from crypto randomness. The domain only ever receives them. */
export interface IdSource {
  orderId(): string
  paymentId(now: number): string
  transactionId(method: PaymentMethodId, now: number): string
  token(): string
}

function digits(n: number): string {
  let out = ''
  while (out.length < n) {
    // Bytes of 250 and up are skipped so every digit is equally likely.
    for (const byte of randomBytes(n)) if (byte < 250 && out.length < n) out += String(byte % 10)
  }
  return out
}

/** yyyyMMddHHmmss in Beijing time, as Chinese payment ids embed it. */
function beijingStamp(now: number): string {
  return new Date(now + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14)
}

export const cryptoIds: IdSource = {
  // Taobao order numbers: 19 digits.
  orderId: () => `${randomInt(1, 10)}${digits(18)}`, // never a leading zero
  paymentId: (now) => `pay${beijingStamp(now)}${randomBytes(8).toString('hex')}`,
  transactionId: (method, now) => {
    const day = beijingStamp(now).slice(0, 8)
    if (method === 'wechat' || method === 'wechat-scan' || method === 'friend-pay') {
      return `420000${digits(4)}${day}${digits(10)}` // WeChat transaction_id: 28 digits
    }
    if (method === 'unionpay') return `${beijingStamp(now)}${digits(7)}` // UnionPay queryId: 21 digits
    return `${day}22001${digits(15)}` // Alipay trade_no: 28 digits
  },
  // 128 random bits, URL-safe (pay-for-me links).
  token: () => randomBytes(16).toString('base64url'),
}
