import type { Order } from '@/contract/order.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Countdown } from '@/ui/Countdown.tsx'

interface PayNowProps {
  order: Order
  onPay: (orderId: string) => void
  /** The deadline passed: the merchant has closed the order by now. */
  onExpire: () => void
}

/** A pending order's time left and its 立即付款 button. */
export function PayNow({ order, onPay, onExpire }: PayNowProps) {
  const { t } = useT()
  return (
    <div className="pay-now">
      <Countdown deadline={order.deadlineAt} className="pay-now__left" onExpire={onExpire}>
        {(time) => t('orders.remaining', { time })}
      </Countdown>
      <button
        type="button"
        className="btn-primary pay-now__btn"
        data-testid="order-pay"
        onClick={() => onPay(order.id)}
      >
        {t('orders.pay')}
      </button>
    </div>
  )
}
