import { lazy, Suspense, useEffect, type ComponentType } from 'react'
import { BrowserRouter, matchPath, Route, Routes, useLocation } from 'react-router'
import { HOME, PAGE_ROUTES } from '@/contract/paths.ts'
import { studyResultsUrl } from '@/contract/routes.ts'
import { askEarly } from '@/lib/api/early.ts'
import type { FriendWallet } from '@/features/friend-pay/flow.ts'
import { loadMessages, type LazyMessages } from '@/lib/i18n/i18n.ts'
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx'
import { publishLocation } from './location-feed.ts'
import { CheckoutRoute } from './routes/CheckoutRoute.tsx'
import { BootScreen, Shell } from './Shell.tsx'

/**
 * A screen loaded when it is first visited, with the words it speaks. The router's navigations are
 * transitions, so the screen that is showing stays up until the next one has arrived.
 */
function screen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  words: readonly (keyof LazyMessages)[] = [],
) {
  let loading: Promise<{ default: ComponentType<P> }> | null = null
  const get = () => {
    loading ??= Promise.all([load(), ...words.map(loadMessages)]).then(
      ([Component]) => ({ default: Component }),
      (error: unknown) => {
        // A failed load (offline, a new build) may be tried again.
        loading = null
        throw error
      },
    )
    return loading
  }
  return Object.assign(lazy(get), { preload: get })
}

const StageRoute = screen(
  async () => (await import('./routes/StageRoute.tsx')).StageRoute,
  ['friendPay'],
)
const LabRoute = screen(
  async () => (await import('./routes/LabRoute.tsx')).LabRoute,
  ['lab', 'labStudy'],
)
const LabStudyRoute = screen(async () => {
  // The results are asked for while the page's code arrives (lib/api/early.ts): the two waits overlap.
  const match = matchPath(PAGE_ROUTES.labStudy, window.location.pathname)
  const key = new URLSearchParams(window.location.search).get('key')
  if (match?.params.studyId && key) askEarly(studyResultsUrl(match.params.studyId, key))
  // The answer's schemas come with the code, not after it (the page checks the answer against them).
  const [route] = await Promise.all([
    import('./routes/LabStudyRoute.tsx'),
    import('@/contract/route-schemas.ts'),
    import('@/lib/zod-config.ts'),
  ])
  return route.LabStudyRoute
}, ['lab', 'labStudy'])
const StudyRoute = screen(
  async () => (await import('./routes/StudyRoute.tsx')).StudyRoute,
  ['study'],
)
const ConsoleRoute = screen(
  async () => (await import('./routes/ConsoleRoute.tsx')).ConsoleRoute,
  ['console'],
)
const ConsoleObjectRoute = screen(
  async () => (await import('./routes/ConsoleRoute.tsx')).ConsoleObjectRoute,
  ['console'],
)
// The words of paying (`cashier`: the cashier, PIN pad, result and orders) come with every screen that pays.
const OrdersRoute = screen(
  async () => (await import('./routes/OrdersRoute.tsx')).OrdersRoute,
  ['cashier'],
)
const OrderDetailRoute = screen(
  async () => (await import('./routes/OrderDetailRoute.tsx')).OrderDetailRoute,
  ['cashier'],
)
const ResultRoute = screen(
  async () => (await import('./routes/ResultRoute.tsx')).ResultRoute,
  ['cashier'],
)
const WechatRoute = screen(
  async () => (await import('./routes/WechatRoute.tsx')).WechatRoute,
  ['wechat', 'cashier'],
)
const FriendPayRoute = screen<{ wallet: FriendWallet }>(
  async () => (await import('./routes/FriendPayRoute.tsx')).FriendPayRoute,
  ['friendPay', 'cashier'],
)
const AlipayCashierRoute = screen(
  async () => (await import('@/features/alipay/AlipayCashierRoute.tsx')).AlipayCashierRoute,
  ['alipay', 'cashier'],
)
// The phone's 支付宝 app; its pay sheet speaks the cashier's words too.
const AlipayApp = screen(
  async () => (await import('@/features/alipay-app/AlipayApp.tsx')).AlipayApp,
  ['alipay', 'alipayApp', 'cashier'],
)
// Only a mistyped address gets here: not worth a byte of the first chunk.
const NotFoundRoute = screen(async () => (await import('./routes/NotFoundRoute.tsx')).NotFoundRoute)

