import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import type { DomainEvent } from '../domain/events.ts'

/** One line of the journal: the events of one command, or a move of the test clock. */
export type JournalRecord =
  { kind: 'events'; events: DomainEvent[] } | { kind: 'clock'; offsetMs: number }

export interface Journal {
  /** What the folder held at start, oldest first. */
  readonly records: readonly JournalRecord[]
  /** Buffers a record; it is on disk after the next `flush`. */
  append(record: JournalRecord): void
  /** Writes what is buffered, in one write. */
  flush(): void
  clear(): void
  close(): void
}

export function memoryJournal(): Journal {
  return { records: [], append() {}, flush() {}, clear() {}, close() {} }
}

export class DataFolderBusyError extends Error {}

/**
 * An append-only JSON-lines file. Records are buffered and written together (the store flushes once per
 * turn of the event loop, and answers only after), so `kill -9` after an answer loses nothing (the write is
 * in the kernel; only a power cut could drop it, so no fsync).
 * A LOCK file keeps a second live process from interleaving its own history into the same file.
 */
export function fileJournal(dir: string): Journal {
  mkdirSync(dir, { recursive: true })
  const lockPath = join(dir, 'LOCK')
  takeLock(lockPath)
  const path = join(dir, 'journal.jsonl')
  const { records, goodBytes, totalBytes } = readJournal(path)
  const fd = openSync(path, 'a')
  // A line torn by a crash mid-write never got an answer out: drop it, so the next line starts clean.
  if (goodBytes < totalBytes) ftruncateSync(fd, goodBytes)
  let open = true
  let buffer = ''
  const flush = () => {
    if (buffer === '' || !open) return
    const text = buffer
    buffer = ''
    writeSync(fd, text)
  }
  return {
    records,
    append(record) {
      buffer += `${JSON.stringify(record)}\n`
    },
    flush,
    clear() {
      buffer = ''
      ftruncateSync(fd, 0)
    },
    close() {
      if (!open) return
      flush()
      open = false
      closeSync(fd)
      rmSync(lockPath, { force: true })
    },
  }
}

function readJournal(path: string): {
  records: JournalRecord[]
  goodBytes: number
  totalBytes: number
} {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return { records: [], goodBytes: 0, totalBytes: 0 }
  }
  const records: JournalRecord[] = []
  let goodBytes = 0
  let start = 0
  while (start < text.length) {
    const end = text.indexOf('\n', start)
    if (end === -1) break // a torn last line: its command never answered
    const line = text.slice(start, end)
    start = end + 1
    if (line.trim() === '') {
      goodBytes += Buffer.byteLength(line) + 1
      continue
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(line)
    } catch {
      throw new Error(`journal ${path} has a corrupt line: ${line.slice(0, 80)}`)
    }
    if (!isRecord(parsed))
      throw new Error(`journal ${path} holds an unknown record: ${line.slice(0, 80)}`)
    records.push(parsed)
    goodBytes += Buffer.byteLength(line) + 1
  }
  return { records, goodBytes, totalBytes: Buffer.byteLength(text) }
}

// The journal is this program's own output; a shape check guards against reading some other file.
function isRecord(value: unknown): value is JournalRecord {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return false
  if (value.kind === 'events') return 'events' in value && Array.isArray(value.events)
  if (value.kind === 'clock') return 'offsetMs' in value && typeof value.offsetMs === 'number'
  return false
}

function takeLock(lockPath: string): void {
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
    return
  } catch {
    // Held already: by a live process, or left by one that died.
  }
  const holder = Number(readFileSync(lockPath, 'utf8').trim())
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
    throw new DataFolderBusyError(
      `data folder ${lockPath.replace(/LOCK$/, '')} is in use by process ${holder}; ` +
        'set GATEWAY_DATA to another folder (or to "memory")',
    )
  }
  writeFileSync(lockPath, String(process.pid))
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM'
  }
}
