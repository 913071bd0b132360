import { useSyncExternalStore } from 'react'
import { useServerClock } from './clock.ts'

/** One shared ticker for every countdown on screen, at whole seconds so renders happen once a second. */
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | null = null
let second = wholeSecond()

function wholeSecond(): number {
  return Math.floor(Date.now() / 1000) * 1000
}

function tick(): void {
  const next = wholeSecond()
  if (next === second) return
  second = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  timer ??= setInterval(tick, 250)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer)
      timer = null
    }
  }
}

function snapshot(): number {
  if (timer === null) second = wholeSecond()
  return second
}

/** The gateway's "now" (client clock plus the learnt offset), refreshed every second. */
export function useServerNow(): number {
  const clientNow = useSyncExternalStore(subscribe, snapshot)
  const offset = useServerClock((s) => s.offsetMs)
  return clientNow + offset
}
