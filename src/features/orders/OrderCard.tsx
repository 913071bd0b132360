import type { Order } from '@/contract/order.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconChevron, IconShop } from '@/ui/icons.tsx'
import { Money } from '@/ui/Money.tsx'
import { amountLabel } from './amount-label.ts'
import { OrderLines } from './OrderLines.tsx'
import { PayNow } from './PayNow.tsx'

interface OrderCardProps {
  order: Order
  onOpen: (orderId: string) => void
  onPay: (orderId: string) => void
  onExpire: () => void
}

export function shopNames(order: Order): string {
  return [...new Set(order.lines.map((l) => l.shopName))].join(' · ')
}

/** One order in the list: shop, goods, total, status; pending ones count down and can be paid. */
export function OrderCard({ order, onOpen, onPay, onExpire }: OrderCardProps) {
  const { t } = useT()
  const pending = order.status === 'PENDING_PAYMENT'
  const count = order.lines.reduce((n, l) => n + l.qty, 0)
  return (
    <article
      className="card order-card"
      data-testid="order-row"
      data-order-id={order.id}
      data-status={order.status}
    >
      <button type="button" className="order-card__head" onClick={() => onOpen(order.id)}>
        <IconShop size={16} className="order-card__shop-icon" />
        <span className="order-card__shop">{shopNames(order)}</span>
        <IconChevron size={12} />
        <span
          className={pending ? 'order-card__status order-card__status--hot' : 'order-card__status'}
        >
          {t(`orders.status.${order.status}`)}
        </span>
      </button>
      {/* The goods open the order too, for a pointer; the head is the keyboard's way in. */}
      <div className="order-card__body" onClick={() => onOpen(order.id)}>
        <OrderLines lines={order.lines} />
        <p className="order-card__sum">
          {t('common.items', { n: count })} {t(amountLabel(order.status))}{' '}
          <Money fen={order.totalFen} className="order-card__total" />
        </p>
      </div>
      {pending && <PayNow order={order} onPay={onPay} onExpire={onExpire} />}
    </article>
  )
}
