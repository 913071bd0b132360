import type { RunEvent } from './run.ts'

/** What a run took, counted from what the phones recorded. */
export interface RunFigures {
  /** Distinct screens the run went through, on all its phones. */
  steps: number
  taps: number
  keystrokes: number
  /** Unbroken series of keystrokes (a password is one): each costs one mental preparation in the KLM. */
  keyRuns: number
  /** Switches the shopper made through the phone's app switcher. */
  appSwitches: number
  /** Switches the apps made by themselves (a jump to WeChat and back). */
  autoSwitches: number
  /** From the run's start mark to its done mark (or its last event). */
  elapsedMs: number
  /** Time with at least one gateway call in flight. */
  waitMs: number
  /** Errors the shopper saw: alerts and toasts on screen. */
  errors: number
  /**
   * Gateway calls that failed. Not all are the shopper's trouble: back from WeChat, the cashier learns
   * that the order is paid from a 409 ORDERPAID. Kept apart from `errors` for that reason.
   */
  apiErrors: number
}

function byTime(events: readonly RunEvent[]): RunEvent[] {
  return [...events].sort((a, b) => a.at - b.at)
}

/** Length of the union of the intervals [start, end). */
export function coveredMs(intervals: readonly (readonly [number, number])[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0])
  let total = 0
  let reach = -Infinity
  for (const [start, end] of sorted) {
    const from = Math.max(start, reach)
    if (end > from) total += end - from
    reach = Math.max(reach, end)
  }
  return total
}

/** Counts what happened from the run's start mark to its done mark (all of it, where marks are missing). */
export function figuresOf(events: readonly RunEvent[]): RunFigures {
  const all = byTime(events)
  const start = all.find((e) => e.kind === 'mark' && e.mark === 'start') ?? all[0]
  const done = all.find((e) => e.kind === 'mark' && e.mark === 'done') ?? all.at(-1)
  const sorted = all.filter((e) => start && done && e.at >= start.at && e.at <= done.at)
  const screens = new Set<string>()
  const lastAction = new Map<string, 'tap' | 'key'>()
  const figures: RunFigures = {
    steps: 0,
    taps: 0,
    keystrokes: 0,
    keyRuns: 0,
    appSwitches: 0,
    autoSwitches: 0,
    elapsedMs: 0,
    waitMs: 0,
    errors: 0,
    apiErrors: 0,
  }
  const requests: [number, number][] = []
  for (const event of sorted) {
    switch (event.kind) {
      case 'screen':
        screens.add(`${event.phone} ${event.screen}`)
        break
      case 'tap':
        figures.taps += 1
        lastAction.set(event.phone, 'tap')
        break
      case 'key':
        figures.keystrokes += 1
        if (lastAction.get(event.phone) !== 'key') figures.keyRuns += 1
        lastAction.set(event.phone, 'key')
        break
      case 'app':
        if (event.via === 'switcher') figures.appSwitches += 1
        else figures.autoSwitches += 1
        break
      case 'request':
        requests.push([event.at, event.at + event.ms])
        break
      case 'error':
        if (event.source === 'alert') figures.errors += 1
        else figures.apiErrors += 1
        break
      case 'mark':
        break
    }
  }
  figures.steps = screens.size
  figures.waitMs = coveredMs(requests)
  figures.elapsedMs = start && done ? Math.max(0, done.at - start.at) : 0
  return figures
}
