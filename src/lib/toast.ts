import { create } from 'zustand'

interface ToastStore {
  message: string | null
  /** Bumped on every show, so the same text twice restarts the timer. */
  serial: number
  show: (message: string) => void
  dismiss: () => void
}

/** One short message at a time, over the page (not over an open dialog: errors there are inline). */
export const useToast = create<ToastStore>()((set) => ({
  message: null,
  serial: 0,
  show: (message) => set((s) => ({ message, serial: s.serial + 1 })),
  dismiss: () => set({ message: null }),
}))

export function showToast(message: string): void {
  useToast.getState().show(message)
}
