import type { PasswordRealm, PaymentMethodId } from '@/contract/payment.ts'

/**
 * What confirming a method opens (BRIEF §4): Taobao's own password pad (Alipay's realm: balance, card,
 * Huabei), a jump to another app's pay sheet (UnionPay, WeChat), the scan-code panel, or the share sheet of
 * 找朋友帮忙付 (a request, not a payment).
 */
export type MethodFlow = 'password' | 'unionpay' | 'scan' | 'wechat' | 'friend'

export function flowOf(method: PaymentMethodId): MethodFlow {
  switch (method) {
    case 'alipay-balance':
    case 'alipay-card':
    case 'huabei':
      return 'password'
    case 'unionpay':
      return 'unionpay'
    case 'wechat-scan':
      return 'scan'
    case 'wechat':
      return 'wechat'
    case 'friend-pay':
      return 'friend'
  }
}

/** Whose password pad guards a method (its lockout counter), or none: whoever scans or opens the link pays. */
export function realmOf(method: PaymentMethodId): PasswordRealm | null {
  switch (method) {
    case 'alipay-balance':
    case 'alipay-card':
    case 'huabei':
      return 'alipay'
    case 'unionpay':
      return 'unionpay'
    case 'wechat':
      return 'wechat'
    case 'wechat-scan':
    case 'friend-pay':
      return null
  }
}
