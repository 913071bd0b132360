// `npm run soak`: the production server on loopback with faults switched on, a bounded load mixing every
// channel for a while, then every money invariant checked through the test API's state.
//
//   npm run soak -- [--seconds 20] [--concurrency 8] [--memory] [--seed N] [--kills K] [--disk-fill]
//
// Every random choice (double taps, double confirms, personas, sources, racers) comes from --seed (a
// fresh one when none is given, printed first and last): cycle n draws from its own stream of that seed,
// so `--seed N` replays the same choices for every cycle, however the concurrent cycles interleave.
//
// The server journals to a temp folder (deleted afterwards) unless --memory. While the load runs, the
// notification fault rotates drop → duplicate → delay → normal, a confirm fails with SYSTEMERROR now
// and then, and some orders belong to flaky_gateway (its first confirm of each payment fails).
// Clients behave as real ones do: a double tap sends the same Idempotency-Key twice at once, a confirm
// is sometimes sent twice at once, a SYSTEMERROR is retried. Exit code 1 on any violated invariant.
//
// --kills K sends the server K SIGKILLs at random moments of the load (from the seed) and starts it
// again over the same folder; requests cut by a kill are counted, not failed. --disk-fill puts the data
// folder on a small tmpfs (root only; skipped with a note elsewhere) and fills it to the last byte every
// few seconds, then frees it: the gateway answers 503 STORAGE_UNAVAILABLE meanwhile and must lose nothing
// it acknowledged. Both take snapshots every 2 MB of journal, so restarts cross snapshots too.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeSync, openSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { TestStateSchema } from '../src/contract/test-api.ts'
import type { TestState } from '../src/contract/test-api.ts'
import { SEED_CART } from '../src/server/domain/seed.ts'
import { jsonClient, startServer, stopServer } from '../test/support/loopback.ts'
import type { Answer } from '../test/support/loopback.ts'
import { audit } from '../test/support/money-audit.ts'
import { chance, fork, newSeed, parseSeed, pick, streamOf } from '../test/support/random.ts'
import type { Random } from '../test/support/random.ts'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '8' },
    memory: { type: 'boolean', default: false },
    seed: { type: 'string' },
    kills: { type: 'string', default: '0' },
    'disk-fill': { type: 'boolean', default: false },
  },
})
const KILLS = Number(args.kills)
const SEED = args.seed === undefined ? newSeed() : parseSeed(args.seed)
const SECONDS = Number(args.seconds)
const CONCURRENCY = Number(args.concurrency)
const PASSWORD = '123456'
/** How long the merchant may take to settle every payment once the load stops (drop → query). */
const SETTLE_MS = 20_000

type Headers = Record<string, string>

/** What the run saw, as a client sees it. */
const seen = {
  requests: 0,
  cycles: 0,
  /** Non-2xx answers by `step status code`. */
  errors: new Map<string, number>(),
  /** 5xx other than the SYSTEMERROR the faults inject on purpose. */
  unexpected: [] as string[],
  ordersCreated: new Set<string>(),
  /** Payments some client was told SUCCESS. */
  answeredSuccess: new Set<string>(),
  idempotentPairs: 0,
  idempotencyBroken: [] as string[],
  doubleConfirms: 0,
  doubleConfirmBothWon: 0,
  retriedSystemErrors: 0,
  /** Requests whose connection a kill cut (their outcome is unknown to the client, as in real life). */
  cutByKill: 0,
  kills: 0,
  diskFills: 0,
  storageRefusals: 0,
  faultSwitches: 0,
  byChannel: new Map<string, number>(),
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
let keys = 0
const newKey = () => `soak-${process.pid}-${++keys}`

const replay = `npm run soak -- --seed ${SEED} --seconds ${SECONDS} --concurrency ${CONCURRENCY}${args.memory ? ' --memory' : ''}${KILLS ? ` --kills ${KILLS}` : ''}${args['disk-fill'] ? ' --disk-fill' : ''}`
console.log(`soak: seed ${SEED} (replay: ${replay})`)

const folder = args.memory ? null : mkdtempSync(join(tmpdir(), 'gateway-soak-'))
/** The tmpfs the data folder lives on with --disk-fill, when this machine lets us mount one. */
const smallDisk = folder && args['disk-fill'] ? mountSmallDisk(folder) : false
const serverEnv: Record<string, string> =
  KILLS > 0 || smallDisk ? { GATEWAY_SNAPSHOT_BYTES: String(2_000_000) } : {}
let server = await startServer({ data: folder ?? 'memory', stderr: 'collect', env: serverEnv })
/** Bumped by every kill: a request that started before one and failed was cut by it. */
let generation = 0

function mountSmallDisk(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', dir], { stdio: 'pipe' })
    return true
  } catch (error) {
    console.log(
      `soak: --disk-fill needs root and tmpfs (${String(error).split('\n')[0]}); the disk is not filled`,
    )
    return false
  }
}
let api = jsonClient(server.port, CONCURRENCY * 4)
const stderrLines: string[] = []

