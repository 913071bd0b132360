import { useNavigate, useSearchParams } from 'react-router'
import { cashierOrderId, HOME, orderPath, withCashier } from '@/contract/paths.ts'
import { OrdersPage } from '@/features/orders/OrdersPage.tsx'
import { pushedGuard } from '@/features/cashier/cashier-entry.ts'

export function OrdersRoute() {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  return (
    <OrdersPage
      onBack={() => void navigate(HOME)}
      onShop={() => void navigate(HOME)}
      onOpen={(orderId) => void navigate(orderPath(orderId))}
      onPay={(orderId) => setParams(withCashier(params, orderId), { state: pushedGuard() })}
      refreshKey={cashierOrderId(params) ?? ''}
    />
  )
}
