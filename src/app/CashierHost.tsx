import { useLocation, useNavigate, useSearchParams } from 'react-router'
import { HOME, orderPath, resultPath, withCashier } from '@/contract/paths.ts'
import { CashierSheet } from '@/features/cashier/CashierSheet.tsx'

/** Joins the cashier to the routes: where closing it leads, and where a payment's outcome is shown. */
export function CashierHost({ orderId }: { orderId: string }) {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const [params, setParams] = useSearchParams()

  function close() {
    if (pathname === HOME) {
      // Left unpaid from the order page: the order now waits in its details, 待付款 with its countdown.
      void navigate(orderPath(orderId), { replace: true })
      return
    }
    setParams(withCashier(params, null), { replace: true })
  }

  return (
    <CashierSheet
      orderId={orderId}
      onClose={close}
      onDone={(id) => void navigate(resultPath(id), { replace: true })}
      onOpenWechat={(path) => void navigate(path)}
    />
  )
}
