import { useNavigate } from 'react-router'
import { checkoutCashierPath, ORDERS_PATH } from '@/contract/paths.ts'
import { inPlaceGuard } from '@/features/cashier/cashier-entry.ts'
import { CheckoutPage } from '@/features/checkout/CheckoutPage.tsx'

/** Whether this tab has an earlier page of ours to go back to (react-router keeps the index in history.state). */
function hasHistory(): boolean {
  const state: unknown = window.history.state
  return typeof state === 'object' && state !== null && 'idx' in state && Number(state.idx) > 0
}

export function CheckoutRoute() {
  const navigate = useNavigate()
  return (
    <CheckoutPage
      // The order exists: this entry becomes its cashier, so no Back returns to a cart that would
      // place it again (leaving the cashier puts the order, 待付款, in its place).
      onOrderCreated={(orderId) =>
        void navigate(checkoutCashierPath(orderId), { replace: true, state: inPlaceGuard() })
      }
      onOpenOrders={() => void navigate(ORDERS_PATH)}
      onBack={hasHistory() ? () => void navigate(-1) : undefined}
    />
  )
}
