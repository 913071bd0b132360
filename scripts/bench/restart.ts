// npm run bench:restart [-- --small 2000 --runs 5 --events 1000000 --worlds 100 --world-events 1000 --only farm|small|floor]
// How long the production server takes from spawn to listening over a data folder, in one run on this
// machine, as it ships: the build's server bundle (`node <dist>/server/main.mjs`, decision 017) of
// DIST_DIR's build, or of a fresh one (scripts/bench/build.ts). First the floor, an empty folder, for the
// bundle and for main.ts through tsx (`npm run serve:src`), so what the bundle saves shows in the run. The baseline: a small journal replayed record by record, as every start did before
// snapshots. Then 10× that history as a CI farm makes it (ten rounds, each ended by a reset: the live
// state stays small), with snapshots and without; and 10× the orders all kept (the live state itself
// ten times larger), with snapshots. Budget (issue 14): 10× history within 20 % of the small start. A
// start reads what is live, so a state ten times larger costs what reading it costs: that row shows it.
// Last, a CI farm's folder of a million events (issue 25, budget: restart ≤ 1 s): see `farm` below.
import { cpSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { appendTail, writeFarm, writeHistory } from '../../test/support/history.ts'
import { startServer, stopServer } from '../../test/support/loopback.ts'
import { serverBundleOf } from '../../src/server/server-bundle.ts'
import { snapshotThreshold } from '../../src/server/store/journal.ts'
import { prepareBuild } from './build.ts'
import { percentile } from './stats.ts'

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    events: { type: 'string', default: '1000000' },
    worlds: { type: 'string', default: '100' },
    'world-events': { type: 'string', default: '1000' },
    /** `small`: the rows of issue 14 only; `farm`: the million events only; `floor`: the floors only. */
    only: { type: 'string' },
  },
})
const SMALL = Number(values.small)
const RUNS = Number(values.runs)
const NO_SNAPSHOT = String(Number.MAX_SAFE_INTEGER)
/** The server's default threshold (GATEWAY_SNAPSHOT_BYTES). */
const SNAPSHOT_BYTES = 32 * 2 ** 20

/** Bytes of a folder and its sub-folders (a farm's worlds), in MiB. */
const bytesOf = (path: string): number =>
  statSync(path).isDirectory()
    ? readdirSync(path).reduce((sum, name) => sum + bytesOf(join(path, name)), 0)
    : statSync(path).size
const mib = (dir: string) => bytesOf(dir) / 2 ** 20

const build = prepareBuild()
const BUNDLE = serverBundleOf(build.dist)
if (!existsSync(BUNDLE))
  throw new Error(`${build.dist} has no server bundle (${BUNDLE}): build it again`)
/** How a start is made: the bundle, as the server ships, or main.ts through tsx. */
type Runner = 'bundle' | 'tsx'

/** Spawn → "listening", `RUNS` times after one warm-up start (which may take the first snapshot). */
async function starts(
  dir: string,
  env: Record<string, string>,
  runner: Runner = 'bundle',
): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now()
    const server = await startServer({
      data: dir,
      stderr: 'collect',
      env,
      timeoutMs: 10 * 60_000,
      ...(runner === 'bundle' ? { bundle: BUNDLE } : {}),
    })
    const ms = performance.now() - t0
    await stopServer(server)
    if (i > 0) times.push(ms)
  }
  return times
}

const root = mkdtempSync(join(tmpdir(), 'gateway-restart-'))
try {
  const floor = await floorRows()
  if (values.only !== 'farm' && values.only !== 'floor') await smallRows()
  if (values.only !== 'small' && values.only !== 'floor') await farmRows(floor)
} finally {
  rmSync(root, { recursive: true, force: true })
  if (build.fresh) rmSync(build.dist, { recursive: true, force: true })
}

/**
 * The floor: the server over an empty folder (loading its code, keys, the default world's seed; the
 * warm-up start makes the keys), as the bundle and through tsx. Returns the bundle's starts.
 */
async function floorRows(): Promise<number[]> {
  const bundled = await starts(join(root, 'empty-bundle'), {}, 'bundle')
  const tsx = await starts(join(root, 'empty-tsx'), {}, 'tsx')
  const row = (name: string, times: number[]) =>
    `${name.padEnd(40)} ${percentile(times, 50).toFixed(0).padStart(6)} ms  median of ${RUNS} ` +
    `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`
  console.log(`== the floor: an empty folder, spawn → listening ==`)
  console.log(row('the bundle (node dist/server/main.mjs)', bundled))
  console.log(row('main.ts through tsx', tsx))
  console.log(
    `the bundle saves ${(percentile(tsx, 50) - percentile(bundled, 50)).toFixed(0)} ms a start\n`,
  )
  return bundled
}

async function smallRows() {
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
}

/** One start, timed, without a warm-up (the first over a folder, or one too long to repeat). */
async function once(dir: string, env: Record<string, string>): Promise<number> {
  const t0 = performance.now()
  const server = await startServer({
    data: dir,
    stderr: 'collect',
    env,
    timeoutMs: 10 * 60_000,
    bundle: BUNDLE,
  })
  const ms = performance.now() - t0
  await stopServer(server)
  return ms
}

