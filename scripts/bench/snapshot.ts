// npm run bench:snapshot [-- --cycles 1000,5000,20000 --runs 3]
// How long taking a snapshot holds the event loop (docs/journal.md): a world's state after N orders paid
// and settled by the merchant (test/support/history.ts, the history `bench:restart` starts from; orders
// kept, as a long run in one world keeps them), written as the journal writes it (`snapshotLines` into a
// temporary file, synced and renamed), and the encoding alone (no file). Beside them the floor measured
// in the same run: `JSON.stringify` of the same tables' entries. A snapshot is one synchronous step (the
// state changes in place), so every world's calls wait this long each time one is taken.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { realDisk } from '../../src/server/store/disk.ts'
import { snapshotLines } from '../../src/server/store/snapshot-codec.ts'
import { openStore } from '../../src/server/store/store.ts'
import { writeHistory } from '../../test/support/history.ts'
import { percentile } from './stats.ts'

const { values } = parseArgs({
  options: {
    cycles: { type: 'string', default: '1000,5000,20000' },
    runs: { type: 'string', default: '3' },
  },
})
const SIZES = values.cycles.split(',').map(Number)
const RUNS = Math.max(1, Number(values.runs))

function timed(run: () => void): number {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return percentile(times, 50)
}

const cell = (value: string, width: number) => value.padStart(width)

const dir = mkdtempSync(join(tmpdir(), 'gateway-snapshot-bench-'))
try {
  console.log(`median of ${RUNS}; ms`)
  console.log(' paid       MiB   snapshot   encoding   floor (stringify)   snapshot ÷ floor')
  for (const cycles of SIZES) {
    const history = join(dir, `history-${cycles}`)
    const { paid } = await writeHistory(history, cycles)
    const store = openStore(history, Date.now, [], { log: () => {} })
    const { state } = store
    const value = {
      version: 1,
      segment: 2,
      worlds: { default: { state, offsetMs: 0, observers: {} } },
    }
    const encoding = timed(() => {
      for (const line of snapshotLines(value)) void line
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
        cell(String(paid), 6),
        cell((statSync(path).size / 2 ** 20).toFixed(1), 9),
        cell(snapshot.toFixed(0), 10),
        cell(encoding.toFixed(0), 10),
        cell(floor.toFixed(0), 19),
        cell((snapshot / floor).toFixed(2), 18),
      ].join(' '),
    )
    store.close()
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
