import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router'
import { HOME, ORDERS_PATH, withCashier } from '@/contract/paths.ts'
import { ResultPage } from '@/features/cashier/ResultPage.tsx'
import { pushedGuard } from '@/features/cashier/cashier-entry.ts'

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
      onViewOrders={() => void navigate(ORDERS_PATH)}
      onHome={() => void navigate(HOME)}
      onRetry={() => setParams(withCashier(params, orderId), { state: pushedGuard() })}
    />
  )
}