/**
 * A million events as a CI farm leaves them: the default world's long history in rounds of 40,000
 * events, each ended by a reset (a suite's run on the shared world), cut into the server's 32 MiB
 * segments; and `--worlds` created worlds still alive (jobs in flight, or not yet expired) with
 * `--world-events` each (a suite's run: a quarter as many paid orders), too short for a snapshot of
 * their own, as the server leaves them. Every event is a copy of a real paid-order cycle (order
 * created, payment created, payment succeeded, order paid) with fresh ids; the count is the file's.
 * The first start replays all of it and takes a snapshot, as the server does; then half the journal the
 * server lets grow after that snapshot (its threshold, `snapshotThreshold`: the mean tail a start
 * replays) goes after it, and the starts are timed; then the tail is grown to just under the threshold
 * (the most a start replays) and timed again. Then once with every snapshot removed, for comparison.
 */
async function farmRows(floor: number[]) {
  const farm = join(root, 'farm')
  const t0 = performance.now()
  const written = await writeFarm(farm, {
    events: Number(values.events),
    worlds: Number(values.worlds),
    eventsPerWorld: Number(values['world-events']),
    resetEvery: 40_000,
    segmentBytes: SNAPSHOT_BYTES,
  })
  console.log(
    `\nfarm: ${written.events} events in ${written.records} records (${written.paidOrders} paid orders), ` +
      `${(written.bytes / 2 ** 20).toFixed(0)} MiB: the default world and ${values.worlds} created worlds ` +
      `of ${values['world-events']} events; written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  )
  const first = await once(farm, {})
  const snapshot = readdirSync(farm).find((name) => name.startsWith('snapshot-'))
  console.log(
    `first start (replays everything, then snapshots: ${snapshot ?? 'none taken'}): ${(first / 1000).toFixed(1)} s`,
  )
  const snapshotSize = snapshot ? statSync(join(farm, snapshot)).size : 0
  const threshold = snapshotThreshold(snapshotSize, SNAPSHOT_BYTES)
  const tail = await appendTail(farm, threshold / 2)
  const live = written.liveEvents + tail
  console.log(
    `snapshot ${(snapshotSize / 2 ** 20).toFixed(1)} MiB, so the next is due after ${(threshold / 2 ** 20).toFixed(1)} MiB of journal; ` +
      `tail after it: ${tail} events (${(threshold / 2 ** 21).toFixed(1)} MiB, half of that); ` +
      `${written.events + tail} events in all, ${live} live once read (the rest before a reset)`,
  )
  const times = await starts(farm, {})
  // What the created worlds cost: the same folder with them moved aside (the default world alone).
  const size = mib(farm)
  renameSync(join(farm, 'worlds'), join(root, 'worlds-aside'))
  const alone = await starts(farm, {})
  renameSync(join(root, 'worlds-aside'), join(farm, 'worlds'))
  // The longest tail a start replays: just under the threshold (one more write would take a snapshot).
  const more = await appendTail(farm, threshold / 2 - 2 ** 20)
  const longest = await starts(farm, {})
  for (const name of readdirSync(farm)) if (name.startsWith('snapshot-')) rmSync(join(farm, name))
  const replayed = await once(farm, { GATEWAY_SNAPSHOT_BYTES: NO_SNAPSHOT })
  const p50 = percentile(times, 50)
  console.log(`\n== restart over ${written.events + tail} events: spawn → listening ==`)
  console.log(
    `${'snapshots as the server takes them'.padEnd(40)} ${p50.toFixed(0).padStart(6)} ms  median of ${RUNS} ` +
      `(min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  data ${size.toFixed(0)} MiB`,
  )
  console.log(
    `${'  of which the default world alone'.padEnd(40)} ${percentile(alone, 50).toFixed(0).padStart(6)} ms  median of ${RUNS} ` +
      `(the ${values.worlds} created worlds: ${(p50 - percentile(alone, 50)).toFixed(0)} ms)`,
  )
  console.log(
    `${'  the longest tail (+' + more + ' events)'.padEnd(40)} ${percentile(longest, 50).toFixed(0).padStart(6)} ms  median of ${RUNS} ` +
      `(min ${Math.min(...longest).toFixed(0)}, max ${Math.max(...longest).toFixed(0)})`,
  )
  console.log(`${'no snapshot (one run)'.padEnd(40)} ${replayed.toFixed(0).padStart(6)} ms`)
  console.log(
    `${'the floor: an empty folder'.padEnd(40)} ${percentile(floor, 50).toFixed(0).padStart(6)} ms  median of ${RUNS} ` +
      `(min ${Math.min(...floor).toFixed(0)}, max ${Math.max(...floor).toFixed(0)}): the million costs ` +
      `${(p50 - percentile(floor, 50)).toFixed(0)} ms over it`,
  )
  console.log(`\nbudget: restart ≤ 1000 ms → ${p50.toFixed(0)} ms ${p50 <= 1000 ? 'ok' : 'OVER'}`)
}
