// npm run bench:restart [-- --small 2000 --runs 5]
// How long the production server takes from spawn to listening over a data folder, in one run on this
// machine. The baseline: a small journal replayed record by record, as every start did before
// snapshots. Then 10× that history as a CI farm makes it (ten rounds, each ended by a reset: the live
// state stays small), with snapshots and without; and 10× the orders all kept (the live state itself
// ten times larger), with snapshots. Budget (issue 14): 10× history within 20 % of the small start. A
// start reads what is live, so a state ten times larger costs what reading it costs: that row shows it.
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { writeHistory } from '../../test/support/history.ts'
import { startServer, stopServer } from '../../test/support/loopback.ts'
import { percentile } from './stats.ts'

const { values } = parseArgs({
  options: { small: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } },
})
const SMALL = Number(values.small)
const RUNS = Number(values.runs)
const NO_SNAPSHOT = String(Number.MAX_SAFE_INTEGER)

const mib = (dir: string) =>
  readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0) / 2 ** 20

/** Spawn → "listening", `RUNS` times after one warm-up start (which may take the first snapshot). */
async function starts(dir: string, env: Record<string, string>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now()
    const server = await startServer({ data: dir, stderr: 'collect', env })
    const ms = performance.now() - t0
    await stopServer(server)
    if (i > 0) times.push(ms)
  }
  return times
}

const root = mkdtempSync(join(tmpdir(), 'gateway-restart-'))
try {
  const small = join(root, 'small')
  const history = join(root, 'history')
  const kept = join(root, 'kept')
  console.log(
    `writing histories: ${SMALL} paid orders; ${SMALL * 10} with 9 resets; ${SMALL * 10} kept…`,
  )
  await writeHistory(small, SMALL, { snapshotBytes: Infinity })
  await writeHistory(history, SMALL * 10, { resets: 9, snapshotBytes: 8 * 2 ** 20 })
  await writeHistory(kept, SMALL * 10, { snapshotBytes: 8 * 2 ** 20 })
  const replayOnly = join(root, 'history-replay')
  cpSync(history, replayOnly, { recursive: true })
  for (const name of readdirSync(replayOnly)) {
    if (name.startsWith('snapshot-')) rmSync(join(replayOnly, name))
  }

  const plain = { GATEWAY_SNAPSHOT_BYTES: NO_SNAPSHOT }
  const snapshots = { GATEWAY_SNAPSHOT_BYTES: String(8 * 2 ** 20) }
  const rows: [string, string, number[]][] = [
    [`small journal, ${SMALL} orders, replayed`, small, await starts(small, plain)],
    [`10× history (resets), snapshots`, history, await starts(history, snapshots)],
    [`10× history (resets), no snapshot`, replayOnly, await starts(replayOnly, plain)],
    [`10× the orders kept, snapshots`, kept, await starts(kept, snapshots)],
  ]
  const base = percentile(rows[0]?.[2] ?? [], 50)
  console.log(`\n== restart: spawn → listening, median of ${RUNS} starts (after one warm-up) ==`)
  for (const [name, dir, times] of rows) {
    const p50 = percentile(times, 50)
    console.log(
      `${name.padEnd(40)} ${p50.toFixed(0).padStart(6)} ms  (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  ` +
        `${(p50 / base).toFixed(2)}× the small start  data ${mib(dir).toFixed(1)} MiB`,
    )
  }
  const ratio = percentile(rows[1]?.[2] ?? [], 50) / base
  console.log(
    `\nbudget: 10× history within 20 % of the small start → ${((ratio - 1) * 100).toFixed(0)} % ${ratio <= 1.2 ? 'ok' : 'OVER'}` +
      ` (10× live orders: ${((percentile(rows[3]?.[2] ?? [], 50) / base - 1) * 100).toFixed(0)} %)`,
  )
} finally {
  rmSync(root, { recursive: true, force: true })
}