/**
 * The desktop screens that are not `/`: their code starts to load at start-up (src/main.tsx), while the
 * phone's language is still on its way, instead of after it.
 */
const DESKTOP_SCREENS = [
  [PAGE_ROUTES.labStudy, LabStudyRoute],
  [PAGE_ROUTES.study, StudyRoute],
  [PAGE_ROUTES.lab, LabRoute],
  [PAGE_ROUTES.console, ConsoleRoute],
  [PAGE_ROUTES.consoleObject, ConsoleObjectRoute],
  [PAGE_ROUTES.stage, StageRoute],
] as const

export function preloadScreen(pathname: string): void {
  const found = DESKTOP_SCREENS.find(([pattern]) => matchPath(pattern, pathname))
  if (found) void found[1].preload().catch(() => undefined)
}

/** Every location the router commits, for whoever listens (the lab's probe). */
function LocationFeed() {
  const location = useLocation()
  useEffect(() => publishLocation(location), [location])
  return null
}

/**
 * `/` ships in the first chunk; every other screen loads when it is first visited. Declarative routes:
 * the data router's loaders and actions would be dead weight in the first chunk (decision 008).
 */
export function AppRouter() {
  return (
    <BrowserRouter>
      <LocationFeed />
      <ScreenErrorBoundary>
        {/* Only the first screen of a visit shows it: later ones arrive inside a transition. */}
        <Suspense fallback={<BootScreen />}>
          <Routes>
            {/* Two phones side by side (desktop): outside the phone shell, each phone an iframe of this app. */}
            <Route path={PAGE_ROUTES.stage} element={<StageRoute />} />
            {/* The UX lab (desktop): phones as iframes of this app, autoplayed and measured. */}
            <Route path={PAGE_ROUTES.lab} element={<LabRoute />} />
            {/* A study's results, opened with the owner's key (docs/studies.md). */}
            <Route path={PAGE_ROUTES.labStudy} element={<LabStudyRoute />} />
            {/* A participant's page: consent, the task, their own phone (framed), the questions. */}
            <Route path={PAGE_ROUTES.study} element={<StudyRoute />} />
            {/* The console (desktop, usable on a phone): one world's timeline, live, and its switches. */}
            <Route path={PAGE_ROUTES.console} element={<ConsoleRoute />} />
            <Route path={PAGE_ROUTES.consoleObject} element={<ConsoleObjectRoute />} />
            <Route path={HOME} element={<Shell />}>
              <Route index element={<CheckoutRoute />} />
              <Route path={PAGE_ROUTES.orders} element={<OrdersRoute />} />
              <Route path={PAGE_ROUTES.order} element={<OrderDetailRoute />} />
              <Route path={PAGE_ROUTES.result} element={<ResultRoute />} />
              <Route path={PAGE_ROUTES.wechat} element={<WechatRoute />} />
              <Route path={PAGE_ROUTES.friendPay} element={<FriendPayRoute wallet="alipay" />} />
              {/* WeChat opens a shared link in its own browser: the same page, paid with WeChat Pay. */}
              <Route
                path={PAGE_ROUTES.wechatFriendPay}
                element={<FriendPayRoute wallet="wechat" />}
              />
              <Route path={PAGE_ROUTES.alipayPay} element={<AlipayCashierRoute />} />
              <Route path={PAGE_ROUTES.alipayApp} element={<AlipayApp />} />
              <Route path="*" element={<NotFoundRoute />} />
            </Route>
          </Routes>
        </Suspense>
      </ScreenErrorBoundary>
    </BrowserRouter>
  )
}
