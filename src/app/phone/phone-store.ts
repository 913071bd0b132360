import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { HOME, isWechatPath, WECHAT_HOME } from '@/contract/paths.ts'
import { deviceKey } from '@/lib/device.ts'

/** The two apps on the simulated phone. Every route belongs to one; `/wechat…` is WeChat's. */
export type PhoneApp = 'taobao' | 'wechat'
export const PHONE_APPS: readonly PhoneApp[] = ['taobao', 'wechat']

export const APP_HOME: Record<PhoneApp, string> = { taobao: HOME, wechat: WECHAT_HOME }

export function appOf(pathname: string): PhoneApp {
  return isWechatPath(pathname) ? 'wechat' : 'taobao'
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
