import type { DomainEvent } from '../domain/events.ts'
import type { State } from '../domain/state.ts'

/** Something kept in step with the events: indexes, live logs, the notification outbox. */
export interface StoreObserver {
  /** After each event is applied; `replaying` while the journal is read back at start. */
  applied(event: DomainEvent, state: State, replaying: boolean): void
  /** After a reset to the seed. */
  reset(): void
}
