import type { PaymentMethodId } from '@/contract/payment.ts'

/**
 * What confirming a method opens (BRIEF §4): Taobao's own password pad (Alipay's realm: balance, card,
 * Huabei), a jump to another app's pay sheet (UnionPay here; WeChat's jump is a later issue), or a flow
 * that another issue builds.
 */
export type MethodFlow = 'password' | 'unionpay' | 'scan' | 'wechat' | 'later'

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
      return 'later'
  }
}
