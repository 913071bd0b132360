import type { PaymentMethodId, Wallet } from '../../../contract/payment.ts'

/** Where a payment's money comes from: a wallet balance, or a bank card (not modelled as a balance). */
export type FundingSource = keyof Wallet | 'bankCard'

/** Whose password pad guards the method; each persona has one lockout counter per realm. */
export type PasswordRealm = 'alipay' | 'wechat' | 'unionpay'

export interface ChannelSpec {
  source: FundingSource
  realm: PasswordRealm
  /** Wired end to end in the gateway. The others are declared so they drop in later. */
  implemented: boolean
}

export const CHANNELS: Record<PaymentMethodId, ChannelSpec> = {
  'alipay-balance': { source: 'alipayBalanceFen', realm: 'alipay', implemented: true },
  'alipay-card': { source: 'bankCard', realm: 'alipay', implemented: false },
  huabei: { source: 'huabeiAvailableFen', realm: 'alipay', implemented: false },
  unionpay: { source: 'bankCard', realm: 'unionpay', implemented: false },
  wechat: { source: 'wechatBalanceFen', realm: 'wechat', implemented: false },
  'wechat-scan': { source: 'wechatBalanceFen', realm: 'wechat', implemented: false },
  'friend-pay': { source: 'wechatBalanceFen', realm: 'wechat', implemented: false },
}
