// `npm run bench:wechatpay` (scripts/bench/wechatpay.ts): the production server on a free loopback port,
// loaded by wechatpay-axios-plugin with its own signing (and its own verification of every answer):
// signed Native create + query-by-out_trade_no cycles for a while, with bounded concurrency; then cycles
// per second, latencies and the server's CPU per cycle. Once with GATEWAY_DATA=memory, once with a journal.
//
//   npm run bench:wechatpay -- [--seconds 10] [--warmup 3] [--concurrency 8] [--only memory|journal]
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { cpuSeconds, startServer, stopServer } from '../../test/support/loopback.ts'
import { axiosClient, fetchKeys, v3 } from '../../test/support/wechatpay.ts'
import { percentile } from './stats.ts'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '8' },
    only: { type: 'string' },
  },
})
const SECONDS = Number(args.seconds)
const WARMUP = Number(args.warmup)
const CONCURRENCY = Number(args.concurrency)

interface Run {
  cycles: number
  failures: Map<string, number>
  cycle: number[]
  create: number[]
  query: number[]
}

type Api = ReturnType<typeof v3>

async function load(
  api: Api,
  keys: Awaited<ReturnType<typeof fetchKeys>>,
  seconds: number,
  tag: string,
): Promise<Run> {
  const run: Run = { cycles: 0, failures: new Map(), cycle: [], create: [], query: [] }
  const fail = (what: string) => run.failures.set(what, (run.failures.get(what) ?? 0) + 1)
  const end = performance.now() + seconds * 1000
  let n = 0
  const worker = async () => {
    while (performance.now() < end) {
      const outTradeNo = `B${tag}${++n}`
      const t0 = performance.now()
      try {
        await api.post('v3/pay/transactions/native', {
          appid: keys.merchant.appid,
          mchid: keys.merchant.mchid,
          description: '手工粗陶品茗杯',
          out_trade_no: outTradeNo,
          notify_url: 'http://127.0.0.1:9/notify',
          amount: { total: 39_90 },
        })
        const t1 = performance.now()
        run.create.push(t1 - t0)
        const got = await api.get('v3/pay/transactions/out-trade-no/{out_trade_no}', {
          params: { mchid: keys.merchant.mchid },
          out_trade_no: outTradeNo,
        })
        if (got.data.trade_state !== 'NOTPAY')
          throw new Error(`trade_state ${String(got.data.trade_state)}`)
        const t2 = performance.now()
        run.query.push(t2 - t1)
        run.cycle.push(t2 - t0)
        run.cycles += 1
      } catch (error) {
        const status = (error as { response?: { status?: number }; code?: string }).response?.status
        fail(status ? `HTTP ${status}` : String((error as { code?: string }).code ?? error))
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  return run
}

const ms = (x: number) => `${x.toFixed(1)} ms`

async function bench(mode: 'memory' | 'journal') {
  const folder = mode === 'journal' ? mkdtempSync(join(tmpdir(), 'wechatpay-bench-')) : null
  // The per-mchid rate limit (GATEWAY_WECHATPAY_QPS) is lifted: this measures the gateway, not the limit.
  const server = await startServer({
    data: folder ?? 'memory',
    stderr: 'inherit',
    env: { GATEWAY_WECHATPAY_QPS: '1000000' },
  })
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 })
  try {
    const keys = await fetchKeys(server.origin)
    const api = v3(axiosClient(server.origin, keys, { agent }))
    if (WARMUP > 0) await load(api, keys, WARMUP, `W${Date.now()}`)
    const cpuBefore = cpuSeconds(server.child.pid)
    const clientBefore = process.cpuUsage()
    const run = await load(api, keys, SECONDS, `M${Date.now()}`)
    const cpu = cpuSeconds(server.child.pid) - cpuBefore
    const client = process.cpuUsage(clientBefore)
    const rate = run.cycles / SECONDS
    console.log(
      `\n== GATEWAY_DATA=${folder ? 'a temp folder (journal on disk)' : 'memory'}: ${SECONDS} s, ${CONCURRENCY} cycles in flight, wechatpay-axios-plugin signing and verifying ==`,
    )
    console.log(`signed create + query cycles/s   ${rate.toFixed(0)}  (${run.cycles} cycles)`)
    console.log(
      `cycle latency                    p50 ${ms(percentile(run.cycle, 50))}  p99 ${ms(percentile(run.cycle, 99))}`,
    )
    for (const [name, lat] of [
      ['POST /v3/pay/transactions/native', run.create],
      ['GET  …/out-trade-no/{no}', run.query],
    ] as const) {
      console.log(
        `${name.padEnd(33)}p50 ${ms(percentile(lat, 50))}  p99 ${ms(percentile(lat, 99))}`,
      )
    }
    const perCycle = (cpu / run.cycles) * 1e6
    console.log(
      `server CPU                       ${cpu.toFixed(1)} s: ${perCycle.toFixed(0)} µs a cycle → ${(1e6 / perCycle).toFixed(0)} cycles per CPU-second`,
    )
    const clientSeconds = (client.user + client.system) / 1e6
    console.log(
      `client (SDK) CPU                 ${clientSeconds.toFixed(1)} s: ${((clientSeconds / run.cycles) * 1e6).toFixed(0)} µs a cycle (same machine)`,
    )
    console.log(
      `failed cycles                    ${run.failures.size === 0 ? 0 : JSON.stringify(Object.fromEntries(run.failures))}`,
    )
    return run.failures.size === 0
  } finally {
    agent.destroy()
    await stopServer(server)
    if (folder) rmSync(folder, { recursive: true, force: true })
  }
}

const modes: ('memory' | 'journal')[] =
  args.only === 'memory' || args.only === 'journal' ? [args.only] : ['memory', 'journal']
let ok = true
for (const mode of modes) ok = (await bench(mode)) && ok
process.exitCode = ok ? 0 : 1
