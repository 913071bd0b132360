import type { Bill } from '@/contract/payment.ts'
import { isTaobaoBill } from './bill-text.ts'

/** A bill's round logo: Taobao's 淘 in orange, a merchant's first character in Alipay blue. */
export function BillLogo({ bill, large = false }: { bill: Bill; large?: boolean }) {
  const taobao = isTaobaoBill(bill)
  const className = [
    'ali-bill-logo',
    taobao ? 'ali-bill-logo--taobao' : '',
    large ? 'ali-bill-logo--lg' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <span className={className} aria-hidden="true">
      {taobao ? '淘' : bill.payee.slice(0, 1)}
    </span>
  )
}
