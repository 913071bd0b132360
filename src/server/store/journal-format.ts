import { closeSync, openSync, readSync } from 'node:fs'
import type { DomainEvent } from '../domain/events.ts'

import { DEFAULT_WORLD } from '../../contract/headers.ts'

// The world every record belonged to before worlds had names, and the one a call without a name gets.
export { DEFAULT_WORLD }

/**
 * One line of the journal (docs/journal.md): the events of one command, a move of the test clock, or a
 * reset to the seed, each naming its world.
 */
export type JournalRecord =
  | { world: string; kind: 'events'; events: DomainEvent[] }
  | { world: string; kind: 'clock'; offsetMs: number; frozenAt?: number }
  | { world: string; kind: 'reset' }

export function encodeRecord(record: JournalRecord): string {
  return `${JSON.stringify(record)}\n`
}

/**
 * A record from one line, or `null` when the line is not one. Records written before worlds had names
 * carry none: they are the default world's. The shape check guards against reading some other file.
 */
export function decodeRecord(line: string): JournalRecord | null {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || !('kind' in value)) return null
  const world = 'world' in value ? value.world : DEFAULT_WORLD
  if (typeof world !== 'string' || world === '') return null
  if (value.kind === 'events' && 'events' in value && Array.isArray(value.events)) {
    return { world, kind: 'events', events: value.events as DomainEvent[] }
  }
  if (value.kind === 'clock' && 'offsetMs' in value && typeof value.offsetMs === 'number') {
    const frozenAt =
      'frozenAt' in value && typeof value.frozenAt === 'number' ? value.frozenAt : undefined
    return frozenAt === undefined
      ? { world, kind: 'clock', offsetMs: value.offsetMs }
      : { world, kind: 'clock', offsetMs: value.offsetMs, frozenAt }
  }
  if (value.kind === 'reset') return { world, kind: 'reset' }
  return null
}

/** A line that is not a record: where it is, and a printable look at it (NUL bytes and all escaped). */
export interface DamagedLine {
  line: number
  offset: number
  length: number
  preview: string
  /** Whether it ends in a newline: a torn last write does not. */
  terminated: boolean
}

export interface ScanReport {
  /** Bytes up to the end of the last good record (where appends may go on). */
  goodBytes: number
  totalBytes: number
  records: number
  damaged: DamagedLine[]
  /** Damage with good records after it: not a torn write, so not to be cut silently. */
  damagedMidway: DamagedLine | null
}

const CHUNK = 1 << 20
const NEWLINE = 0x0a

export function previewOf(bytes: Buffer): string {
  return JSON.stringify(bytes.subarray(0, 60).toString('utf8'))
}

/**
 * Calls `onLine` with each line of a file, read in 1 MiB chunks (never the whole file at once: journals
 * and snapshots grow past what one string can hold); the last line may lack its newline
 * (`terminated` false). Stops at `limit` bytes if given. Returns the bytes read.
 */
export function forEachLine(
  path: string,
  onLine: (bytes: Buffer, offset: number, terminated: boolean) => void,
  limit = Infinity,
): number {
  const fd = openSync(path, 'r')
  let carry = Buffer.alloc(0)
  let carryOffset = 0
  let position = 0
  try {
    const chunk = Buffer.allocUnsafe(CHUNK)
    for (;;) {
      const want = Math.min(CHUNK, limit - position)
      if (want <= 0) break
      const n = readSync(fd, chunk, 0, want, position)
      if (n === 0) break
      position += n
      const data =
        carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n)
      let start = 0
      for (let end = data.indexOf(NEWLINE, start); end !== -1; end = data.indexOf(NEWLINE, start)) {
        onLine(data.subarray(start, end), carryOffset + start, true)
        start = end + 1
      }
      // The unfinished line is copied out: `chunk` is reused by the next read.
      carry = Buffer.from(data.subarray(start))
      carryOffset += start
    }
    if (carry.length > 0) onLine(carry, carryOffset, false)
  } finally {
    closeSync(fd)
  }
  return position
}

/** Reads a journal segment, calling `onRecord` for each good record, and reports where damage is. */
export function scanJournal(
  path: string,
  onRecord: (record: JournalRecord, line: number, offset: number) => void,
  limit = Infinity,
): ScanReport {
  const report: ScanReport = {
    goodBytes: 0,
    totalBytes: 0,
    records: 0,
    damaged: [],
    damagedMidway: null,
  }
  let line = 0
  report.totalBytes = forEachLine(
    path,
    (bytes, offset, terminated) => {
      line += 1
      const text = bytes.toString('utf8')
      if (terminated && text.trim() === '') {
        // A blank line is harmless; it moves the end of good data only when no damage is before it.
        if (report.damaged.length === 0) report.goodBytes = offset + bytes.length + 1
        return
      }
      const record = terminated ? decodeRecord(text) : null
      if (record === null) {
        report.damaged.push({
          line,
          offset,
          length: bytes.length + (terminated ? 1 : 0),
          preview: previewOf(bytes),
          terminated,
        })
        return
      }
      if (report.damaged.length > 0 && report.damagedMidway === null) {
        report.damagedMidway = report.damaged[0] ?? null
      }
      report.records += 1
      report.goodBytes = offset + bytes.length + 1
      onRecord(record, line, offset)
    },
    limit,
  )
  return report
}

/** `journal-000001.jsonl`: segment numbers are zero-padded so names sort as numbers. */
export const segmentName = (segment: number) => `journal-${String(segment).padStart(6, '0')}.jsonl`
export const snapshotName = (segment: number) =>
  `snapshot-${String(segment).padStart(6, '0')}.jsonl`
export const SEGMENT_PATTERN = /^journal-(\d{6,})\.jsonl$/
export const SNAPSHOT_PATTERN = /^snapshot-(\d{6,})\.jsonl$/
/** The single file of journals written before segments. */
export const LEGACY_JOURNAL = 'journal.jsonl'
