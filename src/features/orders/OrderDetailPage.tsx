import type { Order } from '@/contract/order.ts'
import { isApiError } from '@/lib/api/client.ts'
import { formatDateTime, maskPhone } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useOrderStatus } from '@/lib/useOrderStatus.ts'
import { useReloadOn } from '@/lib/useResource.ts'
import { Countdown } from '@/ui/Countdown.tsx'
import { IconLocation, IconShop } from '@/ui/icons.tsx'
import { Money } from '@/ui/Money.tsx'
import { PageHeader } from '@/ui/PageHeader.tsx'
import { LoadState } from '@/ui/LoadState.tsx'
import { ForeignOrderNotice } from '@/ui/ForeignOrderNotice.tsx'
import { MissingNotice } from '@/ui/MissingNotice.tsx'
import { shopNames } from './OrderCard.tsx'
import { amountLabel } from './amount-label.ts'
import { OrderLines } from './OrderLines.tsx'
import { PayNow } from './PayNow.tsx'
import { PlanRow } from './PlanRow.tsx'
import { useOrder } from './useOrders.ts'
import './orders.css'

interface OrderDetailPageProps {
  orderId: string
  onBack: () => void
  onHome: () => void
  onPay: (orderId: string) => void
  refreshKey: string
}

/** One order: status, address, goods, price breakdown, numbers and times. */
export function OrderDetailPage({
  orderId,
  onBack,
  onHome,
  onPay,
  refreshKey,
}: OrderDetailPageProps) {
  const { t } = useT()
  const order = useOrder(orderId)
  const { reload } = order
  useReloadOn(refreshKey, reload)
  // Paid by a friend, closed at the deadline by the server: the page follows the merchant's word.
  const shown = order.data?.status
  const missing = isApiError(order.error) && order.error.code === 'ORDER_NOT_EXIST'
  useOrderStatus(orderId, (status) => {
    if (shown && status !== shown) reload()
  })
  return (
    <main className="page order-detail">
      <PageHeader
        title={missing ? t('orders.notFound') : t('orders.detailTitle')}
        backLabel={t('common.back')}
        onBack={onBack}
        white
      />
      {order.data ? (
        <OrderDetail order={order.data} onPay={onPay} onExpire={order.reload} />
      ) : isApiError(order.error) && order.error.owner ? (
        <ForeignOrderNotice owner={order.error.owner} />
      ) : missing ? (
        <MissingNotice
          title={t('orders.notFound')}
          hint={t('common.orderNotFoundHint')}
          onHome={onHome}
        />
      ) : (
        <LoadState error={order.error} onRetry={order.reload} />
      )}
    </main>
  )
}

function OrderDetail({
  order,
  onPay,
  onExpire,
}: {
  order: Order
  onPay: (id: string) => void
  onExpire: () => void
}) {
  const { t, lang } = useT()
  const pending = order.status === 'PENDING_PAYMENT'
  const times: [string, string | null][] = [
    [t('orders.createdAt'), order.createdAt],
    [t('orders.paidAt'), order.paidAt],
    [t('orders.closedAt'), order.closedAt],
  ]
  return (
    <>
      <section
        className={`order-banner order-banner--${order.status.toLowerCase()}`}
        data-testid="order-row"
        data-order-id={order.id}
        data-status={order.status}
      >
        <h2>{t(`orders.status.${order.status}`)}</h2>
        <p>
          {pending ? (
            <Countdown deadline={order.deadlineAt} onExpire={onExpire}>
              {(time) => t('orders.statusHint.PENDING_PAYMENT', { time })}
            </Countdown>
          ) : order.closeReason ? (
            t(`orders.closeReason.${order.closeReason}`)
          ) : (
            t(`orders.statusHint.${order.status}`)
          )}
        </p>
      </section>
      <section className="card order-address" aria-label={t('orders.address')}>
        <IconLocation size={18} className="order-address__icon" />
        <div>
          <p className="order-address__who">
            {order.address.name} <span>{maskPhone(order.address.phone)}</span>
          </p>
          <p className="order-address__where">
            {order.address.region} {order.address.detail}
          </p>
        </div>
      </section>
      <section className="card order-goods">
        <h3 className="order-goods__shop">
          <IconShop size={16} className="order-card__shop-icon" />
          {shopNames(order)}
        </h3>
        <OrderLines lines={order.lines} />
        <dl className="kv">
          <div>
            <dt>{t('checkout.breakdown.items')}</dt>
            <dd>
              <Money fen={order.itemsFen} />
            </dd>
          </div>
          <div>
            <dt>{t('checkout.breakdown.delivery')}</dt>
            <dd>
              <Money fen={order.deliveryFen} />
            </dd>
          </div>
          <div>
            <dt>{t('checkout.breakdown.shopCoupon')}</dt>
            <dd className="kv__discount">
              <Money fen={order.shopCouponFen} negative />
            </dd>
          </div>
          <div>
            <dt>{t('checkout.breakdown.crossStore')}</dt>
            <dd className="kv__discount">
              <Money fen={order.crossStoreFen} negative />
            </dd>
          </div>
          <div className="kv__total">
            <dt>{t(amountLabel(order.status))}</dt>
            <dd>
              <Money fen={order.totalFen} tag />
            </dd>
          </div>
        </dl>
      </section>
      <section className="card">
        <dl className="kv">
          <div>
            <dt>{t('orders.orderNo')}</dt>
            <dd className="kv__mono">{order.id}</dd>
          </div>
          {times.map(([label, at]) =>
            at ? (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{formatDateTime(at, lang)}</dd>
              </div>
            ) : null,
          )}
          {order.paidWith && (
            <div>
              <dt>{t('orders.paidWith')}</dt>
              <dd>{t(`cashier.methods.${order.paidWith}`)}</dd>
            </div>
          )}
          {order.paidWith === 'huabei' && <PlanRow order={order} />}
          <div>
            <dt>{t('orders.invoice')}</dt>
            <dd>
              {order.invoice.kind === 'company'
                ? `${t('checkout.invoice.company')} · ${order.invoice.title}`
                : t(`checkout.invoice.${order.invoice.kind}`)}
            </dd>
          </div>
          {order.note && (
            <div>
              <dt>{t('orders.note')}</dt>
              <dd>{order.note}</dd>
            </div>
          )}
        </dl>
      </section>
      {pending && (
        <div className="order-detail__bar">
          <PayNow order={order} onPay={onPay} onExpire={onExpire} />
        </div>
      )}
    </>
  )
}
