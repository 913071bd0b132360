import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { deviceKey } from '@/lib/device.ts'

/** A jump to WeChat that has not been answered yet: coming back, Taobao asks "已完成支付？". */
export interface PendingJump {
  paymentId: string
  at: number
}

interface JumpStore {
  jumps: Record<string, PendingJump>
  jumped: (orderId: string, paymentId: string) => void
  settle: (orderId: string) => void
}

/** Per device, across reloads: a reload in WeChat still comes back to the question. */
export const useJumpStore = create<JumpStore>()(
  persist(
    (set) => ({
      jumps: {},
      jumped: (orderId, paymentId) =>
        set((s) => ({ jumps: { ...s.jumps, [orderId]: { paymentId, at: Date.now() } } })),
      settle: (orderId) =>
        set((s) => {
          const { [orderId]: _gone, ...rest } = s.jumps
          return { jumps: rest }
        }),
    }),
    { name: deviceKey('wechat-jump'), version: 1 },
  ),
)