interface Reply {
  status: number
  body: Record<string, unknown>
}

async function call(
  step: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Headers = {},
): Promise<Reply> {
  seen.requests += 1
  const startedIn = generation
  let res: Answer
  try {
    res = await api.call(
      method,
      path,
      body === undefined ? undefined : JSON.stringify(body),
      headers,
    )
  } catch (error) {
    if (startedIn !== generation || restarting) seen.cutByKill += 1
    else seen.unexpected.push(`${step}: ${String(error)}`)
    return { status: 0, body: {} }
  }
  let parsed: Record<string, unknown> = {}
  try {
    parsed = JSON.parse(res.text) as Record<string, unknown>
  } catch {
    seen.unexpected.push(`${step} ${res.status}: not JSON: ${res.text.slice(0, 80)}`)
  }
  if (res.status >= 300) {
    const code = typeof parsed.code === 'string' ? parsed.code : '?'
    count(seen.errors, `${step.padEnd(16)} ${res.status} ${code}`)
    const injected = res.status === 503 && code === 'SYSTEMERROR'
    // A full disk is refused with STORAGE_UNAVAILABLE, and /api/health says so in its own shape.
    const degraded =
      typeof parsed.storage === 'object' &&
      (parsed.storage as { state?: unknown } | null)?.state === 'degraded'
    const diskFull = res.status === 503 && smallDisk && (code === 'STORAGE_UNAVAILABLE' || degraded)
    if (diskFull) seen.storageRefusals += 1
    if (res.status >= 500 && !injected && !diskFull)
      seen.unexpected.push(`${step} ${res.status} ${res.text}`)
  }
  return { status: res.status, body: parsed }
}

const as = (persona: string, extra: Headers = {}): Headers => ({
  'x-sim-persona': persona,
  ...extra,
})

/** A create with an Idempotency-Key; a quarter of the time the same request twice at once (a double tap). */
async function create(r: Random, step: string, path: string, body: unknown, headers: Headers) {
  const withKey = { ...headers, 'idempotency-key': newKey() }
  if (!chance(r, 0.25)) return call(step, 'POST', path, body, withKey)
  seen.idempotentPairs += 1
  const [a, b] = await Promise.all([
    call(step, 'POST', path, body, withKey),
    call(step, 'POST', path, body, withKey),
  ])
  const idA = a.body.id ?? a.body.token
  const idB = b.body.id ?? b.body.token
  // Both answered 2xx (a request a kill cut has status 0: its outcome is unknown, not an answer).
  const answered = (r: Reply) => r.status >= 200 && r.status < 300
  if (answered(a) && answered(b) && idA !== idB) {
    seen.idempotencyBroken.push(`${path}: ${String(idA)} vs ${String(idB)}`)
  }
  return answered(a) ? a : b
}

/**
 * A confirm as a client sends it: a third of the time twice at once, and a SYSTEMERROR retried (up to
 * three times). Records the payment ids it was told succeeded.
 */
