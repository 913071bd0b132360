// Where studies live (docs/studies.md, "Storage"): `<data>/studies/<id>/journal.ndjson`, append-only,
// each append fsync'd before the answer, plus `screens/<imageId>.png|jpg`; or, for `memory`, nowhere.
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describeIoError, realDisk, StorageUnavailableError, writeAll } from '../store/disk.ts'
import type { DiskIO } from '../store/disk.ts'
import { stamp, syncFolder } from '../store/journal-folder.ts'
import type { StudyJournalEvent } from '../domain/study/model.ts'
import { journalLine, parseJournalLine } from './journal-schema.ts'

export type ScreenType = 'image/png' | 'image/jpeg'

/** What a study's storage can do; every write throws StorageUnavailableError and changes nothing. */
export interface StudyFiles {
  /** The ids of the studies kept (a folder with a journal). */
  ids(): string[]
  /** A study's journal, read back: the events of its whole lines; damaged lines dropped and said. */
  load(id: string): { events: StudyJournalEvent[]; damage: string[] }
  /** Makes the study's folder and its first line. */
  create(id: string, events: readonly StudyJournalEvent[]): void
  append(id: string, events: readonly StudyJournalEvent[]): void
  /** Replaces the journal with `events` (temp file, fsync, rename). */
  rewrite(id: string, events: readonly StudyJournalEvent[]): void
  remove(id: string): void
  putScreen(id: string, imageId: string, type: ScreenType, bytes: Uint8Array): void
  screen(id: string, imageId: string, type: ScreenType): Uint8Array | null
  close(): void
}

const failed = (what: string, error: unknown) =>
  new StorageUnavailableError(`${what}: ${describeIoError(error)}`)

export function memoryStudyFiles(): StudyFiles {
  const screens = new Map<string, Uint8Array>()
  const studies = new Set<string>()
  return {
    ids: () => [],
    load: () => ({ events: [], damage: [] }),
    create: (id) => void studies.add(id),
    append: () => {},
    rewrite: () => {},
    remove(id) {
      studies.delete(id)
      for (const key of [...screens.keys()]) if (key.startsWith(`${id}/`)) screens.delete(key)
    },
    putScreen: (id, imageId, _type, bytes) => void screens.set(`${id}/${imageId}`, bytes),
    screen: (id, imageId) => screens.get(`${id}/${imageId}`) ?? null,
    close: () => {},
  }
}

const JOURNAL = 'journal.ndjson'
const SCREENS = 'screens'
const extOf = (type: ScreenType) => (type === 'image/png' ? 'png' : 'jpg')

/**
 * Studies under `root` (`<data>/studies`), written through `io` (tests put a full disk under it). The
 * journal of each study stays open for appends; its size is known, so a failed append is cut back.
 */
export function folderStudyFiles(
  root: string,
  log: (message: string) => void,
  io: DiskIO = realDisk,
): StudyFiles {
  const open = new Map<string, { fd: number; size: number }>()
  const folderOf = (id: string) => join(root, id)
  const journalOf = (id: string) => join(folderOf(id), JOURNAL)
  const handle = (id: string) => {
    let h = open.get(id)
    if (!h) {
      const fd = openSync(journalOf(id), 'r+')
      h = { fd, size: fstatSync(fd).size }
      open.set(id, h)
    }
    return h
  }
  const closeOne = (id: string) => {
    const h = open.get(id)
    if (!h) return
    open.delete(id)
    try {
      closeSync(h.fd)
    } catch {
      // Already gone.
    }
  }
  const append = (id: string, events: readonly StudyJournalEvent[]) => {
    const h = handle(id)
    const bytes = Buffer.from(journalLine(events))
    try {
      writeAll(io, h.fd, bytes, h.size)
      io.sync(h.fd)
      h.size += bytes.length
    } catch (error) {
      // A part of the line may be on disk: cut it back, so the next append starts on a whole line.
      try {
        io.truncate(h.fd, h.size)
      } catch {
        closeOne(id)
      }
      throw failed(`study ${id}: the journal could not be written`, error)
    }
  }
  return {
    ids() {
      if (!existsSync(root)) return []
      return readdirSync(root).filter((name) => existsSync(join(root, name, JOURNAL)))
    },
    load(id) {
      const path = journalOf(id)
      const text = readFileSync(path)
      const events: StudyJournalEvent[] = []
      const damage: string[] = []
      const cut = (offset: number, line: number, why: string) => {
        const side = `${path}.damaged-${stamp()}`
        writeFileSync(side, text.subarray(offset))
        const fd = openSync(path, 'r+')
        try {
          io.truncate(fd, offset)
          io.sync(fd)
        } finally {
          closeSync(fd)
        }
        const preview = text.subarray(offset, offset + 80).toString('utf8')
        damage.push(
          `${path} line ${line} (byte ${offset}) ${why}: dropped, kept in ${side}: ${preview}`,
        )
      }
      let offset = 0
      for (let line = 1; offset < text.length; line++) {
        const end = text.indexOf(0x0a, offset)
        // A last line without its newline is torn, even if it parses: the write never finished.
        if (end < 0) {
          cut(offset, line, 'is torn')
          break
        }
        const raw = text.subarray(offset, end).toString('utf8')
        const parsed = raw.trim() === '' ? [] : parseJournalLine(raw)
        if (parsed === null && end === text.length - 1) {
          cut(offset, line, 'is damaged')
          break
        }
        if (parsed === null) {
          damage.push(
            `${path} line ${line} (byte ${offset}) is damaged: skipped: ${raw.slice(0, 80)}`,
          )
        } else {
          events.push(...parsed)
        }
        offset = end + 1
      }
      for (const message of damage) log(message)
      return { events, damage }
    },
    create(id, events) {
      const folder = folderOf(id)
      try {
        mkdirSync(join(folder, SCREENS), { recursive: true })
        io.writeFileAtomic(journalOf(id), Buffer.from(journalLine(events)))
        syncFolder(folder)
        syncFolder(root)
      } catch (error) {
        rmSync(folder, { recursive: true, force: true })
        throw failed(`study ${id}: its folder could not be made`, error)
      }
    },
    append,
    rewrite(id, events) {
      closeOne(id)
      try {
        io.writeFileAtomic(
          journalOf(id),
          events.map((event) => journalLine([event])),
        )
        syncFolder(folderOf(id))
      } catch (error) {
        throw failed(`study ${id}: the journal could not be rewritten`, error)
      }
    },
    remove(id) {
      closeOne(id)
      try {
        rmSync(folderOf(id), { recursive: true, force: true })
      } catch (error) {
        throw failed(`study ${id}: its folder could not be removed`, error)
      }
    },
    putScreen(id, imageId, type, bytes) {
      try {
        const dir = join(folderOf(id), SCREENS)
        mkdirSync(dir, { recursive: true })
        io.writeFileAtomic(join(dir, `${imageId}.${extOf(type)}`), Buffer.from(bytes))
      } catch (error) {
        throw failed(`study ${id}: the screenshot could not be written`, error)
      }
    },
    screen(id, imageId, type) {
      try {
        return new Uint8Array(
          readFileSync(join(folderOf(id), SCREENS, `${imageId}.${extOf(type)}`)),
        )
      } catch {
        return null
      }
    },
    close() {
      for (const id of [...open.keys()]) closeOne(id)
    },
  }
}

/** `memory`, or the studies folder of a data folder. */
export function studyFilesFor(
  data: string,
  log: (message: string) => void,
  io?: DiskIO,
): StudyFiles {
  return data === 'memory' ? memoryStudyFiles() : folderStudyFiles(join(data, 'studies'), log, io)
}
