import { useLocation, useNavigate, useSearchParams } from 'react-router'
import { CashierSheet } from '@/features/cashier/CashierSheet.tsx'
import { withPay } from './pay-param.ts'

/** Joins the cashier to the routes: where closing it leads, and where a payment's outcome is shown. */
export function CashierHost({ orderId }: { orderId: string }) {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const [params, setParams] = useSearchParams()

  function close() {
    if (pathname === '/') {
      // Left unpaid from the order page: the order now waits in its details, 待付款 with its countdown.
      void navigate(`/orders/${encodeURIComponent(orderId)}`, { replace: true })
      return
    }
    setParams(withPay(params, null), { replace: true })
  }

  return (
    <CashierSheet
      orderId={orderId}
      onClose={close}
      onDone={(id) => void navigate(`/pay/result/${encodeURIComponent(id)}`, { replace: true })}
      onOpenWechat={(path) => void navigate(path)}
    />
  )
}
