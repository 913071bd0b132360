import { CONSOLE_LOG_LIMIT } from '../../contract/console.ts'
import type { ConsoleEntry } from '../../contract/console.ts'
import type { DomainEvent } from '../domain/events.ts'
import { iso } from '../domain/result.ts'
import type { State } from '../domain/state.ts'
import type { StoreObserver, WorldRecord } from '../store/observer.ts'
import { describeEvent, eventTime } from './describe-events.ts'
import { clockAfter, describeRecord, RESET_TYPE } from './describe-records.ts'
import type { ClockSeen } from './describe-records.ts'
import type { NewEntry } from './entry.ts'

/**
 * Bytes (bodies, headers, summaries) a world's log holds at most: past them the oldest entries go, as
 * past CONSOLE_LOG_LIMIT, so 10,000 calls with 64 KiB bodies cannot take a gigabyte.
 */
export const CONSOLE_LOG_BYTES = 16 * 1024 * 1024

export interface ConsoleLogOptions {
  /** Entries kept (default CONSOLE_LOG_LIMIT). */
  limit?: number | undefined
  /** Bytes kept (default CONSOLE_LOG_BYTES). */
  maxBytes?: number | undefined
}

/** Waiting to be numbered: the store's (until durable), or a call's or delivery's (a slot until filled). */
interface Held {
  entries: NewEntry[] | null
  durable: boolean
  fromStore: boolean
}

/** A record the journal replayed at start, described once the world opens. */
type Replayed = { event: DomainEvent } | { record: WorldRecord; before: ClockSeen }

/** The world's store, as the log sees it once the world is open. */
interface OpenStore {
  now(): number
  readonly clockSetting: { offsetMs: number; frozenAt: number | null }
  readonly state: State
}

/** Replayed records described per turn of the event loop, after the world opens. */
const DESCRIBED_PER_TURN = 500

/** What an entry costs the log, roughly: its strings (a state change: a flat guess). */
function sizeOf(entry: NewEntry): number {
  let bytes = 200 + entry.summary.length
  const detail = entry.detail
  if (entry.kind === 'event' || typeof detail !== 'object' || detail === null) return bytes + 800
  for (const value of Object.values(detail)) {
    if (typeof value === 'string') bytes += value.length
    else if (typeof value === 'object' && value !== null) bytes += JSON.stringify(value).length
  }
  return bytes
}

/** What the notifiers and the merchants' gates write to (a world's ConsoleLog). */
export type ConsoleSink = Pick<ConsoleLog, 'add' | 'slot'>

/**
 * Runs `change` (what the store does about something that already happened: a notification's outcome)
 * with the place of its entries kept before whatever `change` makes the store log. The place is filled
 * with `entriesOf(result)`, or with nothing if either throws, so it never holds the log up.
 */
export function loggedBefore<T>(
  sink: ConsoleSink | null | undefined,
  change: () => T,
  entriesOf: (result: T) => NewEntry[],
): T {
  const fill = sink?.slot()
  let entries: NewEntry[] = []
  try {
    const result = change()
    entries = entriesOf(result)
    return result
  } finally {
    fill?.(entries)
  }
}

/**
 * One world's console log (docs/console.md): the last `limit` entries in a ring, each numbered with a
 * seq that only grows in the world (a reset empties the ring, not the numbering). Fed by the store (every
 * event it folds, every clock and reset record, once durable: nothing is shown that a rollback undoes),
 * by the merchants' inbound calls and by every notification attempt. Never journalled: a restart starts
 * it again from what the journal's tail replays.
 */
export class ConsoleLog implements StoreObserver {
  readonly limit: number
  readonly #maxBytes: number
  /** The ring: `#entries[#head…]`, seqs consecutive. */
  #entries: ConsoleEntry[] = []
  #sizes: number[] = []
  #head = 0
  #bytes = 0
  #seq = 0
  #held: Held[] = []
  /** Before `start`: the journal is being read at start; what it replays is kept to log at `start`. */
  #started = false
  #replayed: Replayed[] = []
  /** After `start`: what the journal replayed, not described yet (`#undescribed[#describedUpTo…]`). */
  #undescribed: Replayed[] = []
  #describedUpTo = 0
  #store: OpenStore | null = null
  #now: () => number = Date.now
  #clock: ClockSeen = { offsetMs: 0, frozenAt: null, known: false }
  readonly #listeners = new Set<(entry: ConsoleEntry) => void>()
  readonly #closers = new Set<() => void>()
  #closed = false

  constructor(options: ConsoleLogOptions = {}) {
    this.limit = Math.max(1, options.limit ?? CONSOLE_LOG_LIMIT)
    this.#maxBytes = options.maxBytes ?? CONSOLE_LOG_BYTES
  }

  /**
   * The world is open: what the journal's tail replayed goes into the log (the last `limit` of it,
   * described with the state as it stands: a long tail costs no more than that), and from now on entries
   * come live, on the world's clock. The replayed records are described after the start, a few hundred
   * per turn of the event loop (a restart answers without waiting for them, about 0.1 s for a tail of
   * 10,000), and all at once the moment anything reads the log or adds to it: no one sees it unfinished.
   */
  start(store: OpenStore): void {
    this.#started = true
    this.#now = () => store.now()
    this.#store = store
    this.#undescribed = this.#replayed
    this.#describedUpTo = 0
    this.#replayed = []
    this.#clock = { ...store.clockSetting, known: true }
    this.#describeLater()
  }

  #describeLater(): void {
    if (this.#describedUpTo >= this.#undescribed.length) return
    setImmediate(() => {
      this.#describe(DESCRIBED_PER_TURN)
      this.#describeLater()
    }).unref()
  }

