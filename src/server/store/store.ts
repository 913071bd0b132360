import { apply } from '../domain/apply.ts'
import type { DomainEvent } from '../domain/events.ts'
import { expireDue } from '../domain/expiry.ts'
import type { ApiError } from '../../contract/errors.ts'
import type { Decision } from '../domain/result.ts'
import { iso, refuse } from '../domain/result.ts'
import { seedState, upgradeState } from '../domain/seed.ts'
import type { State } from '../domain/state.ts'
import { DeadlineIndex } from './deadlines.ts'
import { describeIoError, StorageUnavailableError } from './disk.ts'
import { DEFAULT_WORLD } from './journal-format.ts'
import { fileJournal, memoryJournal } from './journal.ts'
import type {
  FileJournalOptions,
  Journal,
  JournalRecord,
  JournalSync,
  SnapshotWorlds,
} from './journal.ts'
import type { StoreObserver, WorldRecord } from './observer.ts'

const settled = Promise.resolve()

/** The answers waiting for a store's next commit. */
interface Waiting {
  promise: Promise<void>
  resolve: () => void
  reject: (error: unknown) => void
}

function waiting(): Waiting {
  let resolve: () => void = () => {}
  let reject: (error: unknown) => void = () => {}
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  // Nobody may be waiting (a background command); a failure is still reported to those who are.
  promise.catch(() => {})
  return { promise, resolve, reject }
}

/** Whether changes can be made durable: `degraded` after a write failed, until a probe write works. */
export type StorageHealth = { state: 'ok' } | { state: 'degraded'; since: string; error: string }

/** One world's part of a snapshot. */
interface WorldSnapshot {
  state: State
  offsetMs: number
  /** The world's time its stopped clock shows (absent: running). */
  frozenAt?: number
  /** Events since the seed (older snapshots lack it). */
  events?: number
  observers: Record<string, unknown>
}

export interface StoreOptions {
  log?: (message: string) => void
  /** The world this store is (its records name it; default `default`). */
  world?: string
  /** Asked before a command's events are taken: a refusal (WORLD_FULL) keeps them out. */
  admit?: (events: number) => ApiError | null
  /** Told each change of `eventCount` (a reset gives them all back). */
  counted?: (delta: number) => void
}

const STORAGE_MESSAGE =
  'the journal cannot be written right now: nothing was changed, try again later'

/**
 * The one place state changes, write-ahead: a command is decided and applied in one synchronous step
 * (so on Node's single thread no two commands interleave and the journal order is the apply order),
 * and its record is written and synced at the end of the event loop's turn, with everything else the
 * turn ran (group commit). Every answer waits for that (`durable()`), so nothing is answered, streamed
 * or notified that a restart would not bring back. If the write fails, the turn's changes are undone by
 * reading the journal back (the last durable state), every answer waiting on them gets
 * STORAGE_UNAVAILABLE, and the store refuses changes until `recover()` finds the disk writable again;
 * reads go on from the durable state meanwhile.
 */
export class Store {
  #state: State = seedState()
  #offsetMs = 0
  /** The time a stopped test clock shows; `null` while it runs. */
  #frozenAt: number | null = null
  /** Told each move of the test clock (the live streams pass it to the phones). */
  readonly #clockListeners = new Set<(now: number) => void>()
  readonly #journal: Journal
  readonly #realNow: () => number
  readonly #observers: StoreObserver[]
  readonly #deadlines = new DeadlineIndex()
  readonly #log: (message: string) => void
  readonly #world: string
  readonly #admit: (events: number) => ApiError | null
  readonly #counted: (delta: number) => void
  /** What waits for this turn's commit (`null`: nothing was changed since the last one). */
  #waiting: Waiting | null = null
  /** What waits for the commit under way (between `#write` and `#settle`: its sync may be in flight). */
  #committing: Waiting | null = null
  /** Closed (a world deleted, the process stopping): a sync still in flight settles nothing. */
  #closed = false
  /** Stores with records for this turn's commit, in the order they first changed. */
  static readonly #due = new Set<Store>()
  #health: StorageHealth = { state: 'ok' }
  /** Events applied since the seed (the last reset): what the world holds. */
  #events = 0

