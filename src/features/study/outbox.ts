import type { Participant, StudyEvent } from '@/contract/study.ts'
import { failureOf, type Failure } from '@/lib/failure.ts'

/**
 * The events of a participant on their way to the server (`POST …/participants/:pid/events`): in the order
 * they came, in batches (every `intervalMs` or `batchSize` events, at once for a mark the page waits on),
 * one batch on the wire at a time. A batch that fails is sent again as it was, under the same
 * `Idempotency-Key`, after a growing pause: nothing is lost, and a server that keys on it keeps nothing
 * twice. When the page hides, what is left goes out with `keepalive`.
 */

export interface OutboxItem {
  event: StudyEvent
  /** Its place in the order the events came in. */
  seq: number
  /** The page waits for this one's answer (a task's done, an answer to a question). */
  mark?: number
}

export interface Batch {
  key: string
  items: readonly OutboxItem[]
}

export interface OutboxDeps {
  /** Sends one batch; answers the participant as the server has them (null when not read). */
  send(events: readonly StudyEvent[], key: string, keepalive: boolean): Promise<Participant | null>
  /** A batch arrived: the marks it carried. */
  onAck(marks: readonly number[], participant: Participant | null): void
  /** Sending keeps failing (the failure), or works again (null). */
  onTrouble(failure: Failure | null): void
  newKey(): string
  setTimer(run: () => void, ms: number): unknown
  clearTimer(timer: unknown): void
}

export const BATCH_SIZE = 100
export const INTERVAL_MS = 1000
/** What one keepalive request may carry: the browser allows 64 KiB of keepalive bodies at once. */
export const HIDE_BATCH_SIZE = 250
const MAX_BACKOFF_MS = 15_000
/** The server will not take this batch, however often it is sent. */
const REFUSED = new Set(['PARAM_ERROR'])
/** There is no one to send to any more (the study or the participant was deleted). */
const GONE = new Set(['STUDY_NOT_FOUND', 'PARTICIPANT_NOT_FOUND'])

export class Outbox {
  private queue: OutboxItem[] = []
  private pushed = 0
  /** Batches that failed, sent again (each as it was) before anything newer. */
  private retries: Batch[] = []
  private readonly inFlight = new Map<string, Batch>()
  private timer: unknown = null
  private failures = 0
  private gone = false
  private drains: { resolve: () => void; reject: (failure: Failure) => void }[] = []
  private readonly deps: OutboxDeps
  private readonly batchSize: number
  private readonly intervalMs: number

  constructor(deps: OutboxDeps, options: { batchSize?: number; intervalMs?: number } = {}) {
    this.deps = deps
    this.batchSize = options.batchSize ?? BATCH_SIZE
    this.intervalMs = options.intervalMs ?? INTERVAL_MS
  }

  /** Events waiting or on the wire. */
  get size(): number {
    let n = this.queue.length
    for (const batch of this.retries) n += batch.items.length
    for (const batch of this.inFlight.values()) n += batch.items.length
    return n
  }

  push(events: readonly StudyEvent[], mark?: number): void {
    if (this.gone || events.length === 0) return
    events.forEach((event, i) => {
      const seq = this.pushed++
      this.queue.push(
        mark !== undefined && i === events.length - 1 ? { event, seq, mark } : { event, seq },
      )
    })
    if (mark !== undefined || this.queue.length >= this.batchSize) this.schedule(0)
    else if (this.timer === null) this.schedule(this.intervalMs)
  }

  /** Sends everything now; resolves once all of it arrived, rejects at the first failure. */
  drain(): Promise<void> {
    if (this.gone || this.size === 0) return Promise.resolve()
    const done = new Promise<void>((resolve, reject) => this.drains.push({ resolve, reject }))
    this.schedule(0)
    return done
  }

  /** The page is going away (or into the back-forward cache): what is left goes with keepalive. */
  hide(): void {
    if (this.gone) return
    this.cancelTimer()
    // A batch on the wire may die with the page: the same batch again, under its key, with keepalive.
    for (const batch of this.inFlight.values()) {
      this.deps.send(events(batch), batch.key, true).catch(() => undefined)
    }
    for (const batch of this.retries.splice(0)) this.transmit(batch, true)
    while (this.queue.length > 0) {
      this.transmit({ key: this.deps.newKey(), items: this.queue.splice(0, HIDE_BATCH_SIZE) }, true)
    }
  }

  private schedule(ms: number): void {
    this.cancelTimer()
    this.timer = this.deps.setTimer(() => {
      this.timer = null
      this.flush()
    }, ms)
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer)
    this.timer = null
  }

  private flush(): void {
    if (this.gone || this.inFlight.size > 0) return
    const batch =
      this.retries.shift() ??
      (this.queue.length > 0
        ? { key: this.deps.newKey(), items: this.queue.splice(0, this.batchSize) }
        : null)
    if (batch) this.transmit(batch, false)
    else this.settleDrains(null)
  }

  private transmit(batch: Batch, keepalive: boolean): void {
    this.inFlight.set(batch.key, batch)
    this.deps.send(events(batch), batch.key, keepalive).then(
      (participant) => this.arrived(batch, participant),
      (error: unknown) => this.failed(batch, failureOf(error)),
    )
  }

  private arrived(batch: Batch, participant: Participant | null): void {
    this.inFlight.delete(batch.key)
    if (this.failures > 0) this.deps.onTrouble(null)
    this.failures = 0
    const marks = batch.items.flatMap((item) => (item.mark === undefined ? [] : [item.mark]))
    this.deps.onAck(marks, participant)
    this.next()
  }

  private failed(batch: Batch, failure: Failure): void {
    this.inFlight.delete(batch.key)
    if (GONE.has(failure.code)) {
      this.gone = true
      this.queue = []
      this.retries = []
      this.cancelTimer()
      this.deps.onTrouble(failure)
      this.settleDrains(null)
      return
    }
    if (REFUSED.has(failure.code)) {
      // Checked before they were queued (study-events.ts): this cannot happen, and must not jam the rest.
      this.deps.onTrouble(failure)
      this.next()
      return
    }
    // Sent again before anything newer (a keepalive batch that failed goes back in its place too).
    this.retries.push(batch)
    this.retries.sort((a, b) => order(a) - order(b))
    this.failures += 1
    if (this.failures >= 2) this.deps.onTrouble(failure)
    this.settleDrains(failure)
    this.schedule(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.failures - 1)))
  }

  private next(): void {
    if (this.inFlight.size > 0) return
    if (this.retries.length === 0 && this.queue.length === 0) {
      this.settleDrains(null)
      return
    }
    const now =
      this.retries.length > 0 ||
      this.drains.length > 0 ||
      this.queue.length >= this.batchSize ||
      this.queue.some((item) => item.mark !== undefined)
    this.schedule(now ? 0 : this.intervalMs)
  }

  private settleDrains(failure: Failure | null): void {
    if (failure === null && this.size > 0 && !this.gone) return
    const drains = this.drains.splice(0)
    for (const drain of drains) {
      if (failure) drain.reject(failure)
      else drain.resolve()
    }
  }
}

/** Batches keep the order their events came in: the first event's place says where a batch goes. */
function order(batch: Batch): number {
  return batch.items[0]?.seq ?? 0
}

function events(batch: Batch): StudyEvent[] {
  return batch.items.map((item) => item.event)
}
