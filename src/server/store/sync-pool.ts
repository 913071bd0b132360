import { fdatasyncSync } from 'node:fs'
import { getSystemErrorName } from 'node:util'
import { Worker } from 'node:worker_threads'

/**
 * fdatasync of several files at once, still synchronous for the caller: a turn's group commit that
 * touched many worlds (each journals in its own folder) waits for the slowest of their syncs, not for
 * their sum. The file system commits concurrent syncs together, so k files cost about one sync.
 *
 * The caller's thread takes files to sync from a shared queue beside a few worker threads and blocks
 * (Atomics.wait) until all are done: from JavaScript's side nothing runs in between, exactly as with
 * `fdatasyncSync` one after another, so the store's write-ahead rules hold unchanged.
 */

const WORKERS = 3
const MAX_FILES = 1024
// Shared layout (Int32 slots): a counter bumped each round (what the workers wait on), the round's
// queue, how many of its files are done, then each file's fd, then each one's outcome (0 or -errno).
// The queue is one word, so that taking a file is one compare-and-swap that also checks the round:
// a tag (9 bits), the count (11 bits) and the next index (11 bits). No stale taker can take a file
// of a later round, nor count one twice.
const ROUND = 0
const QUEUE = 1
const DONE = 2
const FDS = 3
const RESULTS = FDS + MAX_FILES
const BITS = 11
const MASK = (1 << BITS) - 1

/** Takes the next file of the round from the queue: its index, or -1 when none is left. */
function take(s: Int32Array): number {
  for (;;) {
    const queue = Atomics.load(s, QUEUE)
    const index = queue & MASK
    if (index >= ((queue >>> BITS) & MASK)) return -1
    if (Atomics.compareExchange(s, QUEUE, queue, queue + 1) === queue) return index
  }
}

/** Syncs file `index` of the round and says so: the last one done wakes the thread waiting. */
function syncOne(s: Int32Array, index: number, count: number): void {
  let outcome = 0
  try {
    fdatasyncSync(s[FDS + index] ?? -1)
  } catch (error) {
    outcome = errnoOf(error)
  }
  Atomics.store(s, RESULTS + index, outcome)
  if (Atomics.add(s, DONE, 1) + 1 === count) Atomics.notify(s, DONE)
}

function errnoOf(error: unknown): number {
  return error instanceof Error && 'errno' in error && typeof error.errno === 'number'
    ? error.errno
    : -5
}

/**
 * The worker: wait for a round, take files from the queue, sync them. Plain JavaScript, no loader, and
 * written out rather than built from the functions above (a transpiler may rename what they use).
 */
const WORKER_SOURCE = `
const { fdatasyncSync } = require('node:fs')
const { workerData } = require('node:worker_threads')
const s = new Int32Array(workerData)
const take = () => {
  for (;;) {
    const queue = Atomics.load(s, ${QUEUE})
    const index = queue & ${MASK}
    if (index >= ((queue >>> ${BITS}) & ${MASK})) return [-1, 0]
    if (Atomics.compareExchange(s, ${QUEUE}, queue, queue + 1) === queue) return [index, (queue >>> ${BITS}) & ${MASK}]
  }
}
let seen = 0
for (;;) {
  Atomics.wait(s, ${ROUND}, seen)
  seen = Atomics.load(s, ${ROUND})
  for (let [i, count] = take(); i >= 0; [i, count] = take()) {
    let outcome = 0
    try { fdatasyncSync(s[${FDS} + i]) } catch (error) { outcome = typeof error.errno === 'number' ? error.errno : -5 }
    Atomics.store(s, ${RESULTS} + i, outcome)
    if (Atomics.add(s, ${DONE}, 1) + 1 === count) Atomics.notify(s, ${DONE})
  }
}
`

let shared: Int32Array | null = null

function pool(): Int32Array {
  if (shared) return shared
  const memory = new SharedArrayBuffer((RESULTS + MAX_FILES) * 4)
  shared = new Int32Array(memory)
  for (let i = 0; i < WORKERS; i++) {
    // Plain JavaScript, no loader: the workers only ever call fdatasync.
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: memory, execArgv: [] })
    // They never hold the process open, nor outlive it.
    worker.unref()
  }
  return shared
}

function syncError(errno: number): Error {
  let code = 'EIO'
  try {
    code = getSystemErrorName(errno)
  } catch {
    // An errno Node has no name for: EIO says enough.
  }
  return Object.assign(new Error(`${code}: fdatasync failed`), { code, errno })
}

/** Syncs every fd; answers each one's failure (`null`: durable). Blocks until all are done. */
export function syncAll(fds: readonly number[]): (Error | null)[] {
  if (fds.length <= 1 || fds.length > MAX_FILES) {
    return fds.map((fd) => {
      try {
        fdatasyncSync(fd)
        return null
      } catch (error) {
        return error instanceof Error ? error : syncError(-5)
      }
    })
  }
  const s = pool()
  fds.forEach((fd, i) => (s[FDS + i] = fd))
  Atomics.store(s, DONE, 0)
  const tag = (((Atomics.load(s, QUEUE) >>> (2 * BITS)) + 1) & 0x1ff) << (2 * BITS)
  Atomics.store(s, QUEUE, tag | (fds.length << BITS))
  Atomics.add(s, ROUND, 1)
  Atomics.notify(s, ROUND)
  // This thread takes its share too: with the workers still starting, it does them all.
  for (let i = take(s); i >= 0; i = take(s)) syncOne(s, i, fds.length)
  for (let done = Atomics.load(s, DONE); done < fds.length; done = Atomics.load(s, DONE)) {
    Atomics.wait(s, DONE, done)
  }
  return fds.map((_, i) => {
    const outcome = s[RESULTS + i] ?? 0
    return outcome === 0 ? null : syncError(outcome)
  })
}
