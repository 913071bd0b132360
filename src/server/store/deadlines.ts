import { dueOf } from '../domain/expiry.ts'
import type { DueItem } from '../domain/expiry.ts'
import type { DomainEvent } from '../domain/events.ts'
import type { StoreObserver } from './observer.ts'

/**
 * Everything that will fall due (orders, pay codes, pay-for-me links), in a min-heap by time, fed from the
 * events. Checking "is anything due?" is O(1), so it runs before every request; what is due comes out in
 * O(log n) each, and the domain decides which of it is still open. Items paid or closed meanwhile just
 * wait here until their time and are then skipped.
 */
export class DeadlineIndex implements StoreObserver {
  #heap: DueItem[] = []
  readonly snapshotKey = 'deadlines'

  applied(event: DomainEvent): void {
    const due = dueOf(event)
    if (due) this.push(due)
  }

  reset(): void {
    this.#heap = []
  }

  save(): DueItem[] {
    return this.#heap
  }

  /** A heap as `save` gave it out: already in heap order. */
  restore(data: unknown): void {
    this.#heap = Array.isArray(data) ? (data as DueItem[]) : []
  }

  get size(): number {
    return this.#heap.length
  }

  /** When the next item falls due (`Infinity` if none). */
  nextAt(): number {
    return this.#heap[0]?.atMs ?? Infinity
  }

  /** Removes and returns the items due by `now`, earliest first. */
  takeDue(now: number): DueItem[] {
    const due: DueItem[] = []
    while (this.nextAt() <= now) {
      const top = this.pop()
      if (top) due.push(top)
    }
    return due
  }

  push(item: DueItem): void {
    const heap = this.#heap
    heap.push(item)
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      const p = heap[parent]
      if (!p || p.atMs <= item.atMs) break
      heap[i] = p
      i = parent
    }
    heap[i] = item
  }

  pop(): DueItem | undefined {
    const heap = this.#heap
    const top = heap[0]
    const last = heap.pop()
    if (heap.length === 0 || !last) return top
    let i = 0
    for (;;) {
      const left = 2 * i + 1
      const right = left + 1
      let child = left
      const l = heap[left]
      const r = heap[right]
      if (!l) break
      if (r && r.atMs < l.atMs) child = right
      const c = heap[child]
      if (!c || c.atMs >= last.atMs) break
      heap[i] = c
      i = child
    }
    heap[i] = last
    return top
  }
}
