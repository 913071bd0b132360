import {
  closeSync,
  fdatasyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join } from 'node:path'
import type { ChatImageType } from '../../contract/chat-limits.ts'
import { realDisk, StorageUnavailableError, writeAll } from '../store/disk.ts'
import type { ChatRecord } from './chat-record.ts'

/**
 * Where a world's chats live: a file of records and a folder of images beside the world's journal
 * (never inside it), or memory. Every write is durable before it returns; a failed one throws
 * StorageUnavailableError (503 STORAGE_UNAVAILABLE), and nothing was sent.
 */
export interface ChatStorage {
  /** The records kept, oldest first (a damaged line is skipped). */
  load(): ChatRecord[]
  append(record: ChatRecord): void
  /** Replaces every record with these (compaction, a reset). */
  rewrite(records: readonly ChatRecord[]): void
  putImage(id: string, type: ChatImageType, bytes: Uint8Array): void
  readImage(id: string): Uint8Array | null
  /** The images kept, with their sizes, in no order. */
  images(): { id: string; bytes: number }[]
  removeImage(id: string): void
  clearImages(): void
  close(): void
}

const EXTENSION: Record<ChatImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' }
const IMAGE_FILE = /^([A-Za-z0-9_-]{22})\.(png|jpg)$/

function parseLines(text: string): ChatRecord[] {
  const records: ChatRecord[] = []
  for (const line of text.split('\n')) {
    if (!line) continue
    try {
      records.push(JSON.parse(line) as ChatRecord)
    } catch {
      // A line torn by a crash mid-write: the message was never answered, so it was never sent.
    }
  }
  return records
}

function unavailable(error: unknown): never {
  const why = error instanceof Error ? error.message : String(error)
  throw new StorageUnavailableError(`the chat could not be written (${why}): nothing was sent`)
}

/** `<folder>/messages.ndjson` and `<folder>/images/<id>.png|jpg`, made on the first write. */
export function fileChatStorage(folder: string): ChatStorage {
  const file = join(folder, 'messages.ndjson')
  const imageDir = join(folder, 'images')
  let fd: number | null = null
  let size = 0
  const open = () => {
    if (fd !== null) return fd
    mkdirSync(imageDir, { recursive: true })
    fd = openSync(file, 'a')
    size = statSync(file).size
    return fd
  }
  const pathOf = (id: string) => {
    for (const ext of ['png', 'jpg']) {
      const path = join(imageDir, `${id}.${ext}`)
      try {
        statSync(path)
        return path
      } catch {
        // not this one
      }
    }
    return null
  }
  return {
    load() {
      try {
        return parseLines(readFileSync(file, 'utf8'))
      } catch {
        return []
      }
    },
    append(record) {
      try {
        const at = open()
        const line = Buffer.from(`${JSON.stringify(record)}\n`)
        writeAll(realDisk, at, line, size)
        fdatasyncSync(at)
        size += line.length
      } catch (error) {
        unavailable(error)
      }
    },
    rewrite(records) {
      try {
        this.close()
        mkdirSync(imageDir, { recursive: true })
        realDisk.writeFileAtomic(
          file,
          records.map((r) => `${JSON.stringify(r)}\n`),
        )
      } catch (error) {
        unavailable(error)
      }
    },
    putImage(id, type, bytes) {
      try {
        mkdirSync(imageDir, { recursive: true })
        realDisk.writeFileAtomic(join(imageDir, `${id}.${EXTENSION[type]}`), Buffer.from(bytes))
      } catch (error) {
        unavailable(error)
      }
    },
    readImage(id) {
      const path = pathOf(id)
      if (!path) return null
      try {
        return readFileSync(path)
      } catch {
        return null
      }
    },
    images() {
      let names: string[]
      try {
        names = readdirSync(imageDir)
      } catch {
        return []
      }
      const found: { id: string; bytes: number }[] = []
      for (const name of names) {
        const match = IMAGE_FILE.exec(name)
        if (match?.[1]) found.push({ id: match[1], bytes: statSync(join(imageDir, name)).size })
        // A temp file of a write a crash cut short: never a message's.
        else rmSync(join(imageDir, name), { force: true })
      }
      return found
    },
    removeImage(id) {
      const path = pathOf(id)
      if (path) rmSync(path, { force: true })
    },
    clearImages() {
      rmSync(imageDir, { recursive: true, force: true })
    },
    close() {
      if (fd !== null) closeSync(fd)
      fd = null
    },
  }
}

/** `GATEWAY_DATA=memory`: the same, kept by the world's object and gone with it. */
export function memoryChatStorage(): ChatStorage {
  let records: ChatRecord[] = []
  const images = new Map<string, Uint8Array>()
  return {
    load: () => [...records],
    append: (record) => void records.push(record),
    rewrite: (next) => void (records = [...next]),
    putImage: (id, _type, bytes) => void images.set(id, bytes),
    readImage: (id) => images.get(id) ?? null,
    images: () => [...images].map(([id, bytes]) => ({ id, bytes: bytes.length })),
    removeImage: (id) => void images.delete(id),
    clearImages: () => images.clear(),
    close: () => {},
  }
}
