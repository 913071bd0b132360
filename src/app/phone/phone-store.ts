import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { ALIPAY_HOME, HOME, isAlipayAppPath, isWechatPath, WECHAT_HOME } from '@/contract/paths.ts'
import { deviceKey } from '@/lib/device.ts'

/**
 * The three apps on the simulated phone. Every route belongs to one: `/wechat…` is WeChat's, `/alipay…`
 * 支付宝's (but the cashier page `/alipay/pay`, a web page in the phone's browser), the rest Taobao's.
 */
export type PhoneApp = 'taobao' | 'wechat' | 'alipay'
export const PHONE_APPS: readonly PhoneApp[] = ['taobao', 'wechat', 'alipay']

export const APP_HOME: Record<PhoneApp, string> = {
  taobao: HOME,
  wechat: WECHAT_HOME,
  alipay: ALIPAY_HOME,
}

export function appOf(pathname: string): PhoneApp {
  if (isWechatPath(pathname)) return 'wechat'
  return isAlipayAppPath(pathname) ? 'alipay' : 'taobao'
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
    {
      name: deviceKey('phone'),
      version: 1,
      partialize: ({ last }) => ({ last }),
      // A phone saved before 支付宝 was installed has no place for it: it opens on its home.
      merge: (saved, current) => {
        const last = (saved as Partial<PhoneStore> | undefined)?.last
        return { ...current, last: { ...APP_HOME, ...last } }
      },
    },
  ),
)
