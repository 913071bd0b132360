// `npm run bench:gateway`: the production server on a free loopback port, loaded with create-order +
// create-payment + confirm cycles for a while with bounded concurrency; then throughput, latencies and
// the money check, read from /api/__test/state. Once with GATEWAY_DATA=memory, once with a real journal.
//
//   npm run bench:gateway -- [--seconds 10] [--warmup 5] [--concurrency 16] [--only memory|journal]
//                            [--timeline] [--cpu-prof]
// The first seconds run with V8 still compiling: a warm-up run comes first and is not counted. The
// server's own CPU time is printed too: on a shared machine it says what one core does.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { TestStateSchema } from '../contract/test-api.ts'
import type { TestState } from '../contract/test-api.ts'

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

interface Server {
  child: ChildProcess
  port: number
}

function startServer(data: string): Promise<Server> {
  const loader = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href
  const profiles = join(tmpdir(), 'gateway-bench-prof')
  const flags = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : []
  if (args['cpu-prof']) console.log(`server CPU profile → ${profiles}`)
  const child = spawn(
    process.execPath,
    [...flags, '--import', loader, resolve('src/server/main.ts')],
    {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        GATEWAY_DATA: data,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  return new Promise((done, fail) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /http:\/\/localhost:(\d+)\//.exec(out)
      if (match) done({ child, port: Number(match[1]) })
    })
    child.once('exit', (code) => fail(new Error(`server exited (${code}): ${out}`)))
  })
}

function stopServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.child.removeAllListeners('exit')
    server.child.once('exit', () => done())
    server.child.kill('SIGINT')
  })
}

/** A minimal keep-alive JSON client: the load generator must not be the bottleneck. */
function client(port: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 })
  return {
    agent,
    call(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
      return new Promise<{ status: number; text: string }>((done, fail) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method,
            path,
            agent,
            headers: body ? { 'content-type': 'application/json', ...headers } : headers,
          },
          (res) => {
            let text = ''
            res.setEncoding('utf8')
            res.on('data', (chunk: string) => (text += chunk))
            res.on('end', () => done({ status: res.statusCode ?? 0, text }))
          },
        )
        req.on('error', fail)
        req.end(body)
      })
    },
  }
}

type Client = ReturnType<typeof client>

const LINE = JSON.stringify({ lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' })
const PASSWORD = JSON.stringify({ password: '123456' })

class Latencies {
  readonly samples: number[] = []
  add(ms: number) {
    this.samples.push(ms)
  }
  quantile(q: number): number {
    const sorted = Float64Array.from(this.samples).sort()
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  }
}

interface Run {
  cycles: number
  failures: Map<string, number>
  cycle: Latencies
  order: Latencies
  pay: Latencies
  confirm: Latencies
  seconds: number
}

async function load(api: Client, seconds: number, tag: string): Promise<Run> {
  const run: Run = {
    cycles: 0,
    failures: new Map(),
    cycle: new Latencies(),
    order: new Latencies(),
    pay: new Latencies(),
    confirm: new Latencies(),
    seconds,
  }
  let n = 0
  const fail = (what: string) => run.failures.set(what, (run.failures.get(what) ?? 0) + 1)
  const timed = async (
    into: Latencies,
    method: string,
    path: string,
    body: string,
    headers?: Record<string, string>,
  ) => {
    const t0 = performance.now()
    const res = await api.call(method, path, body, headers)
    into.add(performance.now() - t0)
    return res
  }
  const start = performance.now()
  const end = start + seconds * 1000
  const perSecond: number[] = []
  const worker = async () => {
    while (performance.now() < end) {
      const i = ++n
      const t0 = performance.now()
      const order = await timed(run.order, 'POST', '/api/shop/orders', LINE, {
        'idempotency-key': `bench-${tag}-o-${i}`,
      })
      if (order.status !== 201) {
        fail(`order ${order.status}`)
        continue
      }
      const orderId = (JSON.parse(order.text) as { id: string }).id
      const pay = await timed(
        run.pay,
        'POST',
        '/api/pay/payments',
        `{"orderId":"${orderId}","method":"alipay-balance"}`,
        {
          'idempotency-key': `bench-${tag}-p-${i}`,
        },
      )
      if (pay.status !== 201) {
        fail(`payment ${pay.status}`)
        continue
      }
      const paymentId = (JSON.parse(pay.text) as { id: string }).id
      const confirm = await timed(
        run.confirm,
        'POST',
        `/api/pay/payments/${paymentId}/confirm`,
        PASSWORD,
      )
      if (confirm.status !== 200) {
        fail(`confirm ${confirm.status} ${confirm.text.slice(0, 60)}`)
        continue
      }
      const done = performance.now()
      run.cycle.add(done - t0)
      run.cycles += 1
      const second = Math.floor((done - start) / 1000)
      perSecond[second] = (perSecond[second] ?? 0) + 1
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  if (args.timeline) {
    // Whole seconds only: the last partial one would read as a drop.
    const whole = [...perSecond].slice(0, Math.floor(seconds)).map((n) => n ?? 0)
    console.log(`cycles per second, second by second: ${whole.join(' ')}`)
  }
  return run
}

async function state(api: Client): Promise<TestState> {
  return TestStateSchema.parse(JSON.parse((await api.call('GET', '/api/__test/state')).text))
}

function moneyInPlay(s: TestState): number {
  let total = 0
  for (const wallet of Object.values(s.wallets))
    for (const fen of Object.values(wallet)) total += fen
  for (const p of s.payments) if (p.status === 'SUCCESS') total += p.amountFen
  return total
}

function audit(before: TestState, after: TestState) {
  const successes = new Map<string, number>()
  for (const p of after.payments) {
    if (p.status === 'SUCCESS') successes.set(p.orderId, (successes.get(p.orderId) ?? 0) + 1)
  }
  const doubles = [...successes.values()].filter((count) => count > 1).length
  const orders = new Map(after.orders.map((o) => [o.id, o]))
  const unpaid = after.payments.filter(
    (p) => p.status === 'SUCCESS' && orders.get(p.orderId)?.status !== 'PAID',
  ).length
  const drift = moneyInPlay(after) - moneyInPlay(before)
  return { doubles, unpaid, drift, successes: [...successes.values()].reduce((a, b) => a + b, 0) }
}

const ms = (x: number) => `${x.toFixed(1)} ms`

/** CPU seconds (user + system) the process has used so far (Linux), or NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return NaN
  }
}

async function bench(mode: 'memory' | 'journal') {
  const folder = mode === 'journal' ? mkdtempSync(join(tmpdir(), 'gateway-bench-')) : null
  const server = await startServer(folder ?? 'memory')
  const api = client(server.port)
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
      `cycle latency       p50 ${ms(run.cycle.quantile(0.5))}  p99 ${ms(run.cycle.quantile(0.99))}`,
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
        `${name.padEnd(20)}p50 ${ms(lat.quantile(0.5))}  p99 ${ms(lat.quantile(0.99))}  (budget p99 ≤ ${BUDGET.p99Ms} ms)`,
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
    if (folder)
      console.log(
        `journal             ${(statSync(join(folder, 'journal.jsonl')).size / 1e6).toFixed(1)} MB`,
      )
    return {
      rate,
      p99: Math.max(run.order.quantile(0.99), run.pay.quantile(0.99), run.confirm.quantile(0.99)),
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
