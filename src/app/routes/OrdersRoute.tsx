import { useNavigate, useSearchParams } from 'react-router'
import { OrdersPage } from '@/features/orders/OrdersPage.tsx'
import { PAY_PARAM, withPay } from '../pay-param.ts'

export function OrdersRoute() {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  return (
    <OrdersPage
      onBack={() => void navigate('/')}
      onShop={() => void navigate('/')}
      onOpen={(orderId) => void navigate(`/orders/${encodeURIComponent(orderId)}`)}
      onPay={(orderId) => setParams(withPay(params, orderId))}
      refreshKey={params.get(PAY_PARAM) ?? ''}
    />
  )
}
