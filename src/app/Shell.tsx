import { lazy, Suspense, useEffect } from 'react'
import { Outlet, useLocation, useSearchParams } from 'react-router'
import { deviceFromSearch, switchDevice } from '@/lib/device.ts'
import { applySearchSettings } from '@/lib/settings.ts'
import { PhoneShell } from '@/ui/PhoneShell.tsx'
import { SimMark } from '@/ui/SimMark.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { Toaster } from '@/ui/Toaster.tsx'
import { PAY_PARAM } from './pay-param.ts'

const loadCashier = () => import('./CashierHost.tsx')
const CashierHost = lazy(async () => ({ default: (await loadCashier()).CashierHost }))

/** Fetch the cashier's code once the first screen is up, so 提交订单 opens it without a wait. */
function warmCashier(): void {
  const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1200))
  idle(() => void loadCashier())
}

/**
 * The phone around every screen. `?persona= &era= &lang=` reapply on every navigation, `?device=` switches
 * phones, and `?pay=<orderId>` opens the cashier over whatever route is showing.
 */
export function Shell() {
  const { search } = useLocation()
  const [params] = useSearchParams()
  const payOrderId = params.get(PAY_PARAM)

  useEffect(() => {
    applySearchSettings(search)
    const device = deviceFromSearch(search)
    if (device) switchDevice(device)
  }, [search])

  useEffect(warmCashier, [])

  return (
    <PhoneShell
      overlay={
        <>
          <SimMark />
          <Toaster />
          {/* Slot: the simulator panel's floating button (data-testid="sim-panel") comes here. */}
        </>
      }
    >
      <Outlet />
      {payOrderId && (
        <Suspense fallback={null}>
          <CashierHost key={payOrderId} orderId={payOrderId} />
        </Suspense>
      )}
    </PhoneShell>
  )
}

/** Shown while the first lazily loaded screen of a visit arrives. */
export function BootScreen() {
  return (
    <PhoneShell>
      <div className="state-box">
        <Spinner />
      </div>
    </PhoneShell>
  )
}
