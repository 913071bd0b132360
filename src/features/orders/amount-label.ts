import type { OrderStatus } from '@/contract/order.ts'
import type { MessageKey } from '@/lib/i18n/i18n.ts'

/** 需付款 while it waits, 实付款 once paid, plain 合计 when it closed unpaid. */
export function amountLabel(status: OrderStatus): MessageKey {
  switch (status) {
    case 'PENDING_PAYMENT':
      return 'orders.due'
    case 'PAID':
    case 'REFUNDED':
      return 'orders.paid'
    case 'CLOSED':
      return 'checkout.breakdown.total'
  }
}
