import { useEffect } from 'react'
import { useLocation, useNavigate, useSearchParams } from 'react-router'
import { HOME, orderPath, ordersPath, resultPath, withCashier } from '@/contract/paths.ts'
import { CashierSheet } from '@/features/cashier/CashierSheet.tsx'
import { fetchCheckout } from '@/lib/api/shop.ts'
import { whenIdle } from '@/lib/useLazy.ts'

/**
 * Where an order left unpaid waits: its details, or, for a checkout of several shops' orders, my orders'
 * 待付款 (each shop's order is there, and 立即付款 on any pays them together; all of them once closed).
 */
async function waitingPath(id: string): Promise<string> {
  const checkout = await fetchCheckout(id).catch(() => null)
  if (!checkout || checkout.orderIds.length === 1) return orderPath(checkout?.orderIds[0] ?? id)
  return ordersPath(checkout.status === 'PENDING_PAYMENT' ? 'pending' : null)
}

/** Joins the cashier to the routes: where closing it leads, and where a payment's outcome is shown. */
export function CashierHost({ orderId }: { orderId: string }) {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const [params, setParams] = useSearchParams()
  // The result page's code is in the phone before the money lands, so 支付成功 does not wait for it.
  useEffect(
    () => whenIdle(() => void import('./routes/ResultRoute.tsx').catch(() => undefined)),
    [],
  )

  function close() {
    if (pathname === HOME) {
      // Left unpaid from the order page: the order now waits, 待付款 with its countdown.
      void waitingPath(orderId).then((path) => navigate(path, { replace: true }))
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
