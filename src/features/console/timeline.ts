import { CONSOLE_LOG_LIMIT } from '@/contract/console.ts'
import type { ConsoleEntry, ConsoleTimeline } from '@/contract/console.ts'
import type { Failure } from '@/lib/failure.ts'
import { stay, type Loaded, type Next } from '@/lib/machine.ts'

/**
 * One world's timeline as the console shows it, as a state machine (lib/machine.ts): load what the
 * world's log holds, then follow its event stream (which replays what was missed after a drop, by the
 * last seq seen). Pure: useTimeline.ts runs what it asks for. The entries are the server's, as sent:
 * nothing here recomputes a state.
 */

export type Link = 'loading' | 'live' | 'reconnecting' | 'failed'

export interface TimelineState {
  /** Oldest first, each seq once, at most CONSOLE_LOG_LIMIT (as the server keeps). */
  entries: readonly ConsoleEntry[]
  /** The highest seq seen: where the stream continues from. */
  last: number
  /** Whether the test API is on (null until the first answer). */
  actions: boolean | null
  link: Link
  error: Failure | null
  round: number
}

export type TimelineEvent =
  | Loaded<ConsoleTimeline>
  | { type: 'ENTRY'; entry: ConsoleEntry }
  | { type: 'STREAM_OPEN' }
  | { type: 'STREAM_DROPPED' }
  | { type: 'RETRY' }

export type TimelineEffect =
  | { kind: 'load'; round: number }
  /** Follow the stream from `after` (the stream itself resumes from its last id after a drop). */
  | { kind: 'follow'; after: number }

type TimelineNext = Next<TimelineState, TimelineEvent, TimelineEffect>

/** The type of the entry a reset writes first: the server empties the log before it. */
export const RESET_TYPE = 'world.reset'

export function initialTimeline(): TimelineNext {
  return {
    state: { entries: [], last: 0, actions: null, link: 'loading', error: null, round: 1 },
    effects: [{ kind: 'load', round: 1 }],
  }
}

/** `entries` with `entry` added in seq order (a replayed one is dropped), as bounded as the server's. */
export function withEntry(
  entries: readonly ConsoleEntry[],
  entry: ConsoleEntry,
): readonly ConsoleEntry[] {
  const lastSeq = entries[entries.length - 1]?.seq ?? 0
  if (entry.seq <= lastSeq && entries.some((e) => e.seq === entry.seq)) return entries
  if (entry.type === RESET_TYPE)
    return entries
      .filter((e) => e.seq > entry.seq)
      .concat(entry)
      .sort((a, b) => a.seq - b.seq)
  if (entry.seq <= lastSeq) {
    const merged = [...entries, entry].sort((a, b) => a.seq - b.seq)
    return merged.slice(-CONSOLE_LOG_LIMIT)
  }
  const next = [...entries, entry]
  return next.length > CONSOLE_LOG_LIMIT ? next.slice(-CONSOLE_LOG_LIMIT) : next
}

export function stepTimeline(state: TimelineState, event: TimelineEvent): TimelineNext {
  switch (event.type) {
    case 'LOADED': {
      if (event.round !== state.round) return stay(state)
      const { entries, last, actions } = event.value
      // Entries the stream brought while the load was on the wire stay (each seq once).
      let merged: readonly ConsoleEntry[] = entries
      for (const entry of state.entries) merged = withEntry(merged, entry)
      const seen = Math.max(last, state.last)
      return {
        state: { ...state, entries: merged, last: seen, actions, error: null },
        effects: [{ kind: 'follow', after: seen }],
      }
    }
    case 'LOAD_FAILED':
      if (event.round !== state.round) return stay(state)
      return stay({ ...state, link: 'failed', error: event.error })
    case 'RETRY': {
      const round = state.round + 1
      return {
        state: { ...state, round, link: 'loading', error: null },
        effects: [{ kind: 'load', round }],
      }
    }
    case 'ENTRY':
      return stay({
        ...state,
        entries: withEntry(state.entries, event.entry),
        last: Math.max(state.last, event.entry.seq),
      })
    case 'STREAM_OPEN':
      return stay(state.link === 'live' ? state : { ...state, link: 'live' })
    case 'STREAM_DROPPED':
      return stay(state.link === 'failed' ? state : { ...state, link: 'reconnecting' })
  }
}
