import { useNavigate, useParams, useSearchParams } from 'react-router'
import { cashierOrderId, HOME, ORDERS_PATH, withCashier } from '@/contract/paths.ts'
import { OrderDetailPage } from '@/features/orders/OrderDetailPage.tsx'
import { pushedGuard } from '@/features/cashier/cashier-entry.ts'

export function OrderDetailRoute() {
  const navigate = useNavigate()
  const { orderId = '' } = useParams()
  const [params, setParams] = useSearchParams()
  return (
    <OrderDetailPage
      orderId={orderId}
      onBack={() => void navigate(ORDERS_PATH)}
      onHome={() => void navigate(HOME)}
      onPay={(id) => setParams(withCashier(params, id), { state: pushedGuard() })}
      refreshKey={cashierOrderId(params) ?? ''}
    />
  )
}
