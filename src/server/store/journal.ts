import { closeSync, existsSync, openSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describeIoError, realDisk, writeAll } from './disk.ts'
import type { DiskIO } from './disk.ts'
import {
  encodeRecord,
  LEGACY_JOURNAL,
  scanJournal,
  segmentName,
  snapshotName,
} from './journal-format.ts'
import type { JournalRecord } from './journal-format.ts'
import { cutTail, describeDamage, listFolder, openFolder, syncFolder } from './journal-folder.ts'
import type { Folder } from './journal-folder.ts'
import { readSnapshot, snapshotLines } from './snapshot-codec.ts'

export { DataFolderBusyError } from './lock.ts'
export { DataFolderUnusableError } from './journal-folder.ts'
export type { JournalRecord } from './journal-format.ts'

/** What a snapshot holds: each world's state, as the store encodes it. */
export type SnapshotWorlds = Record<string, unknown>

export interface JournalReader {
  /** The latest snapshot, before any record. */
  snapshot(worlds: SnapshotWorlds): void
  record(record: JournalRecord): void
}

export interface Journal {
  /** Reads back what is durable: the latest good snapshot, then every record after it, streamed. */
  load(reader: JournalReader): void
  /** Buffers a record; it is durable after the next `flush`. */
  append(record: JournalRecord): void
  /**
   * Writes and syncs what is buffered. On failure the buffer is dropped, the file is cut back to its
   * last durable length (now or before the next write) and the error is thrown: nothing of it counts.
   */
  flush(): void
  /**
   * `flush` in two halves, so that one turn's writes to many journals are synced together: writes
   * what is buffered and answers what is left to sync (`null`: nothing was written). A failed write is
   * cut back and thrown, as in `flush`. Exactly one `settle` must follow a sync answered.
   */
  write(): JournalSync | null
  /** After the sync `write` answered: `null`, the write is durable; an error, it is cut back and thrown. */
  settle(error: unknown): void
  /** Drops what is buffered and not written yet (changes undone after a failed write before them). */
  discard(): void
  /** Whether enough has been written since the last snapshot to take another. */
  snapshotDue(): boolean
  /** Writes a snapshot of everything durable so far and starts a new segment after it. */
  snapshot(worlds: SnapshotWorlds): void
  /** Throws while the disk still cannot take a write. */
  probe(): void
  close(): void
}

/** The sync a journal's `write` leaves to do: on the spot (`sync`), or off the event loop (`background`). */
export interface JournalSync {
  sync(): void
  /** The real disk's fdatasync on libuv's threads (store.ts goes on meanwhile); absent on a test's disk. */
  background?: ((done: (error: Error | null) => void) => void) | undefined
}

export function memoryJournal(): Journal {
  return {
    load() {},
    append() {},
    flush() {},
    write: () => null,
    settle() {},
    discard() {},
    snapshotDue: () => false,
    snapshot() {},
    probe() {},
    close() {},
  }
}

/** Damage followed by good records: not a torn write, so the start stops rather than drop history. */
export class JournalDamagedError extends Error {}

/**
 * The least journal between two snapshots: a small state is written again only after this much.
 * Between it and `snapshotBytes`, a snapshot is due once the journal since the last one is as large as
 * that snapshot: a start then reads at most about twice the state, and writing snapshots costs at most
 * as many bytes as the journal itself (docs/journal.md).
 */
export const MIN_SNAPSHOT_BYTES = 4 * 1024 * 1024

/** Bytes of journal after a snapshot of `snapshotSize` bytes at which the next one is due. */
export function snapshotThreshold(snapshotSize: number, maxBytes: number): number {
  return Math.min(maxBytes, Math.max(MIN_SNAPSHOT_BYTES, snapshotSize))
}

export interface FileJournalOptions {
  io?: DiskIO
  /**
   * Bytes of journal after which a snapshot is taken at the latest (default 32 MiB); sooner when the
   * last snapshot was smaller (`snapshotThreshold`).
   */
  snapshotBytes?: number
  log?: (message: string) => void
}

