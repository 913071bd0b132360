// npm run bench:snapshot [-- --cycles 1000,5000,20000 --runs 3]
// How long taking a snapshot holds the event loop (docs/journal.md): a world's state after N create-and-pay
// cycles (orders kept, as a long run in one world keeps them), written as the journal writes it
// (`snapshotLines` into a temporary file, synced and renamed), and the encoding alone (no file). Beside
// them the floor measured in the same run: `JSON.stringify` of the same tables' entries. A snapshot is
// one synchronous step (the state changes in place), so every world's calls wait this long each time.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { realDisk } from '../../src/server/store/disk.ts'
import { snapshotLines } from '../../src/server/store/snapshot-codec.ts'
import { openStore } from '../../src/server/store/store.ts'
import type { Store } from '../../src/server/store/store.ts'
import { placeAndPay } from '../../test/support/history.ts'

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '1000,5000,20000' },
    runs: { type: 'string', default: '3' },
  },
})
const SIZES = values.cycles.split(',').map(Number)
const RUNS = Math.max(1, Number(values.runs))

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

function timed(run: () => void): number {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return median(times)
}

/** A world after `cycles` paid orders of the seeded cart (stock raised so none is refused). */
function worldOf(cycles: number): Store {
  const store = openStore('memory', Date.now, [], { log: () => {} })
  for (const sku of store.state.merchant.skus.values()) sku.stock = Number.MAX_SAFE_INTEGER
  const run = Math.random().toString(36).slice(2, 8)
  for (let i = 0; i < cycles; i++) {
    placeAndPay(store, { order: `o${i}`, payment: `p${i}`, key: `${run}-${i}` })
  }
  return store
}

const cell = (value: string, width: number) => value.padStart(width)

const dir = mkdtempSync(join(tmpdir(), 'gateway-snapshot-bench-'))
try {
  console.log(`median of ${RUNS}; ms`)
  console.log('cycles        MB   snapshot   encoding   floor (stringify)   snapshot ÷ floor')
  for (const cycles of SIZES) {
    const { state } = worldOf(cycles)
    const value = {
      version: 1,
      segment: 2,
      worlds: { default: { state, offsetMs: 0, observers: {} } },
    }
    let bytes = 0
    const encoding = timed(() => {
      bytes = 0
      for (const line of snapshotLines(value)) bytes += line.length
    })
    const path = join(dir, 'snapshot-2.json')
    const snapshot = timed(() => realDisk.writeFileAtomic(path, snapshotLines(value)))
    const tables = [...Object.values(state.merchant), ...Object.values(state.gateway)].filter(
      (t): t is Map<unknown, unknown> | Set<unknown> => t instanceof Map || t instanceof Set,
    )
    const floor = timed(() => {
      for (const table of tables) for (const entry of table) JSON.stringify(entry)
    })
    console.log(
      [
        cell(String(cycles), 6),
        cell((bytes / 2 ** 20).toFixed(1), 9),
        cell(snapshot.toFixed(0), 10),
        cell(encoding.toFixed(0), 10),
        cell(floor.toFixed(0), 19),
        cell((snapshot / floor).toFixed(2), 18),
      ].join(' '),
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
