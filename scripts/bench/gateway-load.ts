// `npm run bench:gateway` (scripts/bench/gateway-load.ts): the production server on a free loopback port, loaded with create-order +
// create-payment + confirm cycles for a while with bounded concurrency; then throughput, latencies and
// the money check, read from /api/__test/state. Once with GATEWAY_DATA=memory, once with a real journal.
//
//   npm run bench:gateway -- [--seconds 10] [--warmup 5] [--concurrency 16] [--only memory|journal]
//                            [--timeline] [--cpu-prof]
// The first seconds run with V8 still compiling: a warm-up run comes first and is not counted. The
// server's own CPU time is printed too: on a shared machine it says what one core does.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { TestStateSchema } from '../../src/contract/test-api.ts'
import type { TestState } from '../../src/contract/test-api.ts'
import { cpuSeconds, jsonClient, startServer, stopServer } from '../../test/support/loopback.ts'
import type { JsonClient } from '../../test/support/loopback.ts'
import { audit } from '../../test/support/money-audit.ts'
import { runCycles } from './cycles.ts'
import { percentile } from './stats.ts'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '16' },
    only: { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    timeline: { type: 'boolean', default: false },
  },
})
const SECONDS = Number(args.seconds)
const WARMUP = Number(args.warmup)
const CONCURRENCY = Number(args.concurrency)

const BUDGET = { cyclesPerSecond: 2000, p99Ms: 50 }

function startBenchServer(data: string) {
  const profiles = join(tmpdir(), 'gateway-bench-prof')
  if (args['cpu-prof']) console.log(`server CPU profile → ${profiles}`)
  const nodeFlags = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : []
  return startServer({ data, nodeFlags, stderr: 'inherit' })
}

type Client = JsonClient

const load = (api: Client, seconds: number, tag: string) =>
  runCycles(api, { seconds, concurrency: CONCURRENCY, tag, timeline: args.timeline })

async function state(api: Client): Promise<TestState> {
  return TestStateSchema.parse(JSON.parse((await api.call('GET', '/api/__test/state')).text))
}

const ms = (x: number) => `${x.toFixed(1)} ms`

/** Bytes of journal in a data folder: every segment (`journal-NNNNNN.jsonl`, or an older `journal.jsonl`). */
function journalBytes(folder: string): number {
  return readdirSync(folder)
    .filter((name) => /^journal.*\.jsonl$/.test(name))
    .reduce((sum, name) => sum + statSync(join(folder, name)).size, 0)
}

async function bench(mode: 'memory' | 'journal') {
  const folder = mode === 'journal' ? mkdtempSync(join(tmpdir(), 'gateway-bench-')) : null
  const server = await startBenchServer(folder ?? 'memory')
  const api = jsonClient(server.port, CONCURRENCY * 2)
  try {
    await api.call('POST', '/api/__test/reset')
    await api.call(
      'POST',
      '/api/__test/stock',
      JSON.stringify({ skuId: 'sku-mug-150', stock: 100_000_000 }),
    )
    await api.call(
      'POST',
      '/api/__test/wallets',
      JSON.stringify({ persona: 'shopper', wallet: { alipayBalanceFen: 10_000_000_000 } }),
    )
    const before = await state(api)
    if (WARMUP > 0) await load(api, WARMUP, `${mode}-warm-${Date.now()}`)
    const cpuBefore = cpuSeconds(server.child.pid)
    const run = await load(api, SECONDS, `${mode}-${Date.now()}`)
    const cpu = cpuSeconds(server.child.pid) - cpuBefore
    // Let the last notifications land (they are asynchronous), then audit everything.
    await new Promise((r) => setTimeout(r, 500))
    const after = await state(api)
    const result = audit(before, after)
    const rate = run.cycles / run.seconds
    console.log(
      `\n== GATEWAY_DATA=${folder ? 'a temp folder (journal on disk)' : 'memory'}: ${SECONDS} s, ${CONCURRENCY} cycles in flight ==`,
    )
    console.log(
      `cycles/s            ${rate.toFixed(0)}  (${run.cycles} cycles; budget ≥ ${BUDGET.cyclesPerSecond})`,
    )
    console.log(
      `cycle latency       p50 ${ms(percentile(run.cycle, 50))}  p99 ${ms(percentile(run.cycle, 99))}`,
    )
    // The machine may be shared: the server's own CPU time per cycle says what one core can do.
    const perCycle = (cpu / run.cycles) * 1e6
    console.log(
      `server CPU          ${cpu.toFixed(1)} s over ${run.seconds} s: ${perCycle.toFixed(0)} µs a cycle → ${(1e6 / perCycle).toFixed(0)} cycles per CPU-second`,
    )
    for (const [name, lat] of [
      ['POST /shop/orders', run.order],
      ['POST /pay/payments', run.pay],
      ['POST …/confirm', run.confirm],
    ] as const) {
      console.log(
        `${name.padEnd(20)}p50 ${ms(percentile(lat, 50))}  p99 ${ms(percentile(lat, 99))}  (budget p99 ≤ ${BUDGET.p99Ms} ms)`,
      )
    }
    console.log(
      `failed requests     ${run.failures.size === 0 ? 0 : JSON.stringify(Object.fromEntries(run.failures))}`,
    )
    console.log(`double payments     ${result.doubles}  (orders with more than one SUCCESS)`)
    console.log(`lost payments       ${result.unpaid}  (SUCCESS payments whose order is not PAID)`)
    console.log(
      `money drift         ${result.drift} fen  (wallets + merchant receipts, before vs after)`,
    )
    console.log(`orders / SUCCESS    ${after.orders.length} / ${result.successes}`)
    if (folder) console.log(`journal             ${(journalBytes(folder) / 1e6).toFixed(1)} MB`)
    return {
      rate,
      p99: Math.max(
        percentile(run.order, 99),
        percentile(run.pay, 99),
        percentile(run.confirm, 99),
      ),
      ...result,
    }
  } finally {
    api.agent.destroy()
    await stopServer(server)
    if (folder) rmSync(folder, { recursive: true, force: true })
  }
}

const modes: ('memory' | 'journal')[] =
  args.only === 'memory' || args.only === 'journal' ? [args.only] : ['memory', 'journal']
let ok = true
for (const mode of modes) {
  const r = await bench(mode)
  ok &&= r.doubles === 0 && r.unpaid === 0 && r.drift === 0
}
console.log(
  ok
    ? '\nmoney: no double payment, no lost payment, every fen accounted for'
    : '\nMONEY CHECK FAILED',
)
process.exitCode = ok ? 0 : 1
