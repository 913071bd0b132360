import { CHAT_IMAGE_WORLD_BYTES, CHAT_MESSAGE_LIMIT } from '../../contract/chat-limits.ts'
import type { ChatImageType } from '../../contract/chat-limits.ts'
import { randomBytes } from '../store/ids.ts'
import type { StoreObserver, WorldRecord } from '../store/observer.ts'
import type { ChatRecord, DistributiveOmit, StoredMessage } from './chat-record.ts'
import type { ChatStorage } from './chat-storage.ts'

/** What the stream passes on: a new message, or a reset that emptied every chat. */
export type ChatFrame = { seq: number; message: StoredMessage } | { seq: number; cleared: true }

export interface ChatLogOptions {
  messageLimit?: number
  imageBytes?: number
}

type Listener = { frame: (frame: ChatFrame) => void; end: () => void }

/** A message to add: everything but its seq, id and time, which the log gives it. */
export type NewMessage = DistributiveOmit<StoredMessage, 'seq' | 'id' | 'sentAt'>

/**
 * One world's WeChat chats (docs/chats.md, decision 012): the last CHAT_MESSAGE_LIMIT messages between
 * its personas, numbered by a seq that only grows, durable in the world's folder beside the journal
 * (never in it), images beside them up to CHAT_IMAGE_WORLD_BYTES. A reset of the world empties it (the
 * store tells it, as it tells the console); deleting the world removes its folder and ends its streams.
 */
export class ChatLog implements StoreObserver {
  readonly #storage: ChatStorage
  readonly #limit: number
  readonly #imageCap: number
  #messages: StoredMessage[] = []
  /** The images kept, oldest first, with their sizes. */
  readonly #images = new Map<string, number>()
  #imageBytes = 0
  #last = 0
  #clearedAt = 0
  /** Records in the file since it was last rewritten. */
  #lines = 0
  readonly #listeners = new Set<Listener>()

  constructor(storage: ChatStorage, options: ChatLogOptions = {}) {
    this.#storage = storage
    this.#limit = options.messageLimit ?? CHAT_MESSAGE_LIMIT
    this.#imageCap = options.imageBytes ?? CHAT_IMAGE_WORLD_BYTES
    this.#load()
  }

  get last(): number {
    return this.#last
  }

  /** Every message kept, oldest first. */
  messages(): readonly StoredMessage[] {
    return this.#messages
  }

  /** What came after `cursor`: the last reset if it came after, then the messages. */
  since(cursor: number): ChatFrame[] {
    const frames: ChatFrame[] = []
    if (this.#clearedAt > cursor) frames.push({ seq: this.#clearedAt, cleared: true })
    for (const message of this.#messages)
      if (message.seq > cursor) frames.push({ seq: message.seq, message })
    return frames
  }

  imageKept = (imageId: string): boolean => this.#images.has(imageId)

  image(imageId: string): Uint8Array | null {
    return this.#images.has(imageId) ? this.#storage.readImage(imageId) : null
  }

  /** Adds a message, durably, and tells every listener. */
  post(message: NewMessage, now: number): StoredMessage {
    const stored = {
      ...message,
      seq: this.#last + 1,
      id: newChatId(),
      sentAt: now,
    } as StoredMessage
    this.#storage.append({ type: 'message', message: stored })
    this.#lines += 1
    this.#last = stored.seq
    this.#messages.push(stored)
    this.#trim()
    this.#tell({ seq: stored.seq, message: stored })
    return stored
  }

  /** Stores an image (before its message is posted); the oldest go past the world's cap. */
  putImage(type: ChatImageType, bytes: Uint8Array): string {
    const id = newChatId()
    this.#storage.putImage(id, type, bytes)
    this.#images.set(id, bytes.length)
    this.#imageBytes += bytes.length
    for (const [old] of this.#images) {
      if (this.#imageBytes <= this.#imageCap || old === id) break
      this.#dropImage(old)
    }
    return id
  }

  /** Calls `frame` with each new frame; `end` when the world goes. Answers the unsubscribe. */
  subscribe(frame: (frame: ChatFrame) => void, end: () => void): () => void {
    const listener = { frame, end }
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Empties every chat (a reset of the world): the messages, the images; the seq goes on. */
  clear(): void {
    this.#last += 1
    this.#clearedAt = this.#last
    this.#storage.rewrite([{ type: 'cleared', seq: this.#last }])
    this.#storage.clearImages()
    this.#lines = 1
    this.#messages = []
    this.#images.clear()
    this.#imageBytes = 0
    this.#tell({ seq: this.#last, cleared: true })
  }

  /** The world is gone: every stream ends. Its folder goes with it (worlds.ts). */
  close(): void {
    this.#storage.close()
    for (const listener of [...this.#listeners]) listener.end()
    this.#listeners.clear()
  }

  // The store's observer: only a reset it journals now matters (a replayed one emptied the file then).
  applied(): void {}
  reset(): void {}
  recorded(record: WorldRecord, replaying: boolean): void {
    if (record.kind === 'reset' && !replaying) this.clear()
  }

  #tell(frame: ChatFrame): void {
    for (const listener of [...this.#listeners]) listener.frame(frame)
  }

  #load(): void {
    for (const record of this.#storage.load()) {
      this.#lines += 1
      if (record.type === 'cleared') {
        this.#messages = []
        this.#clearedAt = record.seq
        this.#last = Math.max(this.#last, record.seq)
      } else if (record.message.seq > this.#last) {
        this.#messages.push(record.message)
        this.#last = record.message.seq
      }
    }
    const referenced = new Set(
      this.#messages.flatMap((m) => (m.kind === 'image' ? [m.imageId] : [])),
    )
    // Images in the order their messages came; one no message names (a crash between the two) goes.
    const sizes = new Map(this.#storage.images().map((i) => [i.id, i.bytes]))
    for (const message of this.#messages) {
      const bytes = message.kind === 'image' ? sizes.get(message.imageId) : undefined
      if (message.kind === 'image' && bytes !== undefined) {
        this.#images.set(message.imageId, bytes)
        this.#imageBytes += bytes
      }
    }
    for (const id of sizes.keys()) if (!referenced.has(id)) this.#storage.removeImage(id)
    this.#trim()
  }

  /** Keeps the last `limit` messages (their images go with them) and the file near their size. */
  #trim(): void {
    const over = this.#messages.length - this.#limit
    if (over > 0) {
      for (const gone of this.#messages.splice(0, over)) {
        if (gone.kind === 'image') this.#dropImage(gone.imageId)
      }
    }
    if (this.#lines > 2 * this.#limit + 1) {
      const records: ChatRecord[] = [
        ...(this.#clearedAt > 0 ? [{ type: 'cleared' as const, seq: this.#clearedAt }] : []),
        ...this.#messages.map((message) => ({ type: 'message' as const, message })),
      ]
      this.#storage.rewrite(records)
      this.#lines = records.length
    }
  }

  #dropImage(id: string): void {
    const bytes = this.#images.get(id)
    if (bytes === undefined) return
    this.#images.delete(id)
    this.#imageBytes -= bytes
    this.#storage.removeImage(id)
  }
}

/** 128 random bits: an image's id is the key that opens it. */
function newChatId(): string {
  return randomBytes(16).toString('base64url')
}
