import { apply } from '../domain/apply.ts'
import type { DomainEvent } from '../domain/events.ts'
import { expireDue } from '../domain/expiry.ts'
import type { Decision } from '../domain/result.ts'
import { seedState } from '../domain/seed.ts'
import type { State } from '../domain/state.ts'
import { DeadlineIndex } from './deadlines.ts'
import { fileJournal, memoryJournal } from './journal.ts'
import type { Journal, JournalRecord } from './journal.ts'
import type { StoreObserver } from './observer.ts'

const settled = Promise.resolve()

/**
 * The one place state changes. A command is decided, journalled and applied in one synchronous step,
 * so on Node's single thread no two commands interleave and the journal order is the apply order.
 * Journal writes are grouped: everything run in one turn of the event loop is written at its end, and
 * `durable()` tells when; answers wait for it (group commit). In memory there is nothing to write, but the
 * answers still leave together at the end of the turn: the server then wakes up once for many requests
 * instead of once each, which is most of what a request costs here (a quarter less CPU a cycle).
 */
export class Store {
  #state: State = seedState()
  #offsetMs = 0
  readonly #journal: Journal
  readonly #realNow: () => number
  readonly #observers: StoreObserver[]
  readonly #deadlines = new DeadlineIndex()
  #flushing: Promise<void> | null = null

  constructor(journal: Journal, realNow: () => number = Date.now, observers: StoreObserver[] = []) {
    this.#journal = journal
    this.#realNow = realNow
    this.#observers = [this.#deadlines, ...observers]
    for (const record of journal.records) {
      if (record.kind === 'clock') this.#offsetMs = record.offsetMs
      else this.#fold(record.events, true)
    }
  }

  /** Read it, never write it: changes go through `run`. */
  get state(): State {
    return this.#state
  }

  /** The gateway's clock: real time plus what the test API has advanced it by. */
  now(): number {
    return this.#realNow() + this.#offsetMs
  }

  /** Keeps `observer` in step from now on (it sees no replay: it reads the state it starts from). */
  observe(observer: StoreObserver): void {
    this.#observers.push(observer)
  }

  run<T>(decide: (state: State, now: number) => Decision<T>): Decision<T> {
    const decision = decide(this.#state, this.now())
    if (decision.events.length > 0) {
      this.#append({ kind: 'events', events: decision.events })
      this.#fold(decision.events, false)
    }
    return decision
  }

  /** Resolves once everything run so far is in the journal. */
  durable(): Promise<void> {
    return this.#flushing ?? settled
  }

  /** Closes what has fallen due (orders, codes, links). O(1) when nothing has. */
  closeExpired(): void {
    const now = this.now()
    if (this.#deadlines.nextAt() > now) return
    const due = this.#deadlines.takeDue(now)
    this.run((s, at) => expireDue(s, due, at))
  }

  /** When the next deadline falls (`Infinity` if none). */
  nextDeadline(): number {
    return this.#deadlines.nextAt()
  }

  advanceClock(ms: number): number {
    this.#offsetMs += ms
    this.#append({ kind: 'clock', offsetMs: this.#offsetMs })
    return this.now()
  }

  /** Back to the seed: wallets, orders, payments, requests, idempotency keys, settings, clock. */
  reset(): void {
    this.#journal.clear()
    this.#state = seedState()
    this.#offsetMs = 0
    for (const observer of this.#observers) observer.reset()
  }

  close(): void {
    this.#journal.close()
  }

  #fold(events: readonly DomainEvent[], replaying: boolean): void {
    for (const event of events) {
      apply(this.#state, event)
      for (const observer of this.#observers) observer.applied(event, this.#state, replaying)
    }
  }

  #append(record: JournalRecord): void {
    this.#journal.append(record)
    if (this.#flushing) return
    this.#flushing = new Promise((resolve, reject) => {
      setImmediate(() => {
        this.#flushing = null
        try {
          this.#journal.flush()
          resolve()
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      })
    })
    // Nobody may be waiting (a background command); a failure is still reported to those who are.
    this.#flushing.catch(() => {})
  }
}

/** `memory` keeps nothing; anything else names the data folder. */
export function openStore(
  data: string,
  realNow?: () => number,
  observers: StoreObserver[] = [],
): Store {
  return new Store(data === 'memory' ? memoryJournal() : fileJournal(data), realNow, observers)
}
