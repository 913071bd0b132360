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

/** The time in an event stream's `clock` frame (`{ "now": ISO }`), if it is one. */
export function clockOfFrame(data: string): string | null {
  try {
    const value: unknown = JSON.parse(data)
    if (typeof value === 'object' && value !== null && 'now' in value) {
      return typeof value.now === 'string' ? value.now : null
    }
  } catch {
    // not a clock frame
  }
  return null
}

/** The gateway's time as an event stream pushed it (no round trip to halve). */
export function learnPushedClock(nowIso: string): void {
  const at = Date.now()
  useServerClock.getState().learn(nowIso, at, at)
}
