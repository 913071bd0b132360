import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { deviceKey } from '@/lib/device.ts'

/** The two apps on the simulated phone. Every route belongs to one; `/wechat…` is WeChat's. */
export type PhoneApp = 'taobao' | 'wechat'
export const PHONE_APPS: readonly PhoneApp[] = ['taobao', 'wechat']

export const APP_HOME: Record<PhoneApp, string> = { taobao: '/', wechat: '/wechat' }

export function appOf(pathname: string): PhoneApp {
  return pathname === '/wechat' || pathname.startsWith('/wechat/') ? 'wechat' : 'taobao'
}

/** The simulator's own URL parameters: they set the phone once and must not come back with a route. */
const SETTING_PARAMS = ['persona', 'era', 'lang', 'device']

/** `pathname + search` without the simulator's parameters. */
export function routeOf(pathname: string, search: string): string {
  const params = new URLSearchParams(search)
  for (const name of SETTING_PARAMS) params.delete(name)
  const query = params.toString()
  return query ? `${pathname}?${query}` : pathname
}

interface PhoneStore {
  /** Where each app was last: switching back restores it (an open cashier's `?pay=` included). */
  last: Record<PhoneApp, string>
  remember: (app: PhoneApp, route: string) => void
}

/** Which screen each app is on, per device, across reloads. */
export const usePhoneStore = create<PhoneStore>()(
  persist(
    (set) => ({
      last: { ...APP_HOME },
      remember: (app, route) =>
        set((s) => (s.last[app] === route ? s : { last: { ...s.last, [app]: route } })),
    }),
    { name: deviceKey('phone'), version: 1, partialize: ({ last }) => ({ last }) },
  ),
)
