import { randomFillSync } from 'node:crypto'
import type { PasswordRealm, SheetKind } from '../domain/gateway/channels.ts'

/** Identifiers shaped like the real ones, from crypto randomness. The domain only ever receives them. */
export interface IdSource {
  orderId(): string
  paymentId(now: number): string
  /** As the app that moved the money numbers it. */
  transactionId(app: PasswordRealm, now: number): string
  /** A pay sheet's token: WeChat's prepay_id, UnionPay's tn, a scanned code's `pr`. */
  sheetToken(kind: SheetKind, now: number): string
  /** A pay-for-me link's secret. */
  token(): string
}

// Crypto randomness drawn from a pool refilled 16 KB at a time: one call into OpenSSL per few hundred ids
// instead of several per id.
const pool = Buffer.alloc(16 * 1024)
let used = pool.length

/** `n` bytes of crypto randomness from the pool (ids, notification nonces). */
export function randomBytes(n: number): Buffer {
  if (used + n > pool.length) {
    randomFillSync(pool)
    used = 0
  }
  // A copy: the pool's bytes are handed out once.
  const out = Buffer.from(pool.subarray(used, used + n))
  used += n
  return out
}

/** 32 random bits, read from the pool in place. */
function random32(): number {
  if (used + 4 > pool.length) {
    randomFillSync(pool)
    used = 0
  }
  const value = pool.readUInt32LE(used)
  used += 4
  return value
}

function digits(n: number): string {
  let out = ''
  while (out.length < n) {
    // Nine digits from 32 bits; values from 4e9 up are skipped so every digit is equally likely.
    const value = random32()
    if (value < 4_000_000_000) out += String(value % 1_000_000_000).padStart(9, '0')
  }
  return out.slice(0, n)
}

/** 1 to 9, never 0 (a leading digit). */
function nonZeroDigit(): string {
  for (;;) {
    const value = random32()
    if (value < 4_294_967_292) return String((value % 9) + 1) // 9 × 477218588: an exact multiple
  }
}

let stampSecond = NaN
let stamp = ''

/** yyyyMMddHHmmss in Beijing time, as Chinese payment ids embed it (made once a second). */
function beijingStamp(now: number): string {
  const second = Math.floor(now / 1000)
  if (second !== stampSecond) {
    stampSecond = second
    stamp = new Date(second * 1000 + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14)
  }
  return stamp
}

export const cryptoIds: IdSource = {
  // Taobao order numbers: 19 digits.
  orderId: () => `${nonZeroDigit()}${digits(18)}`, // never a leading zero
  paymentId: (now) => `pay${beijingStamp(now)}${randomBytes(8).toString('hex')}`,
  transactionId: (app, now) => {
    const day = beijingStamp(now).slice(0, 8)
    if (app === 'wechat') return `420000${digits(4)}${day}${digits(10)}` // WeChat transaction_id: 28 digits
    if (app === 'unionpay') return `${beijingStamp(now)}${digits(7)}` // UnionPay queryId: 21 digits
    return `${day}22001${digits(15)}` // Alipay trade_no: 28 digits
  },
  // Every sheet token carries at least 128 random bits (it opens a pay sheet): after its time stamp,
  // UnionPay's tn has 39 random digits (129.6 bits), WeChat's prepay_id 32 random hex digits.
  sheetToken: (kind, now) => {
    if (kind === 'unionpay') return `${beijingStamp(now)}${digits(39)}` // UnionPay tn, digits only
    if (kind === 'jump') return `wx${beijingStamp(now)}${randomBytes(16).toString('hex')}` // prepay_id
    return randomBytes(16).toString('base64url') // a native code's pr: 128 random bits
  },
  // 128 random bits, URL-safe (pay-for-me links).
  token: () => randomBytes(16).toString('base64url'),
}
