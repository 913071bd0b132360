import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { deviceKey } from '@/lib/device.ts'
import { EMPTY_RESUME, type Resume } from './resume.ts'

interface CashierStore {
  /** Per order: what a reload of the cashier resumes (flow.ts reads it once, writes it on change). */
  orders: Record<string, Resume>
  save: (orderId: string, resume: Resume) => void
}

/** Version 1 kept only the attempts; a pending jump or share sheet of then is forgotten. */
interface V1 {
  attempts?: Record<string, Resume['attempt']>
}

/** The cashier's persisted slice, per device, across reloads: `tbsim:<device>:cashier`. */
export const useCashierStore = create<CashierStore>()(
  persist(
    (set) => ({
      orders: {},
      save: (orderId, resume) =>
        set((s) => {
          const { [orderId]: _old, ...others } = s.orders
          const empty = !resume.attempt && !resume.jump && !resume.friend
          return { orders: empty ? others : { ...others, [orderId]: resume } }
        }),
    }),
    {
      name: deviceKey('cashier'),
      version: 2,
      partialize: ({ orders }) => ({ orders }),
      migrate: (persisted, version) => {
        if (version >= 2) return persisted as Pick<CashierStore, 'orders'>
        const orders: Record<string, Resume> = {}
        for (const [orderId, attempt] of Object.entries((persisted as V1 | null)?.attempts ?? {}))
          if (attempt) orders[orderId] = { ...EMPTY_RESUME, attempt }
        return { orders }
      },
    },
  ),
)

/** What this phone kept for `orderId` (nothing kept: nothing to resume). */
export function resumeOf(orderId: string): Resume {
  return useCashierStore.getState().orders[orderId] ?? EMPTY_RESUME
}

export function saveResume(orderId: string, resume: Resume): void {
  useCashierStore.getState().save(orderId, resume)
}
