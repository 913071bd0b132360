import { apply } from '../domain/apply.ts'
import type { Decision } from '../domain/result.ts'
import { seedState } from '../domain/seed.ts'
import type { State } from '../domain/state.ts'
import { fileJournal, memoryJournal } from './journal.ts'
import type { Journal } from './journal.ts'

/**
 * The one place state changes. A command is decided, journalled and applied in one synchronous step,
 * so on Node's single thread no two commands interleave and the journal order is the apply order.
 */
export class Store {
  #state: State = seedState()
  #offsetMs = 0
  readonly #journal: Journal
  readonly #realNow: () => number

  constructor(journal: Journal, realNow: () => number = Date.now) {
    this.#journal = journal
    this.#realNow = realNow
    for (const record of journal.records) {
      if (record.kind === 'clock') this.#offsetMs = record.offsetMs
      else for (const event of record.events) apply(this.#state, event)
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

  run<T>(decide: (state: State, now: number) => Decision<T>): Decision<T> {
    const decision = decide(this.#state, this.now())
    if (decision.events.length > 0) {
      this.#journal.append({ kind: 'events', events: decision.events })
      for (const event of decision.events) apply(this.#state, event)
    }
    return decision
  }

  advanceClock(ms: number): number {
    this.#offsetMs += ms
    this.#journal.append({ kind: 'clock', offsetMs: this.#offsetMs })
    return this.now()
  }

  /** Back to the seed: wallets, orders, payments, idempotency keys, clock. */
  reset(): void {
    this.#journal.clear()
    this.#state = seedState()
    this.#offsetMs = 0
  }

  close(): void {
    this.#journal.close()
  }
}

/** `memory` keeps nothing; anything else names the data folder. */
export function openStore(data: string, realNow?: () => number): Store {
  return new Store(data === 'memory' ? memoryJournal() : fileJournal(data), realNow)
}
