import type { DomainEvent } from '../domain/events.ts'
import type { State } from '../domain/state.ts'

/** Something kept in step with the events: indexes, live logs, the notification outbox. */
export interface StoreObserver {
  /** After each event is applied; `replaying` while the journal is read back (at start, after a rollback). */
  applied(event: DomainEvent, state: State, replaying: boolean): void
  /** After a reset to the seed, and before the journal is read back. */
  reset(): void
  /** Once what was applied so far is durable: the moment it may be told to anyone outside. */
  committed?(): void
  /** After the journal was read back into a running store (a rollback): catch up on what it missed. */
  reloaded?(): void
  /** A name, for an observer whose data goes into snapshots with `save` and comes back with `restore`. */
  readonly snapshotKey?: string
  save?(): unknown
  restore?(data: unknown): void
}
