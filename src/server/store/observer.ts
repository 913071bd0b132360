import type { DomainEvent } from '../domain/events.ts'
import type { State } from '../domain/state.ts'
import type { JournalRecord } from './journal-format.ts'

/** The records that are not events: the test clock's moves and stops, resets. */
export type WorldRecord = Exclude<JournalRecord, { kind: 'events' }>

/** Something kept in step with the events: indexes, live logs, the notification outbox. */
export interface StoreObserver {
  /** After each event is applied; `replaying` while the journal is read back (at start, after a rollback). */
  applied(event: DomainEvent, state: State, replaying: boolean): void
  /** After a reset to the seed, and before the journal is read back. */
  reset(): void
  /**
   * After a clock or reset record was written (the clock already moved, the state already seeded), or
   * read back (`replaying`): what the console's log shows of them.
   */
  recorded?(record: WorldRecord, replaying: boolean): void
  /** Once what was applied so far is durable: the moment it may be told to anyone outside. */
  committed?(): void
  /** After the journal was read back into a running store (a rollback): catch up on what it missed. */
  reloaded?(): void
  /** A name, for an observer whose data goes into snapshots with `save` and comes back with `restore`. */
  readonly snapshotKey?: string
  save?(): unknown
  restore?(data: unknown): void
}
