import { useSearchParams } from 'react-router'
import { useT } from '@/lib/i18n/i18n.ts'
import { useReloadOn } from '@/lib/useResource.ts'
import { PageHeader } from '@/ui/PageHeader.tsx'
import { LoadState } from '@/ui/LoadState.tsx'
import { OrderCard } from './OrderCard.tsx'
import { inTab, isTab, TABS, type Tab } from './tabs.ts'
import { useOrders } from './useOrders.ts'
import { useRefreshWhile } from './useRefresh.ts'
import './orders.css'

interface OrdersPageProps {
  onBack: () => void
  onOpen: (orderId: string) => void
  onPay: (orderId: string) => void
  onShop: () => void
  /** Changes when something may have changed the orders (the cashier closed): load them again. */
  refreshKey: string
}

/** 我的订单: 全部 / 待付款 / 待发货 / 已关闭 (the tab is in the URL: ?tab=). */
export function OrdersPage({ onBack, onOpen, onPay, onShop, refreshKey }: OrdersPageProps) {
  const { t } = useT()
  const [params, setParams] = useSearchParams()
  const rawTab = params.get('tab')
  const tab: Tab = isTab(rawTab) ? rawTab : 'all'
  const orders = useOrders()
  const { reload } = orders

  useReloadOn(refreshKey, reload)
  // Orders waiting for payment close at their deadline by the server's clock, or get paid elsewhere.
  useRefreshWhile(orders.data?.some((o) => o.status === 'PENDING_PAYMENT') ?? false, reload)

  function chooseTab(next: Tab) {
    setParams(
      (prev) => {
        const copy = new URLSearchParams(prev)
        if (next === 'all') copy.delete('tab')
        else copy.set('tab', next)
        return copy
      },
      { replace: true },
    )
  }

  const shown = orders.data?.filter((o) => inTab(tab, o.status)) ?? []

  return (
    <main className="page orders-page">
      <div className="orders-page__top">
        <PageHeader title={t('orders.title')} backLabel={t('common.back')} onBack={onBack} white />
        <div className="tabs" role="tablist" aria-label={t('orders.title')}>
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'tabs__tab tabs__tab--on' : 'tabs__tab'}
              onClick={() => chooseTab(name)}
            >
              {t(`orders.tabs.${name}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="orders-page__list" role="tabpanel" aria-label={t(`orders.tabs.${tab}`)}>
        {orders.data ? (
          shown.length > 0 ? (
            shown.map((order) => (
              <OrderCard
                key={order.id}
                order={order}
                onOpen={onOpen}
                onPay={onPay}
                onExpire={reload}
              />
            ))
          ) : (
            <div className="state-box">
              <p>{t('orders.empty')}</p>
              <button type="button" className="btn-ghost btn-ghost--orange" onClick={onShop}>
                {t('orders.goShopping')}
              </button>
            </div>
          )
        ) : (
          <LoadState error={orders.error} onRetry={reload} />
        )}
      </div>
    </main>
  )
}
