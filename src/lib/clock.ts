import { create } from 'zustand'

/**
 * The gateway's clock as seen from here. The gateway has a test clock that can run ahead of real time, so
 * deadlines are counted against `Date.now() + offsetMs`, the offset learnt from the server's `now`.
 */
interface ClockStore {
  offsetMs: number
  learn: (serverNowIso: string, sentAt: number, receivedAt: number) => void
}

export const useServerClock = create<ClockStore>()((set) => ({
  offsetMs: 0,
  learn: (serverNowIso, sentAt, receivedAt) => {
    const serverNow = Date.parse(serverNowIso)
    if (Number.isNaN(serverNow)) return
    // The server read its clock somewhere between sending and receiving: assume the middle.
    set({ offsetMs: Math.round(serverNow - (sentAt + receivedAt) / 2) })
  },
}))

export function serverNow(): number {
  return Date.now() + useServerClock.getState().offsetMs
}