  constructor(
    journal: Journal,
    realNow: () => number = Date.now,
    observers: StoreObserver[] = [],
    options: StoreOptions = {},
  ) {
    this.#journal = journal
    this.#realNow = realNow
    this.#observers = [this.#deadlines, ...observers]
    this.#log = options.log ?? ((message) => console.error(`[gateway] ${message}`))
    this.#world = options.world ?? DEFAULT_WORLD
    this.#admit = options.admit ?? (() => null)
    this.#counted = options.counted ?? (() => {})
    this.#readBack()
    // A long history read without a snapshot (an older version's journal): take one now, so the next
    // start is short.
    if (journal.snapshotDue()) journal.snapshot(this.#snapshotWorlds())
  }

  /** Read it, never write it: changes go through `run`. */
  get state(): State {
    return this.#state
  }

  get health(): StorageHealth {
    return this.#health
  }

  /** Events applied since the seed (the last reset). */
  get eventCount(): number {
    return this.#events
  }

  /** The gateway's clock: real time plus what the test API has advanced it by, or where it was stopped. */
  now(): number {
    return this.#frozenAt ?? this.#realNow() + this.#offsetMs
  }

  get clockFrozen(): boolean {
    return this.#frozenAt !== null
  }

  /** What the test clock's next record would hold: its offset, and where it stopped (null: running). */
  get clockSetting(): { offsetMs: number; frozenAt: number | null } {
    return { offsetMs: this.#offsetMs, frozenAt: this.#frozenAt }
  }

  /** Calls `listener` with the new time whenever the test clock moves, stops or resets; answers the unsubscribe. */
  onClockMoved(listener: (now: number) => void): () => void {
    this.#clockListeners.add(listener)
    return () => this.#clockListeners.delete(listener)
  }

  #clockMoved(): void {
    const now = this.now()
    for (const listener of [...this.#clockListeners]) listener(now)
  }

  /** Keeps `observer` in step from now on (it sees no replay: it reads the state it starts from). */
  observe(observer: StoreObserver): void {
    this.#observers.push(observer)
  }

  /** Decides and applies a command; refused with STORAGE_UNAVAILABLE while the disk is failing. */
  run<T>(decide: (state: State, now: number) => Decision<T>): Decision<T> {
    if (this.#health.state !== 'ok') return refuse('STORAGE_UNAVAILABLE', STORAGE_MESSAGE)
    const decision = decide(this.#state, this.now())
    if (decision.events.length > 0) {
      const full = this.#admit(decision.events.length)
      if (full) return { ok: false, events: [], error: full }
      this.#append({ world: this.#world, kind: 'events', events: decision.events })
      this.#fold(decision.events, false)
    }
    return decision
  }

  /** Resolves once everything run so far is durable; rejects with StorageUnavailableError if it cannot be. */
  durable(): Promise<void> {
    // The waiting changes are committed after the ones under way, so their promise comes last.
    return this.#waiting?.promise ?? this.#committing?.promise ?? settled
  }

  /** Closes what has fallen due (orders, codes, links). O(1) when nothing has. */
  closeExpired(): void {
    const now = this.now()
    if (this.#health.state !== 'ok' || this.#deadlines.nextAt() > now) return
    const due = this.#deadlines.takeDue(now)
    this.run((s, at) => expireDue(s, due, at))
  }

  /** When the next deadline falls (`Infinity` if none). */
  nextDeadline(): number {
    return this.#deadlines.nextAt()
  }

  advanceClock(ms: number): number {
    this.#refuseWhileDegraded()
    if (this.#frozenAt === null) this.#offsetMs += ms
    else this.#frozenAt += ms
    this.#appendClock()
    this.#clockMoved()
    return this.now()
  }

  /** Stops the test clock where it is, or lets it run on from where it stands. */
  freezeClock(frozen: boolean): number {
    this.#refuseWhileDegraded()
    if (frozen === this.clockFrozen) return this.now()
    if (this.#frozenAt === null) this.#frozenAt = this.now()
    else {
      this.#offsetMs = this.#frozenAt - this.#realNow()
      this.#frozenAt = null
    }
    this.#appendClock()
    this.#clockMoved()
    return this.now()
  }

  #appendClock(): void {
    const offsetMs = this.#offsetMs
    const record: WorldRecord =
      this.#frozenAt === null
        ? { world: this.#world, kind: 'clock', offsetMs }
        : { world: this.#world, kind: 'clock', offsetMs, frozenAt: this.#frozenAt }
    this.#append(record)
    this.#recorded(record, false)
  }

  /** Back to the seed: wallets, orders, payments, requests, idempotency keys, settings, clock. */
  reset(): void {
    this.#refuseWhileDegraded()
    const record: WorldRecord = { world: this.#world, kind: 'reset' }
    this.#append(record)
    this.#toSeed()
    this.#recorded(record, false)
    this.#clockMoved()
  }

  #recorded(record: WorldRecord, replaying: boolean): void {
    for (const observer of this.#observers) observer.recorded?.(record, replaying)
  }

  /** While degraded: tries the disk, and takes changes again if it is writable. */
  recover(): boolean {
    if (this.#health.state === 'ok') return true
    try {
      this.#journal.probe()
    } catch {
      return false
    }
    this.#log(`storage recovered after ${this.#health.error}: changes are accepted again`)
    this.#health = { state: 'ok' }
    return true
  }

  close(): void {
    this.#closed = true
    Store.#due.delete(this)
    // The journal syncs what is in flight and writes what waits; nobody is answered from here on.
    this.#journal.close()
    const gone = new StorageUnavailableError(STORAGE_MESSAGE)
    this.#committing?.reject(gone)
    this.#waiting?.reject(gone)
    this.#committing = null
    this.#waiting = null
  }

  #refuseWhileDegraded(): void {
    if (this.#health.state !== 'ok') throw new StorageUnavailableError(STORAGE_MESSAGE)
  }

  #toSeed(): void {
    this.#state = seedState()
    this.#offsetMs = 0
    this.#frozenAt = null
    this.#count(-this.#events)
    for (const observer of this.#observers) observer.reset()
  }

  /** The durable state, from the journal: at start, and after a write failed. */
  #readBack(): void {
    this.#toSeed()
    this.#journal.load({
      snapshot: (worlds) => this.#restore(worlds),
      record: (record) => this.#replay(record),
    })
  }

  #replay(record: JournalRecord): void {
    // Each world has its own folder; a record of another world here is left as it is.
    if (record.world !== this.#world) return
    if (record.kind === 'events') return this.#fold(record.events, true)
    if (record.kind === 'clock') this.#setClock(record.offsetMs, record.frozenAt)
    else this.#toSeed()
    this.#recorded(record, true)
  }

  #setClock(offsetMs: number, frozenAt: number | undefined): void {
    this.#offsetMs = offsetMs
    this.#frozenAt = frozenAt ?? null
  }

  #restore(worlds: SnapshotWorlds): void {
    const world = worlds[this.#world] as WorldSnapshot | undefined
    if (!world) return
    this.#state = upgradeState(world.state)
    this.#setClock(world.offsetMs, world.frozenAt)
    this.#count((world.events ?? 0) - this.#events)
    for (const observer of this.#observers) {
      if (observer.snapshotKey && observer.restore) {
        observer.restore(world.observers[observer.snapshotKey])
      }
    }
  }

  #snapshotWorlds(): SnapshotWorlds {
    const observers: Record<string, unknown> = {}
    for (const observer of this.#observers) {
      if (observer.snapshotKey && observer.save) observers[observer.snapshotKey] = observer.save()
    }
    const world: WorldSnapshot = {
      state: this.#state,
      offsetMs: this.#offsetMs,
      ...(this.#frozenAt === null ? {} : { frozenAt: this.#frozenAt }),
      events: this.#events,
      observers,
    }
    return { [this.#world]: world }
  }

  #count(delta: number): void {
    if (delta === 0) return
    this.#events += delta
    this.#counted(delta)
  }

  #fold(events: readonly DomainEvent[], replaying: boolean): void {
    this.#count(events.length)
    for (const event of events) {
      apply(this.#state, event)
      for (const observer of this.#observers) observer.applied(event, this.#state, replaying)
    }
  }

  #append(record: JournalRecord): void {
    this.#journal.append(record)
    if (this.#waiting) return
    this.#waiting = waiting()
    Store.#due.add(this)
    // With this store's sync in flight, its next commit starts when that one is done (#synced).
    if (this.#committing === null) Store.#scheduleCommit()
  }

  /**
   * Group commit, at the end of the event loop's turn, of every store the turn changed (each world
   * has its own journal): each one's records written, then synced in the background (fdatasync on
   * libuv's threads, all of them at once), each store's answers released when its sync is done, or
   * refused if its write failed. While a store's sync is in flight the event loop goes on: the next
   * requests are decided and applied, and their records wait for the next commit, which starts as soon
   * as that sync is done (one write in flight per journal: writes go at its durable length). A test's
   * disk (not the real fdatasync) is synced at once, as before.
   */
  static #commitTurn(): void {
    const stores = [...Store.#due].filter((store) => store.#committing === null)
    for (const store of stores) Store.#due.delete(store)
    // Every store settles, whatever one of them throws (an observer's bug): no answer is left hanging.
    const thrown: unknown[] = []
    for (const store of stores) {
      const written = store.#write()
      if (written !== null && !(written instanceof Failure) && written.background) {
        written.background((error) => store.#synced(written, error))
        continue
      }
      try {
        store.#settle(written, syncOf(written))
      } catch (caught) {
        thrown.push(caught)
      }
    }
    if (thrown.length > 0) throw thrown[0]
  }

  /** A sync in flight came back: its answers go, and what waited meanwhile is committed next. */
  #synced(written: JournalSync, error: Error | null): void {
    if (this.#closed) return
    try {
      this.#settle(written, error)
    } finally {
      if (this.#waiting && Store.#due.has(this)) Store.#scheduleCommit()
    }
  }

  static #scheduled = false
  static #scheduleCommit(): void {
    if (Store.#scheduled) return
    Store.#scheduled = true
    setImmediate(() => {
      Store.#scheduled = false
      Store.#commitTurn()
    })
  }

  /** This store's half of the turn's commit: its records written (not synced yet). */
  #write(): JournalSync | Failure | null {
    // A change made from here on (by an observer told of another world's commit) is the next turn's.
    this.#committing = this.#waiting
    this.#waiting = null
    try {
      return this.#journal.write()
    } catch (error) {
      return new Failure(error)
    }
  }

  #settle(written: JournalSync | Failure | null, syncError: unknown): void {
    const waiting = this.#committing
    this.#committing = null
    try {
      if (written instanceof Failure) throw written.error
      if (written) this.#journal.settle(syncError ?? null)
    } catch (error) {
      // What was applied after this write (waiting for the next commit) stood on it: undone with it.
      const after = this.#waiting
      this.#waiting = null
      Store.#due.delete(this)
      this.#journal.discard()
      this.#failed(error)
      const refused = new StorageUnavailableError(STORAGE_MESSAGE)
      waiting?.reject(refused)
      after?.reject(refused)
      return
    }
    waiting?.resolve()
    for (const observer of this.#observers) observer.committed?.()
    if (this.#journal.snapshotDue()) {
      // A snapshot is of what is durable: what waits for the next commit is made durable first, here
      // (one blocking sync per snapshot), or it would be in the snapshot and not yet on disk.
      if (this.#waiting) {
        Store.#due.delete(this)
        const next = this.#write()
        this.#settle(next, syncOf(next))
        return
      }
      this.#journal.snapshot(this.#snapshotWorlds())
    }
  }

  /** A write failed: undo what it held, and refuse changes until the disk takes writes again. */
  #failed(error: unknown): void {
    const why = describeIoError(error)
    this.#health = { state: 'degraded', since: iso(this.#realNow()), error: why }
    this.#log(
      `STORAGE DEGRADED: the journal write failed (${why}); the changes of that moment are undone and ` +
        'refused with 503 STORAGE_UNAVAILABLE until the disk takes writes again (reads go on)',
    )
    try {
      this.#readBack()
      for (const observer of this.#observers) observer.reloaded?.()
    } catch (readError) {
      // Cannot even read what is durable: keep refusing; a restart will read it when the disk is back.
      this.#log(`the journal cannot be read back either (${describeIoError(readError)})`)
    }
  }
}

/** A write that threw, carried to the end of the turn's commit. */
class Failure {
  constructor(readonly error: unknown) {}
}

/** `memory` keeps nothing; anything else names the data folder. */
export function openStore(
  data: string,
  realNow?: () => number,
  observers: StoreObserver[] = [],
  options: FileJournalOptions & StoreOptions & { journal?: Journal } = {},
): Store {
  const journal =
    options.journal ?? (data === 'memory' ? memoryJournal() : fileJournal(data, options))
  return new Store(journal, realNow, observers, options)
}

/** Syncs a write on this thread (a test's disk, or before a snapshot): its error, or null (also when nothing was written, or the write itself failed). */
function syncOf(written: JournalSync | Failure | null): unknown {
  if (written === null || written instanceof Failure) return null
  try {
    written.sync()
    return null
  } catch (error) {
    return error
  }
}
