import type { WorldRecord } from '../store/observer.ts'
import type { NewEntry } from './entry.ts'

/** The type of the entry a reset writes first: the log is emptied before it (the client knows it). */
export const RESET_TYPE = 'world.reset'

/** The test clock as the last clock record left it (`known`: one was seen since the start or a reset). */
export interface ClockSeen {
  offsetMs: number
  frozenAt: number | null
  known: boolean
}

const AT_START: ClockSeen = { offsetMs: 0, frozenAt: null, known: true }

function duration(ms: number): string {
  const abs = Math.abs(ms)
  if (abs % 86_400_000 === 0 && abs > 0) return `${ms / 86_400_000} d`
  if (abs % 3_600_000 === 0 && abs > 0) return `${ms / 3_600_000} h`
  if (abs % 60_000 === 0 && abs > 0) return `${ms / 60_000} min`
  if (abs % 1000 === 0) return `${ms / 1000} s`
  return `${ms} ms`
}

/** The clock as a record leaves it. */
export function clockAfter(record: WorldRecord): ClockSeen {
  if (record.kind === 'reset') return AT_START
  return { offsetMs: record.offsetMs, frozenAt: record.frozenAt ?? null, known: true }
}

/**
 * A clock or reset record as an entry: `clock.moved` (with how far, when the last record is known),
 * `clock.frozen`, `clock.running`, `world.reset`; the detail is the record as journalled.
 */
export function describeRecord(
  record: WorldRecord,
  before: ClockSeen,
  at: string,
): { entry: NewEntry; clock: ClockSeen } {
  if (record.kind === 'reset') {
    return {
      entry: {
        at,
        kind: 'event',
        type: RESET_TYPE,
        summary: 'the world was reset to its seed: orders, payments, wallets, clock and faults',
        refs: {},
        detail: record,
      },
      clock: AT_START,
    }
  }
  const frozenAt = record.frozenAt ?? null
  const clock = clockAfter(record)
  const wasFrozen = before.frozenAt !== null
  let type = 'clock.moved'
  let summary = `the test clock moved: it shows ${at}`
  if (before.known && wasFrozen !== (frozenAt !== null)) {
    type = frozenAt === null ? 'clock.running' : 'clock.frozen'
    summary =
      frozenAt === null ? `the test clock runs again from ${at}` : `the test clock stopped at ${at}`
  } else if (before.known) {
    const moved =
      frozenAt !== null && before.frozenAt !== null
        ? frozenAt - before.frozenAt
        : record.offsetMs - before.offsetMs
    summary = `the test clock moved ${duration(moved)} on: it shows ${at}`
  }
  return { entry: { at, kind: 'event', type, summary, refs: {}, detail: record }, clock }
}