  /** Describes `count` more of what the journal replayed (all of it by default), in order. */
  #describe(count = Infinity): void {
    const store = this.#store
    if (!store || this.#closed) return
    const end = Math.min(this.#undescribed.length, this.#describedUpTo + count)
    for (; this.#describedUpTo < end; this.#describedUpTo++) {
      const item = this.#undescribed[this.#describedUpTo]
      if (!item) continue
      if ('event' in item) {
        const at = iso(eventTime(item.event) ?? store.now())
        this.#append(describeEvent(item.event, store.state, at))
      } else {
        this.#append(describeRecord(item.record, item.before, iso(store.now())).entry)
      }
    }
    if (this.#describedUpTo >= this.#undescribed.length) this.#undescribed = []
  }

  applied(event: DomainEvent, state: State, replaying: boolean): void {
    if (replaying) return this.#replay({ event })
    this.#hold(describeEvent(event, state, iso(this.#now())))
  }

  recorded(record: WorldRecord, replaying: boolean): void {
    if (replaying) {
      this.#replay({ record, before: this.#clock })
      this.#clock = clockAfter(record)
      return
    }
    const described = describeRecord(record, this.#clock, iso(this.#now()))
    this.#clock = described.clock
    this.#hold(described.entry)
  }

  /** A reset's own record empties the log (`recorded`); a rollback's reseeding keeps it. */
  reset(): void {}

  committed(): void {
    for (const held of this.#held) if (held.fromStore) held.durable = true
    this.#drain()
  }

  /** A write failed: what it held is undone, so are its entries; calls and deliveries stay. */
  reloaded(): void {
    this.#held = this.#held.filter((held) => held.durable || !held.fromStore)
    this.#drain()
  }

  /** A call's or a delivery's entry, or a test action's (fault changes). */
  add(entry: NewEntry): void {
    this.#held.push({ entries: [entry], durable: true, fromStore: false })
    this.#drain()
  }

  /**
   * A place in the order for an entry not known yet: what the store changes meanwhile comes after it
   * (a notification's delivery before what the merchant did with it). Fill it, or it holds the log up.
   */
  slot(): (entries: NewEntry[]) => void {
    const held: Held = { entries: null, durable: true, fromStore: false }
    this.#held.push(held)
    return (entries) => {
      held.entries = entries
      this.#drain()
    }
  }

  /** The world's last seq (0: nothing yet). */
  get last(): number {
    this.#describe()
    return this.#seq
  }

  get size(): number {
    this.#describe()
    return this.#entries.length - this.#head
  }

  /** Oldest first. */
  entries(): ConsoleEntry[] {
    this.#describe()
    return this.#entries.slice(this.#head)
  }

  /** The entries after `after`, oldest first (what is left of them, if the ring moved on). */
  since(after: number): ConsoleEntry[] {
    this.#describe()
    const first = this.#entries[this.#head]
    if (!first) return []
    const skip = Math.max(0, Math.floor(after) - first.seq + 1)
    return this.#entries.slice(this.#head + skip)
  }

  /** Calls `listener` with each new entry; `onClose` when the world is dropped. Answers the unsubscribe. */
  subscribe(listener: (entry: ConsoleEntry) => void, onClose: () => void): () => void {
    this.#describe()
    if (this.#closed) {
      onClose()
      return () => {}
    }
    this.#listeners.add(listener)
    this.#closers.add(onClose)
    return () => {
      this.#listeners.delete(listener)
      this.#closers.delete(onClose)
    }
  }

  /** The world is gone: its streams end, its entries with it. */
  close(): void {
    this.#closed = true
    this.#undescribed = []
    this.#entries = []
    this.#sizes = []
    this.#head = 0
    this.#held = []
    for (const closer of [...this.#closers]) closer()
    this.#closers.clear()
    this.#listeners.clear()
  }

  /** What the store read back: at start kept for `start` (a reset drops what came before it); after it, a rollback's, already logged. */
  #replay(item: Replayed): void {
    if (this.#started) return
    if ('record' in item && item.record.kind === 'reset') this.#replayed = []
    this.#replayed.push(item)
    if (this.#replayed.length > 2 * this.limit) this.#replayed = this.#replayed.slice(-this.limit)
  }

  /** The store's entries wait until what made them is durable. */
  #hold(entry: NewEntry): void {
    this.#held.push({ entries: [entry], durable: false, fromStore: true })
  }

  #drain(): void {
    for (;;) {
      const held = this.#held[0]
      if (!held?.entries || !held.durable) return
      this.#held.shift()
      for (const entry of held.entries) this.#publish(entry)
    }
  }

  /** A live entry: after every replayed one. */
  #publish(fresh: NewEntry): void {
    this.#describe()
    this.#append(fresh)
  }

  #append(fresh: NewEntry): void {
    if (this.#closed) return
    if (fresh.type === RESET_TYPE) this.#empty()
    const entry: ConsoleEntry = { seq: ++this.#seq, ...fresh }
    const size = sizeOf(fresh)
    this.#entries.push(entry)
    this.#sizes.push(size)
    this.#bytes += size
    const held = () => this.#entries.length - this.#head
    while (held() > 1 && (held() > this.limit || this.#bytes > this.#maxBytes)) {
      this.#bytes -= this.#sizes[this.#head] ?? 0
      this.#head += 1
    }
    if (this.#head > this.limit) {
      this.#entries = this.#entries.slice(this.#head)
      this.#sizes = this.#sizes.slice(this.#head)
      this.#head = 0
    }
    for (const listener of [...this.#listeners]) listener(entry)
  }

  #empty(): void {
    this.#entries = []
    this.#sizes = []
    this.#head = 0
    this.#bytes = 0
  }
}
