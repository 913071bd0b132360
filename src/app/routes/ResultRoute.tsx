import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router'
import { ResultPage } from '@/features/cashier/ResultPage.tsx'
import { withPay } from '../pay-param.ts'

export function ResultRoute() {
  const navigate = useNavigate()
  const { key } = useLocation()
  const { orderId = '' } = useParams()
  const [params, setParams] = useSearchParams()
  return (
    <ResultPage
      // A new visit (e.g. after paying again from here) checks afresh.
      key={`${orderId}:${key}`}
      orderId={orderId}
      onViewOrders={() => void navigate('/orders')}
      onHome={() => void navigate('/')}
      onRetry={() => setParams(withPay(params, orderId))}
    />
  )
}
