import { createBrowserRouter } from 'react-router'
import type { FriendWallet } from '@/features/friend-pay/PayPanel.tsx'
import { loadMessages } from '@/lib/i18n/i18n.ts'
import { CheckoutRoute } from './routes/CheckoutRoute.tsx'
import { NotFoundRoute } from './routes/NotFoundRoute.tsx'
import { BootScreen, Shell } from './Shell.tsx'

/** `/` ships in the first chunk; every other screen loads when it is first visited. */
export const router = createBrowserRouter([
  {
    // Two phones side by side (desktop): outside the phone shell, each phone an iframe of this app.
    path: '/stage',
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
    path: '/lab',
    lazy: async () => {
      const [route] = await Promise.all([import('./routes/LabRoute.tsx'), loadMessages('lab')])
      return { Component: route.LabRoute }
    },
  },
  {
    path: '/',
    Component: Shell,
    HydrateFallback: BootScreen,
    children: [
      { index: true, Component: CheckoutRoute },
      {
        path: 'orders',
        lazy: async () => ({ Component: (await import('./routes/OrdersRoute.tsx')).OrdersRoute }),
      },
      {
        path: 'orders/:orderId',
        lazy: async () => ({
          Component: (await import('./routes/OrderDetailRoute.tsx')).OrderDetailRoute,
        }),
      },
      {
        path: 'pay/result/:orderId',
        lazy: async () => ({ Component: (await import('./routes/ResultRoute.tsx')).ResultRoute }),
      },
      {
        path: 'wechat/*',
        lazy: async () => {
          const [route] = await Promise.all([
            import('./routes/WechatRoute.tsx'),
            loadMessages('wechat'),
          ])
          return { Component: route.WechatRoute }
        },
      },
      { path: 'friend-pay/:token', lazy: () => friendPayRoute('alipay') },
      // WeChat opens a shared link in its own browser: the same page, paid with WeChat Pay.
      { path: 'wechat/friend-pay/:token', lazy: () => friendPayRoute('wechat') },
      { path: '*', Component: NotFoundRoute },
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
