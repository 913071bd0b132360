import { useNavigate, useParams, useSearchParams } from 'react-router'
import { OrderDetailPage } from '@/features/orders/OrderDetailPage.tsx'
import { PAY_PARAM, withPay } from '../pay-param.ts'

export function OrderDetailRoute() {
  const navigate = useNavigate()
  const { orderId = '' } = useParams()
  const [params, setParams] = useSearchParams()
  return (
    <OrderDetailPage
      orderId={orderId}
      onBack={() => void navigate('/orders')}
      onPay={(id) => setParams(withPay(params, id))}
      refreshKey={params.get(PAY_PARAM) ?? ''}
    />
  )
}