/**
 * The journal in a data folder: numbered JSON-lines segments and snapshots (docs/journal.md).
 * `snapshot-N.json` holds every world as of the start of `journal-N.jsonl`, so a start reads the
 * latest snapshot and the segments from N on, however long the history. Older segments stay as the
 * history. Writes go at the active segment's durable length (positioned, not appended), so a write cut
 * short by a full disk is overwritten by the next one rather than left in the middle of the file.
 */
export function fileJournal(dir: string, options: FileJournalOptions = {}): Journal {
  const io = options.io ?? realDisk
  const snapshotBytes = options.snapshotBytes ?? 32 * 1024 * 1024
  const log = options.log ?? ((message: string) => console.warn(`[gateway] ${message}`))
  const unlock = openFolder(dir)
  /** Whether a name in the folder changed at start (a rename, a side file): the folder is synced then. */
  let namesChanged = false
  try {
    if (existsSync(join(dir, LEGACY_JOURNAL)) && listFolder(dir).segments.length === 0) {
      // A journal of an earlier version: it becomes the first segment, unchanged.
      renameSync(join(dir, LEGACY_JOURNAL), join(dir, segmentName(1)))
      namesChanged = true
    }
  } catch (error) {
    unlock()
    throw error
  }

  let active = Math.max(1, ...listFolder(dir).segments)
  let fd = -1
  let durable = 0
  let cutPending = false
  let open = true
  let firstLoad = true
  let pending: string[] = []
  /** Bytes written past `durable` and not synced yet (between `write` and `settle`). */
  let unsynced = 0
  /** The size of the snapshot the journal runs from (0: none yet): it sets when the next is due. */
  let snapshotSize = 0
  const threshold = () => snapshotThreshold(snapshotSize, snapshotBytes)
  let nextSnapshotAt = threshold()

  const segmentPath = (n: number) => join(dir, segmentName(n))

  /** Whatever part of a failed write reached the file is cut now, or before the next write if that fails too. */
  function cutBack(): void {
    try {
      io.truncate(fd, durable)
    } catch {
      cutPending = true
    }
  }

  function loadSnapshot(folder: Folder, reader: JournalReader): number {
    for (const n of folder.snapshots) {
      try {
        const path = join(dir, snapshotName(n))
        const data = readSnapshot(path)
        if (typeof data !== 'object' || data === null || !('worlds' in data))
          throw new Error('no worlds')
        reader.snapshot(data.worlds as SnapshotWorlds)
        snapshotSize = sizeOf(path)
        return n
      } catch (error) {
        log(
          `snapshot ${snapshotName(n)} is unreadable (${describeIoError(error)}); using an older one`,
        )
      }
    }
    return 1
  }

  function load(reader: JournalReader): void {
    const folder = listFolder(dir)
    const from = loadSnapshot(folder, reader)
    const segments = folder.segments.filter((n) => n >= from)
    /** Bytes read after the snapshot: a start that read more than the threshold takes one. */
    let replayed = 0
    if (segments.length > 0 && segments[0] !== from && from !== 1) {
      throw new JournalDamagedError(
        `journal ${dir}: ${segmentName(from)} is missing after its snapshot`,
      )
    }
    segments.forEach((n, i) => {
      const path = segmentPath(n)
      const last = i === segments.length - 1
      const limit = last && !firstLoad ? durable : Infinity
      if (i > 0 && segments[i - 1] !== n - 1) {
        throw new JournalDamagedError(`journal ${dir}: ${segmentName(n - 1)} is missing`)
      }
      const report = scanJournal(path, (record) => reader.record(record), limit)
      replayed += report.goodBytes
      const first = report.damaged[0]
      if (report.damagedMidway) {
        throw new JournalDamagedError(
          `journal damaged at ${describeDamage(path, report.damagedMidway)}, with good records after it ` +
            `(${report.damaged.length} damaged line(s) in all). No record was changed. ` +
            'Run "npm run journal -- check" to list the damage, "npm run journal -- repair" to move it aside.',
        )
      }
      if (first && !last) {
        throw new JournalDamagedError(
          `journal damaged at ${describeDamage(path, first)}: an older segment cannot have a torn end. ` +
            'Run "npm run journal -- check".',
        )
      }
      if (first && firstLoad) {
        // A torn or zero-filled end: a write that never finished, so never answered. Kept, then cut.
        const side = cutTail(path, report.goodBytes, report.totalBytes)
        namesChanged = true
        const cutFd = openSync(path, 'r+')
        try {
          io.truncate(cutFd, report.goodBytes)
          io.sync(cutFd)
        } finally {
          closeSync(cutFd)
        }
        log(
          `journal: cut ${report.totalBytes - report.goodBytes} damaged byte(s) at the end of ` +
            `${describeDamage(path, first)}; kept in ${side}`,
        )
      }
      if (last && firstLoad) {
        active = n
        durable = report.goodBytes
      }
    })
    if (firstLoad) {
      if (segments.length === 0) {
        active = Math.max(from, active)
        durable = 0
      }
      const path = segmentPath(active)
      const created = !existsSync(path)
      fd = openSync(path, created ? 'w' : 'r+')
      // Only new names need the folder synced: one fsync less per world at every plain start.
      if (created || namesChanged) syncFolder(dir)
      // Segments cut without a snapshot (one that failed, or an older version): due at once.
      nextSnapshotAt = replayed >= threshold() ? durable : threshold()
    }
    firstLoad = false
  }

  return {
    load(reader) {
      try {
        load(reader)
      } catch (error) {
        if (firstLoad) unlock()
        throw error
      }
    },
    append(record) {
      pending.push(encodeRecord(record))
    },
    flush() {
      const written = this.write()
      if (!written) return
      let failure: unknown = null
      try {
        written.sync()
      } catch (error) {
        failure = error
      }
      this.settle(failure)
    },
    write() {
      if (pending.length === 0 || !open) return null
      const data = Buffer.from(pending.join(''))
      pending = []
      try {
        if (cutPending) {
          io.truncate(fd, durable)
          cutPending = false
        }
        writeAll(io, fd, data, durable)
      } catch (error) {
        cutBack()
        throw error
      }
      unsynced = data.length
      const at = fd
      const inBackground = io.syncInBackground?.bind(io)
      return {
        sync: () => io.sync(at),
        background: inBackground && ((done) => inBackground(at, done)),
      }
    },
    discard() {
      pending = []
    },
    settle(error) {
      const written = unsynced
      unsynced = 0
      if (error === null) {
        durable += written
        return
      }
      cutBack()
      throw error
    },
    snapshotDue: () => open && durable >= nextSnapshotAt,
    snapshot(worlds) {
      const next = active + 1
      try {
        const path = join(dir, snapshotName(next))
        io.writeFileAtomic(path, snapshotLines({ version: 1, segment: next, worlds }))
        snapshotSize = sizeOf(path)
        const nextFd = openSync(segmentPath(next), 'w')
        syncFolder(dir)
        closeSync(fd)
        fd = nextFd
        active = next
        durable = 0
        cutPending = false
        nextSnapshotAt = threshold()
        // Each snapshot is a whole state: keep the newest two (the second one is the fallback).
        for (const old of listFolder(dir).snapshots.slice(2))
          io.remove(join(dir, snapshotName(old)))
      } catch (error) {
        // Not fatal: the journal is whole without it. Try again after another quarter of the threshold.
        nextSnapshotAt = durable + threshold() / 4
        log(
          `snapshot ${snapshotName(next)} failed (${describeIoError(error)}); will try again later`,
        )
      }
    },
    probe() {
      const path = join(dir, 'PROBE')
      io.writeFileAtomic(path, Buffer.alloc(4096))
      io.remove(path)
      if (cutPending) {
        io.truncate(fd, durable)
        cutPending = false
      }
    },
    close() {
      if (!open) return
      try {
        // A write whose sync is still in flight (store.ts syncs in the background): synced here first,
        // so what waits is written after it, not over it.
        if (unsynced > 0) {
          io.sync(fd)
          this.settle(null)
        }
        this.flush()
      } catch (error) {
        log(`the last records could not be written at close (${describeIoError(error)})`)
      }
      open = false
      if (fd >= 0) closeSync(fd)
      unlock()
    },
  }
}

/** A file's size in bytes, or 0 if it cannot be read (a disk stand-in in tests may not write it). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
