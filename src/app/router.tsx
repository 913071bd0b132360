import { createBrowserRouter } from 'react-router'
import { HOME, PAGE_ROUTES } from '@/contract/paths.ts'
import type { FriendWallet } from '@/features/friend-pay/flow.ts'
import { loadMessages } from '@/lib/i18n/i18n.ts'
import { CheckoutRoute } from './routes/CheckoutRoute.tsx'
import { BootScreen, Shell } from './Shell.tsx'

/** `/` ships in the first chunk; every other screen loads when it is first visited. */
export const router = createBrowserRouter([
  {
    // Two phones side by side (desktop): outside the phone shell, each phone an iframe of this app.
    path: PAGE_ROUTES.stage,
    lazy: async () => {
      const [route] = await Promise.all([
        import('./routes/StageRoute.tsx'),
        loadMessages('friendPay'),
      ])
      return { Component: route.StageRoute }
    },
  },
  {
    // The UX lab (desktop): phones as iframes of this app, autoplayed and measured, outside the phone shell.
    path: PAGE_ROUTES.lab,
    lazy: async () => {
      const [route] = await Promise.all([import('./routes/LabRoute.tsx'), loadMessages('lab')])
      return { Component: route.LabRoute }
    },
  },
  {
    path: HOME,
    Component: Shell,
    HydrateFallback: BootScreen,
    children: [
      { index: true, Component: CheckoutRoute },
      {
        path: PAGE_ROUTES.orders,
        lazy: async () => ({ Component: (await import('./routes/OrdersRoute.tsx')).OrdersRoute }),
      },
      {
        path: PAGE_ROUTES.order,
        lazy: async () => ({
          Component: (await import('./routes/OrderDetailRoute.tsx')).OrderDetailRoute,
        }),
      },
      {
        path: PAGE_ROUTES.result,
        lazy: async () => ({ Component: (await import('./routes/ResultRoute.tsx')).ResultRoute }),
      },
      {
        path: PAGE_ROUTES.wechat,
        lazy: async () => {
          const [route] = await Promise.all([
            import('./routes/WechatRoute.tsx'),
            loadMessages('wechat'),
          ])
          return { Component: route.WechatRoute }
        },
      },
      { path: PAGE_ROUTES.friendPay, lazy: () => friendPayRoute('alipay') },
      // WeChat opens a shared link in its own browser: the same page, paid with WeChat Pay.
      { path: PAGE_ROUTES.wechatFriendPay, lazy: () => friendPayRoute('wechat') },
      {
        // Only a mistyped address gets here: not worth a byte of the first chunk.
        path: '*',
        lazy: async () => ({
          Component: (await import('./routes/NotFoundRoute.tsx')).NotFoundRoute,
        }),
      },
    ],
  },
])

async function friendPayRoute(wallet: FriendWallet) {
  const [{ FriendPayRoute }] = await Promise.all([
    import('./routes/FriendPayRoute.tsx'),
    loadMessages('friendPay'),
  ])
  return { Component: () => <FriendPayRoute wallet={wallet} /> }
}
