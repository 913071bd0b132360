import type { Order } from '@/contract/order.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Countdown } from '@/ui/Countdown.tsx'
import { CancelOrder } from './CancelOrder.tsx'

interface PayNowProps {
  order: Order
  onPay: (orderId: string) => void
  /** The deadline passed, or 取消订单 closed it: the merchant has closed the order by now. */
  onExpire: () => void
}

/** A pending order's time left, 取消订单, and 立即付款 (which pays its whole checkout: 合并付款). */
export function PayNow({ order, onPay, onExpire }: PayNowProps) {
  const { t } = useT()
  return (
    <div className="pay-now">
      <Countdown deadline={order.deadlineAt} className="pay-now__left" onExpire={onExpire}>
        {(time) => t('orders.remaining', { time })}
      </Countdown>
      <CancelOrder orderId={order.id} onCancelled={onExpire} />
      <button
        type="button"
        className="btn-primary pay-now__btn"
        data-testid="order-pay"
        onClick={() => onPay(order.checkoutId)}
      >
        {t('orders.pay')}
      </button>
    </div>
  )
}
