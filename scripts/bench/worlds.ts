// npm run bench:worlds [-- --seconds 8 --warmup 3 --concurrency 16 --rounds 300]
// The production server (GATEWAY_DATA=memory) on a free loopback port, in one run:
// 1. a world's life as a test sees it: create it, place its first order, reset it (then delete it),
//    `--rounds` times one after another: p50/p99 of each step and of the three together (target:
//    p99 under 5 ms);
// 2. create-and-pay cycles/s with 1, 10 and 100 busy worlds at once, the same load spread over them
//    (target: within 10 % of one world);
// 3. memory (issue 25), in this process after a full GC: bytes per idle world (`--memory-worlds`
//    created, nothing else) and per paid order (`--memory-orders` create-pay-confirm cycles in one world,
//    notifications delivered).
import { performance } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { parseArgs } from 'node:util'
import { SEED_CART } from '../../src/server/domain/seed.ts'
import { newTestToken } from '../../src/server/http/test-guard.ts'
import { startRuntime } from '../../src/server/runtime.ts'
import { jsonClient, startServer, stopServer } from '../../test/support/loopback.ts'
import type { JsonClient } from '../../test/support/loopback.ts'
import { runCycles } from './cycles.ts'
import { must, stockForLoad } from './test-calls.ts'
import { fileURLToPath } from 'node:url'
import { percentile } from './stats.ts'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '300' },
    'memory-worlds': { type: 'string', default: '500' },
    'memory-orders': { type: 'string', default: '5000' },
    /** `memory`: only the memory figures. */
    only: { type: 'string' },
    /** Flags for the server's node, e.g. `--node-flag=--trace-gc` or `--node-flag=--cpu-prof`. */
    'node-flag': { type: 'string', multiple: true, default: [] },
  },
})
const SECONDS = Number(values.seconds)
const WARMUP = Number(values.warmup)
const CONCURRENCY = Number(values.concurrency)
const ROUNDS = Number(values.rounds)

const BARE_HONO = fileURLToPath(new URL('./bare-hono.ts', import.meta.url))
const ms = (x: number) => `${x.toFixed(2)} ms`
const spreadOf = (xs: number[]) => `p50 ${ms(percentile(xs, 50))}  p99 ${ms(percentile(xs, 99))}`

async function newWorld(api: JsonClient): Promise<string> {
  return String((await must(api, 'POST', '/api/__test/worlds', {})).world)
}

/** A world with stock and money enough for a long load. */
async function stocked(api: JsonClient): Promise<string> {
  const world = await newWorld(api)
  await stockForLoad(api, world)
  return world
}

async function lifecycle(api: JsonClient) {
  const create: number[] = []
  const order: number[] = []
  const reset: number[] = []
  const all: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now()
    const world = await newWorld(api)
    const t1 = performance.now()
    const headers = {
      'x-sim-world': world,
      'x-sim-persona': 'shopper',
      'idempotency-key': `lifecycle-${i}`,
    }
    await must(api, 'POST', '/api/shop/orders', { lines: SEED_CART, addressId: 'addr-hz' }, headers)
    const t2 = performance.now()
    await must(api, 'POST', '/api/__test/reset', undefined, { 'x-sim-world': world })
    const t3 = performance.now()
    await must(api, 'DELETE', `/api/__test/worlds/${world}`)
    create.push(t1 - t0)
    order.push(t2 - t1)
    reset.push(t3 - t2)
    all.push(t3 - t0)
  }
  return { create, order, reset, all }
}

async function busy(api: JsonClient, count: number): Promise<number> {
  const worlds = await Promise.all(Array.from({ length: count }, () => stocked(api)))
  const headersFor = (i: number) => ({ 'x-sim-world': worlds[i % worlds.length] ?? 'default' })
  const tag = `w${count}-${Date.now()}`
  if (WARMUP > 0)
    await runCycles(api, {
      seconds: WARMUP,
      concurrency: CONCURRENCY,
      tag: `${tag}-warm`,
      headersFor,
    })
  const run = await runCycles(api, { seconds: SECONDS, concurrency: CONCURRENCY, tag, headersFor })
  for (const world of worlds) await must(api, 'DELETE', `/api/__test/worlds/${world}`)
  const failures = [...run.failures.values()].reduce((a, b) => a + b, 0)
  if (failures > 0)
    console.log(
      `  ${count} worlds: ${failures} failed cycles: ${[...run.failures.keys()].join(', ')}`,
    )
  return run.cycles / run.seconds
}

