import type { BankCard, FundingSource, PaymentMethodId, Wallet } from '../../../contract/payment.ts'

/** Whose password pad guards the money; each persona has one lockout counter per realm. */
export type PasswordRealm = 'alipay' | 'wechat' | 'unionpay'

export interface SourceSpec {
  /** The balance it draws on (cards are modelled as balances, so money always adds up). */
  wallet: keyof Wallet
  realm: PasswordRealm
  /** The card, where the source is one. */
  card: BankCard | null
}

/** Every place money can come from. */
export const SOURCES: Record<FundingSource, SourceSpec> = {
  'alipay-balance': { wallet: 'alipayBalanceFen', realm: 'alipay', card: null },
  'alipay-card': {
    wallet: 'alipayCardFen',
    realm: 'alipay',
    card: { bank: '招商银行储蓄卡', last4: '8888' },
  },
  huabei: { wallet: 'huabeiAvailableFen', realm: 'alipay', card: null },
  'unionpay-card': {
    wallet: 'unionpayCardFen',
    realm: 'unionpay',
    card: { bank: '工商银行储蓄卡', last4: '6666' },
  },
  'wechat-balance': { wallet: 'wechatBalanceFen', realm: 'wechat', card: null },
  'wechat-card': {
    wallet: 'wechatCardFen',
    realm: 'wechat',
    card: { bank: '建设银行储蓄卡', last4: '1234' },
  },
}

/**
 * Where a channel is confirmed: Taobao's own password pad (`none`), or a pay sheet in another app that a
 * token opens: WeChat's after a jump, WeChat's after a scanned code, UnionPay's after a jump.
 */
export type SheetKind = 'none' | 'jump' | 'code' | 'unionpay'

export interface ChannelSpec {
  /** What the payer may pay with; the first is the default. */
  sources: readonly FundingSource[]
  /** Who confirms: the shopper who opened the attempt, or whoever holds the code or link. */
  payer: 'owner' | 'anyone'
  sheet: SheetKind
  /** Opened at the cashier (`POST /api/pay/payments`); friend-pay is opened as a request instead. */
  atCashier: boolean
}

const wechatSources = ['wechat-balance', 'wechat-card'] as const

/** The one table of channel behaviours (BRIEF §4-5). */
export const CHANNELS: Record<PaymentMethodId, ChannelSpec> = {
  'alipay-balance': { sources: ['alipay-balance'], payer: 'owner', sheet: 'none', atCashier: true },
  'alipay-card': { sources: ['alipay-card'], payer: 'owner', sheet: 'none', atCashier: true },
  huabei: { sources: ['huabei'], payer: 'owner', sheet: 'none', atCashier: true },
  unionpay: { sources: ['unionpay-card'], payer: 'owner', sheet: 'unionpay', atCashier: true },
  wechat: { sources: wechatSources, payer: 'owner', sheet: 'jump', atCashier: true },
  'wechat-scan': { sources: wechatSources, payer: 'anyone', sheet: 'code', atCashier: true },
  'friend-pay': {
    sources: [...wechatSources, 'alipay-balance', 'alipay-card'],
    payer: 'anyone',
    sheet: 'none',
    atCashier: false,
  },
}

const HOUR_MS = 3_600_000

/** A native pay code's life (WeChat's code_url): 2 hours. */
export const CODE_TTL_MS = 2 * HOUR_MS
/** A pay-for-me link's life: 24 hours. */
export const FRIEND_LINK_TTL_MS = 24 * HOUR_MS
/** Who the money goes to, as bills and pay sheets name it. */
export const PAYEE = '淘宝 Taobao'