async function confirm(r: Random, step: string, path: string, body: unknown, headers: Headers) {
  const once = async (): Promise<Reply> => {
    let reply = await call(step, 'POST', path, body, headers)
    for (let retry = 0; retry < 3 && reply.status === 503; retry++) {
      seen.retriedSystemErrors += 1
      reply = await call(step, 'POST', path, body, headers)
    }
    if (
      reply.status === 200 &&
      reply.body.status === 'SUCCESS' &&
      typeof reply.body.id === 'string'
    )
      seen.answeredSuccess.add(reply.body.id)
    return reply
  }
  if (!chance(r, 1 / 3)) return [await once()]
  seen.doubleConfirms += 1
  const both = await Promise.all([once(), once()])
  if (both.every((r) => r.status === 200)) seen.doubleConfirmBothWon += 1
  return both
}

async function order(
  r: Random,
  persona: string,
  era: 'beta' | 'launch' = 'beta',
): Promise<string | null> {
  const res = await create(
    r,
    'order',
    '/api/shop/orders',
    { lines: SEED_CART, addressId: 'addr-hz' },
    as(persona, { 'x-sim-era': era }),
  )
  if (res.status !== 201 && res.status !== 200) return null
  // The seeded cart: a checkout of two shops' orders, paid by its id.
  const id = String(res.body.checkoutId)
  const orderIds = Array.isArray(res.body.orderIds) ? res.body.orderIds : []
  for (const orderId of orderIds) seen.ordersCreated.add(String(orderId))
  return id
}

async function payment(
  r: Random,
  orderId: string,
  method: string,
  headers: Headers,
  extra: Record<string, unknown> = {},
) {
  const res = await create(
    r,
    `pay ${method}`,
    '/api/pay/payments',
    { orderId, method, ...extra },
    headers,
  )
  if (res.status !== 201 && res.status !== 200) return null
  return { id: String(res.body.id), token: String(res.body.payToken ?? '') }
}

/** The shopper's own channels: the cashier's password pad confirms by payment id. */
const ownerChannel = (
  method: string,
  extra: (r: Random) => Record<string, unknown> = () => ({}),
) => {
  return async (r: Random) => {
    const persona = chance(r, 0.2) ? 'flaky_gateway' : 'shopper'
    const orderId = await order(r, persona)
    if (!orderId) return
    const p = await payment(r, orderId, method, as(persona), extra(r))
    if (!p) return
    await confirm(
      r,
      method,
      `/api/pay/payments/${p.id}/confirm`,
      { password: PASSWORD },
      as(persona),
    )
  }
}

/** A sheet in another app (UnionPay's, WeChat's after a jump): opened, then confirmed by its token. */
const sheetChannel = (method: 'unionpay' | 'wechat') => {
  return async (r: Random) => {
    const era = method === 'wechat' ? 'launch' : 'beta'
    const headers = as('shopper', { 'x-sim-era': era })
    const orderId = await order(r, 'shopper', era)
    if (!orderId) return
    const p = await payment(r, orderId, method, headers)
    if (!p) return
    if (chance(r, 0.5))
      await call(`open ${method}`, 'POST', `/api/pay/sheets/${p.token}/open`, undefined, headers)
    const source = method === 'wechat' ? pick(r, ['wechat-balance', 'wechat-card']) : undefined
    await confirm(
      r,
      method,
      `/api/pay/sheets/${p.token}/confirm`,
      { password: PASSWORD, source },
      headers,
    )
  }
}

