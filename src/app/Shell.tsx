import { Fragment, lazy, Suspense, useEffect, useRef } from 'react'
import { Outlet, useLocation, useSearchParams } from 'react-router'
import { cashierOrderId, STUDY_PHONE_NAME } from '@/contract/paths.ts'
import { whenApiIdle } from '@/lib/api/client.ts'
import { deviceFromSearch, switchDevice } from '@/lib/device.ts'
import { loadMessages, useT } from '@/lib/i18n/i18n.ts'
import { showToast } from '@/lib/toast.ts'
import { applySearchSettings, serverContextKey, useSettings } from '@/lib/settings.ts'
import { whenIdle } from '@/lib/useLazy.ts'
import { PhoneShell } from '@/ui/PhoneShell.tsx'
import { SimMark } from '@/ui/SimMark.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { Toaster } from '@/ui/Toaster.tsx'

// The cashier speaks the words of paying, and its WeChat steps (scan code, jump) the WeChat words.
const loadCashier = () =>
  Promise.all([import('./CashierHost.tsx'), loadMessages('cashier'), loadMessages('jump')]).then(
    ([host]) => host,
  )
// The phone's system bar and the simulator's button float over the screen (nothing moves when they come):
// their code follows the first chunk instead of being in it.
const PhoneChrome = lazy(async () => ({
  default: (await import('./phone/PhoneChrome.tsx')).PhoneChrome,
}))
const SimButton = lazy(async () => ({
  default: (await import('@/features/simulator/SimButton.tsx')).SimButton,
}))
const CashierHost = lazy(async () => ({ default: (await loadCashier()).CashierHost }))

/**
 * Fetch the cashier's code once the first screen is up, so 提交订单 opens it without a wait: after that
 * screen's own calls have answered (on a slow network the prefetch must not delay the catalog), when idle.
 */
function warmCashier(): void {
  void whenApiIdle().then(() => whenIdle(() => void loadCashier()))
}

/**
 * The phone around every screen. `?persona= &era= &lang=` reapply on every navigation, `?device=` switches
 * phones, and `?pay=<orderId>` opens the cashier over whatever route is showing.
 */
export function Shell() {
  const { search, pathname } = useLocation()
  const [params] = useSearchParams()
  const payOrderId = cashierOrderId(params)
  // Persona, era and app version change what the server answers: the screen starts again under the new key.
  const contextKey = useSettings(serverContextKey)

  const { t } = useT()
  // The words of the moment, read by the effect below without re-running it: a language switched in the
  // panel must not re-apply the URL's own ?lang= over it.
  const tRef = useRef(t)
  useEffect(() => {
    tRef.current = t
  }, [t])
  useEffect(() => {
    const rejected = applySearchSettings(search, pathname)
    // Said, not swallowed: a mistyped ?persona= would otherwise look like a simulator that ignores it.
    const [first] = rejected
    if (first) showToast(tRef.current('common.unknownSetting', { ...first }))
    const device = deviceFromSearch(search)
    if (device) switchDevice(device)
  }, [search, pathname])

  useEffect(warmCashier, [])

  return (
    <PhoneShell
      overlay={
        <>
          <SimMark />
          <Toaster />
          {/* A study's participant does the task as a shopper: no switching persona, era or clock. */}
          <Suspense fallback={null}>
            {window.name !== STUDY_PHONE_NAME && <SimButton />}
            <PhoneChrome />
          </Suspense>
        </>
      }
    >
      <Fragment key={contextKey}>
        <Outlet />
        {payOrderId && (
          <Suspense fallback={null}>
            <CashierHost key={payOrderId} orderId={payOrderId} />
          </Suspense>
        )}
      </Fragment>
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