/** The same life, call for call, against a bare Hono app (scripts/bench/bare-hono.ts): the floor. */
async function bareLifecycle() {
  const bare = await startServer({ data: 'memory', stderr: 'inherit', entry: BARE_HONO })
  const client = jsonClient(bare.port, 2)
  try {
    for (let i = 0; i < 50; i++) await lifecycleOnce(client, i)
    const all: number[] = []
    for (let i = 0; i < ROUNDS; i++) all.push(await lifecycleOnce(client, i))
    return all
  } finally {
    client.agent.destroy()
    await stopServer(bare)
  }
}

/** Create, first order, reset (timed, in ms), then delete. */
async function lifecycleOnce(client: JsonClient, i: number): Promise<number> {
  const t0 = performance.now()
  const world = await newWorld(client)
  const headers = { 'x-sim-world': world, 'idempotency-key': `bare-${i}` }
  await must(
    client,
    'POST',
    '/api/shop/orders',
    { lines: SEED_CART, addressId: 'addr-hz' },
    headers,
  )
  await must(client, 'POST', '/api/__test/reset', undefined, headers)
  const took = performance.now() - t0
  await must(client, 'DELETE', `/api/__test/worlds/${world}`)
  return took
}

/** Calls the app's own `fetch` in this process (no socket), with the test token: its JSON, or an error. */
function inProcessCaller(runtime: ReturnType<typeof startRuntime>, token: string) {
  return async (method: string, path: string, body?: unknown, headers = {}) => {
    const res = await runtime.app.request(`http://localhost${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-sim-test-token': token, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as Record<string, unknown>
  }
}

/**
 * The same life inside this process, through the app's own `fetch` (no socket): what a world costs
 * the gateway itself, apart from the loopback round trips that the bare Hono figure shows.
 */
async function inProcessLifecycle(): Promise<number[]> {
  const token = newTestToken()
  process.env.GATEWAY_TEST_TOKEN = token
  const runtime = startRuntime({ data: 'memory', testApi: true })
  const call = inProcessCaller(runtime, token)
  const once = async (i: number) => {
    const t0 = performance.now()
    const world = String((await call('POST', '/api/__test/worlds', {})).world)
    const headers = {
      'x-sim-world': world,
      'x-sim-persona': 'shopper',
      'idempotency-key': `in-process-${i}`,
    }
    await call('POST', '/api/shop/orders', { lines: SEED_CART, addressId: 'addr-hz' }, headers)
    await call('POST', '/api/__test/reset', undefined, { 'x-sim-world': world })
    const took = performance.now() - t0
    await call('DELETE', `/api/__test/worlds/${world}`)
    return took
  }
  try {
    for (let i = 0; i < 200; i++) await once(i)
    const all: number[] = []
    for (let i = 0; i < ROUNDS; i++) all.push(await once(i))
    return all
  } finally {
    runtime.close()
  }
}

/**
 * Heap (V8's and external) after a full collection, in this process: before and after `--memory-worlds`
 * idle worlds, then after `--memory-orders` paid orders in one more world (memory data: a file journal
 * holds no record in memory once written, so the figures are the same with one). RSS beside it, for
 * what the system sees (it moves in pages and keeps what the heap gave back).
 */
async function memoryFigures(): Promise<void> {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const token = newTestToken()
  process.env.GATEWAY_TEST_TOKEN = token
  const runtime = startRuntime({ data: 'memory', testApi: true })
  const call = inProcessCaller(runtime, token)
  const measure = async () => {
    // Pending notifications and timers settle first; then two collections (the second frees what the
    // first's finalizers released).
    await new Promise((resolve) => setTimeout(resolve, 200))
    gc()
    gc()
    const m = process.memoryUsage()
    return { heap: m.heapUsed + m.external, rss: m.rss }
  }
  const worldsN = Number(values['memory-worlds'])
  const ordersN = Number(values['memory-orders'])
  try {
    // Warm every code path once, so compiled code and lazily built tables are in the baseline.
    const warm = String((await call('POST', '/api/__test/worlds', {})).world)
    await payOrders(call, warm, 20, 'warm')
    await call('DELETE', `/api/__test/worlds/${warm}`)
    const base = await measure()
    for (let i = 0; i < worldsN; i++) await call('POST', '/api/__test/worlds', {})
    const idle = await measure()
    const busyWorld = String((await call('POST', '/api/__test/worlds', {})).world)
    const before = await measure()
    await payOrders(call, busyWorld, ordersN, 'memory')
    const paid = await measure()
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
    console.log(`\n== memory (heap + external after a full GC; RSS beside it) ==`)
    console.log(
      `idle world          ${kib((idle.heap - base.heap) / worldsN).padStart(10)} each  ` +
        `(${worldsN} worlds: heap +${((idle.heap - base.heap) / 2 ** 20).toFixed(1)} MiB, RSS +${((idle.rss - base.rss) / 2 ** 20).toFixed(1)} MiB)`,
    )
    console.log(
      `paid order          ${kib((paid.heap - before.heap) / ordersN).padStart(10)} each  ` +
        `(${ordersN} orders in one world: heap +${((paid.heap - before.heap) / 2 ** 20).toFixed(1)} MiB, RSS +${((paid.rss - before.rss) / 2 ** 20).toFixed(1)} MiB)`,
    )
  } finally {
    runtime.close()
  }
}

type Call = (
  method: string,
  path: string,
  body?: unknown,
  headers?: object,
) => Promise<Record<string, unknown>>

/** `count` orders placed, paid from the Alipay balance and confirmed in `world`, one after another. */
async function payOrders(call: Call, world: string, count: number, tag: string): Promise<void> {
  const headers = { 'x-sim-world': world }
  await call('POST', '/api/__test/stock', { skuId: 'sku-mug-150', stock: 100_000_000 }, headers)
  await call(
    'POST',
    '/api/__test/wallets',
    { persona: 'shopper', wallet: { alipayBalanceFen: 10_000_000_000 } },
    headers,
  )
  for (let i = 0; i < count; i++) {
    const order = await call(
      'POST',
      '/api/shop/orders',
      { lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' },
      { ...headers, 'idempotency-key': `${tag}-o-${i}` },
    )
    const payment = await call(
      'POST',
      '/api/pay/payments',
      { orderId: order.checkoutId, method: 'alipay-balance' },
      { ...headers, 'idempotency-key': `${tag}-p-${i}` },
    )
    await call(
      'POST',
      `/api/pay/payments/${String(payment.id)}/confirm`,
      { password: '123456' },
      headers,
    )
  }
}

await memoryFigures()
if (values.only === 'memory') process.exit(0)
const inProcess = await inProcessLifecycle()
const bareAll = await bareLifecycle()
const server = await startServer({
  data: 'memory',
  stderr: 'inherit',
  nodeFlags: values['node-flag'],
})
const api = jsonClient(server.port, CONCURRENCY * 2)
try {
  // Warm the server's code paths before timing the life of a world.
  for (let i = 0; i < 50; i++)
    await must(api, 'DELETE', `/api/__test/worlds/${await newWorld(api)}`)
  const life = await lifecycle(api)
  console.log(`\n== a world's life, ${ROUNDS} rounds one after another (loopback, memory) ==`)
  console.log(`create              ${spreadOf(life.create)}`)
  console.log(`first order         ${spreadOf(life.order)}`)
  console.log(`reset               ${spreadOf(life.reset)}`)
  const p99 = percentile(life.all, 99)
  console.log(
    `all three           ${spreadOf(life.all)}  (target p99 < 5 ms: ${p99 < 5 ? 'ok' : 'OVER'})`,
  )
  const bareP99 = percentile(bareAll, 99)
  console.log(
    `bare Hono, same calls ${spreadOf(bareAll)}  (the loopback floor, this run: gateway p99 ${(p99 / bareP99).toFixed(2)}× it)`,
  )
  const ownP99 = percentile(inProcess, 99)
  console.log(
    `in process (no socket) ${spreadOf(inProcess)}  (the world's own cost; target p99 < 5 ms: ${ownP99 < 5 ? 'ok' : 'OVER'})`,
  )

  console.log(
    `\n== create-and-pay cycles/s, ${CONCURRENCY} in flight, spread over N busy worlds ==`,
  )
  const rates: [number, number][] = []
  for (const count of [1, 10, 100]) rates.push([count, await busy(api, count)])
  const one = rates[0]?.[1] ?? NaN
  for (const [count, rate] of rates) {
    const ratio = rate / one
    const verdict = count === 1 ? '' : `  ${ratio >= 0.9 ? 'ok' : 'OVER'} (target ≥ 0.90)`
    console.log(
      `${String(count).padStart(3)} world(s)         ${rate.toFixed(0).padStart(6)} cycles/s  ${ratio.toFixed(2)}× one world${verdict}`,
    )
  }
} finally {
  api.agent.destroy()
  await stopServer(server)
}