const flows: Record<string, (r: Random) => Promise<void>> = {
  'alipay-balance': ownerChannel('alipay-balance'),
  'alipay-card': ownerChannel('alipay-card'),
  huabei: ownerChannel('huabei', (r) => ({ huabeiPeriods: pick(r, [0, 3, 6, 12]) })),
  unionpay: sheetChannel('unionpay'),
  wechat: sheetChannel('wechat'),
  'wechat-scan': async (r) => {
    const orderId = await order(r, 'shopper')
    if (!orderId) return
    const p = await payment(r, orderId, 'wechat-scan', as('shopper'))
    if (!p) return
    // Sometimes two phones scan the same code and both pay at once.
    const scanners = chance(r, 0.3)
      ? ['friend', 'shopper']
      : [pick(r, ['friend', 'shopper', 'flaky_gateway'])]
    // Each scanner draws from its own fork, so its draws do not depend on which answer comes first.
    const forks = scanners.map(() => fork(r))
    await Promise.all(
      scanners.map(async (scanner, i) => {
        const own = forks[i] ?? r
        await call('open scan', 'POST', `/api/pay/sheets/${p.token}/open`, undefined, as(scanner))
        const source = pick(own, ['wechat-balance', 'wechat-card'])
        await confirm(
          own,
          'wechat-scan',
          `/api/pay/sheets/${p.token}/confirm`,
          { password: PASSWORD, source },
          as(scanner),
        )
      }),
    )
  },
  'friend-pay': async (r) => {
    const orderId = await order(r, 'shopper')
    if (!orderId) return
    const asked = await create(
      r,
      'friend request',
      '/api/pay/friend-requests',
      { orderId, message: '帮我付一下', via: pick(r, ['wechat', 'qq', 'link']) },
      as('shopper'),
    )
    if (asked.status !== 201 && asked.status !== 200) return
    const token = String(asked.body.token)
    // The friend pays; sometimes the shopper pays the order in the cashier at the same moment.
    const friend = fork(r)
    const shopper = chance(r, 0.25) ? fork(r) : null
    const racers: Promise<unknown>[] = [
      confirm(
        friend,
        'friend-pay',
        `/api/pay/friend-requests/${token}/pay`,
        {
          password: PASSWORD,
          source: pick(friend, ['wechat-balance', 'wechat-card', 'alipay-balance', 'alipay-card']),
        },
        as(pick(friend, ['friend', 'flaky_gateway'])),
      ),
    ]
    if (shopper) {
      racers.push(
        (async () => {
          const p = await payment(shopper, orderId, 'alipay-balance', as('shopper'))
          if (p)
            await confirm(
              shopper,
              'alipay-balance',
              `/api/pay/payments/${p.id}/confirm`,
              { password: PASSWORD },
              as('shopper'),
            )
        })(),
      )
    }
    await Promise.all(racers)
  },
}
const channels = Object.keys(flows)

async function state(): Promise<TestState> {
  return TestStateSchema.parse((await call('state', 'GET', '/api/__test/state')).body)
}

async function setUp() {
  const must = async (path: string, body?: unknown) => {
    const res = await call('setup', 'POST', path, body)
    if (res.status !== 200)
      throw new Error(`setup ${path}: ${res.status} ${JSON.stringify(res.body)}`)
  }
  await must('/api/__test/reset')
  for (const { skuId } of SEED_CART) await must('/api/__test/stock', { skuId, stock: 10_000_000 })
  const rich = 10_000_000_00 // ¥10 million in every balance: nobody runs short
  for (const persona of ['shopper', 'friend', 'flaky_gateway']) {
    await must('/api/__test/wallets', {
      persona,
      wallet: {
        alipayBalanceFen: rich,
        wechatBalanceFen: rich,
        huabeiAvailableFen: rich,
        alipayCardFen: rich,
        unionpayCardFen: rich,
        wechatCardFen: rich,
      },
    })
  }
}

/** Rotates the notification fault, and makes a confirm fail now and then, until `end`. */
async function faultDriver(end: number) {
  const modes = ['drop', 'duplicate', 'delay', 'normal'] as const
  for (let i = 0; performance.now() < end; i++) {
    await call('faults', 'POST', '/api/__test/faults', {
      notify: modes[i % modes.length],
      failNextConfirm: 'SYSTEMERROR',
    })
    seen.faultSwitches += 1
    await new Promise((r) => setTimeout(r, 1000))
  }
}

let restarting = false
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Starts the server again over the folder; a full disk can refuse a start, so it tries for a while. */
async function restart(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      server = await startServer({ data: folder ?? 'memory', stderr: 'collect', env: serverEnv })
      break
    } catch (error) {
      if (attempt >= 40) throw error
      await sleep(250)
    }
  }
  api.agent.destroy()
  api = jsonClient(server.port, CONCURRENCY * 4)
}

/** K SIGKILLs at moments drawn from the seed, each followed by a start over the same folder. */
async function killer(start: number, end: number) {
  const r = streamOf(SEED, -1)
  const moments = Array.from({ length: KILLS }, () => start + r() * (end - start)).sort(
    (a, b) => a - b,
  )
  for (const at of moments) {
    await sleep(Math.max(0, at - performance.now()))
    restarting = true
    generation += 1
    stderrLines.push(...server.stderr)
    // (startServer's own 'exit' listener would call a start that has long finished.)
    server.child.removeAllListeners('exit')
    const dead = new Promise((done) => server.child.once('exit', done))
    server.child.kill('SIGKILL')
    await dead
    seen.kills += 1
    await restart()
    // Requests sent while it restarted went to the old client: they are the kill's too.
    generation += 1
    restarting = false
  }
}

/** Fills the small disk to its last byte for a second, then frees it, until `end`. */
async function diskFiller(end: number) {
  if (!smallDisk || !folder) return
  const fillerPath = join(folder, 'FILLER')
  const chunk = Buffer.alloc(1 << 20, 1)
  while (performance.now() < end - 1500) {
    await sleep(1500)
    const fd = openSync(fillerPath, 'w')
    try {
      for (;;) writeSync(fd, chunk)
    } catch {
      // ENOSPC: the disk is full to the last byte (small writes too: fill the remainder).
      try {
        for (;;) writeSync(fd, Buffer.alloc(512, 1))
      } catch {
        // full
      }
    } finally {
      closeSync(fd)
    }
    seen.diskFills += 1
    await sleep(1000)
    rmSync(fillerPath, { force: true })
  }
}

let ok = true
try {
  await setUp()
  const before = await state()
  const start = performance.now()
  const end = start + SECONDS * 1000
  let turn = 0
  const worker = async () => {
    while (performance.now() < end) {
      const n = turn++
      const channel = channels[n % channels.length] ?? 'alipay-balance'
      await flows[channel]?.(streamOf(SEED, n))
      // While a killed server comes back, don't spin on refused connections.
      if (restarting) await sleep(50)
      count(seen.byChannel, channel)
      seen.cycles += 1
    }
  }
  await Promise.all([
    faultDriver(end),
    killer(start, end),
    diskFiller(end),
    ...Array.from({ length: CONCURRENCY }, worker),
  ])
  // The disk is free again: give the gateway its second to notice before the checks.
  if (smallDisk) {
    for (let i = 0; i < 40; i++) {
      if ((await call('health', 'GET', '/api/health')).status === 200) break
      await sleep(250)
    }
  }
  const elapsed = (performance.now() - start) / 1000
  const requestsUnderLoad = seen.requests

  // The load stops; notifications stay dropped: the merchant must settle the rest by querying.
  await call('faults', 'POST', '/api/__test/faults', { notify: 'drop', failNextConfirm: null })
  const settleStart = performance.now()
  let after = await state()
  while (audit(before, after).unpaid > 0 && performance.now() - settleStart < SETTLE_MS) {
    await new Promise((r) => setTimeout(r, 250))
    after = await state()
  }
  const settled = (performance.now() - settleStart) / 1000
  const money = audit(before, after)
  const orders = new Map(after.orders.map((o) => [o.id, o]))
  const payments = new Map(after.payments.map((p) => [p.id, p]))
  const lostOrders = [...seen.ordersCreated].filter((id) => !orders.has(id))
  const lostSuccess = [...seen.answeredSuccess].filter(
    (id) => payments.get(id)?.status !== 'SUCCESS',
  )
  const refunds = after.payments.filter((p) => p.status === 'REFUND').length
  const paidOrders = after.orders.filter((o) => o.status === 'PAID').length

  // With a journal: a restart over the same folder must find exactly this state.
  let replayed: boolean | null = null
  if (folder) {
    stderrLines.push(...server.stderr)
    api.agent.destroy()
    await stopServer(server)
    server = await startServer({ data: folder, stderr: 'collect' })
    api = jsonClient(server.port, 4)
    const { now: _a, ...kept } = after
    const { now: _b, ...again } = await state()
    replayed = JSON.stringify(kept) === JSON.stringify(again)
  }

  const checks: [string, boolean, string][] = [
    ['no order with two successful payments', money.doubles === 0, `${money.doubles} orders`],
    ['balances conserved (wallets + receipts)', money.drift === 0, `drift ${money.drift} fen`],
    ["every successful payment's order PAID", money.unpaid === 0, `${money.unpaid} not PAID`],
    [
      'every PAID order has its payment',
      money.paidWithoutPayment === 0,
      `${money.paidWithoutPayment}`,
    ],
    [
      'no lost order',
      lostOrders.length === 0,
      `${lostOrders.length} of ${seen.ordersCreated.size} missing`,
    ],
    [
      'every answered SUCCESS kept',
      lostSuccess.length === 0,
      `${lostSuccess.length} of ${seen.answeredSuccess.size} not SUCCESS`,
    ],
    [
      'same key, same answer',
      seen.idempotencyBroken.length === 0,
      `${seen.idempotencyBroken.length} of ${seen.idempotentPairs} pairs differ`,
    ],
    ['no unexpected 5xx or non-JSON', seen.unexpected.length === 0, `${seen.unexpected.length}`],
  ]
  if (replayed !== null) {
    checks.push(['a restart replays the same state', replayed, 'journal replayed after SIGINT'])
  }

  console.log(
    `\n== soak: ${SECONDS} s, ${CONCURRENCY} cycles in flight, GATEWAY_DATA=${folder ? 'a temp folder (journal on disk)' : 'memory'} ==`,
  )
  console.log(
    `requests            ${requestsUnderLoad} under load (${(requestsUnderLoad / elapsed).toFixed(0)}/s), ${seen.requests} in all`,
  )
  console.log(
    `cycles              ${seen.cycles} (${(seen.cycles / elapsed).toFixed(1)}/s): ${[...seen.byChannel].map(([c, n]) => `${c} ${n}`).join(', ')}`,
  )
  console.log(
    `faults              ${seen.faultSwitches} switches (notify drop/duplicate/delay/normal + a SYSTEMERROR each), flaky_gateway orders`,
  )
  console.log(`double taps         ${seen.idempotentPairs} creates sent twice with one key`)
  console.log(
    `double confirms     ${seen.doubleConfirms} (both answered 200: ${seen.doubleConfirmBothWon})`,
  )
  console.log(`SYSTEMERROR retries ${seen.retriedSystemErrors}`)
  if (KILLS > 0)
    console.log(
      `kills               ${seen.kills} SIGKILLs, ${seen.cutByKill} requests cut by them`,
    )
  if (args['disk-fill']) {
    console.log(
      smallDisk
        ? `disk                ${seen.diskFills} times full to the last byte; ${seen.storageRefusals} answers 503 STORAGE_UNAVAILABLE`
        : 'disk                not filled (no tmpfs here)',
    )
  }
  console.log(
    `state               ${after.orders.length} orders (${paidOrders} PAID), ${after.payments.length} payments (${money.successes} SUCCESS, ${refunds} REFUND)`,
  )
  console.log(
    `settled             ${settled.toFixed(1)} s after the load, notifications dropped (merchant queries)`,
  )
  console.log(
    'errors by code      (step, status, code: expected refusals of races, faults and retries)',
  )
  for (const [key, n] of [...seen.errors].sort((a, b) => b[1] - a[1]))
    console.log(`  ${key.padEnd(40)} ${n}`)
  console.log('invariants')
  for (const [name, passed, detail] of checks) {
    console.log(`  ${passed ? 'ok  ' : 'FAIL'} ${name.padEnd(40)} ${detail}`)
    ok &&= passed
  }
  for (const line of seen.unexpected.slice(0, 5)) console.log(`  unexpected: ${line}`)
  for (const line of seen.idempotencyBroken.slice(0, 5)) console.log(`  key reused: ${line}`)
  stderrLines.push(...server.stderr)
  const serverLog = stderrLines.filter(
    (line) => !line.includes('notification for') && !line.includes('serveStatic: root path'),
  )
  console.log(
    `server stderr       ${stderrLines.length} lines${serverLog.length ? `; e.g. ${serverLog.slice(0, 3).join(' | ')}` : ''}`,
  )
} finally {
  api.agent.destroy()
  await stopServer(server)
  if (smallDisk && folder) execFileSync('umount', [folder])
  if (folder) rmSync(folder, { recursive: true, force: true })
}
console.log(
  ok
    ? `\nsoak: every invariant holds (seed ${SEED})`
    : `\nSOAK FAILED (seed ${SEED}; replay: ${replay})`,
)
process.exitCode = ok ? 0 : 1
