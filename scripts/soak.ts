// `npm run soak`: the production server on loopback with faults switched on, a bounded load mixing every
// channel for a while, then every money invariant checked through the test API's state.
//
//   npm run soak -- [--seconds 20] [--concurrency 8] [--memory]
//
// The server journals to a temp folder (deleted afterwards) unless --memory. While the load runs, the
// notification fault rotates drop → duplicate → delay → normal, a confirm fails with SYSTEMERROR now
// and then, and some orders belong to flaky_gateway (its first confirm of each payment fails).
// Clients behave as real ones do: a double tap sends the same Idempotency-Key twice at once, a confirm
// is sometimes sent twice at once, a SYSTEMERROR is retried. Exit code 1 on any violated invariant.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { TestStateSchema } from '../src/contract/test-api.ts'
import type { TestState } from '../src/contract/test-api.ts'
import { SEED_CART } from '../src/server/domain/seed.ts'
import { jsonClient, startServer, stopServer } from '../src/server/loopback.ts'
import type { Answer } from '../src/server/loopback.ts'
import { audit } from '../src/server/money-audit.ts'

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '8' },
    memory: { type: 'boolean', default: false },
  },
})
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
  faultSwitches: 0,
  byChannel: new Map<string, number>(),
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T
const chance = (p: number) => Math.random() < p
let keys = 0
const newKey = () => `soak-${process.pid}-${++keys}`

const folder = args.memory ? null : mkdtempSync(join(tmpdir(), 'gateway-soak-'))
let server = await startServer({ data: folder ?? 'memory', stderr: 'collect' })
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
  let res: Answer
  try {
    res = await api.call(
      method,
      path,
      body === undefined ? undefined : JSON.stringify(body),
      headers,
    )
  } catch (error) {
    seen.unexpected.push(`${step}: ${String(error)}`)
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
    if (res.status >= 500 && !injected) seen.unexpected.push(`${step} ${res.status} ${res.text}`)
  }
  return { status: res.status, body: parsed }
}

const as = (persona: string, extra: Headers = {}): Headers => ({
  'x-sim-persona': persona,
  ...extra,
})

/** A create with an Idempotency-Key; a quarter of the time the same request twice at once (a double tap). */
async function create(step: string, path: string, body: unknown, headers: Headers) {
  const withKey = { ...headers, 'idempotency-key': newKey() }
  if (!chance(0.25)) return call(step, 'POST', path, body, withKey)
  seen.idempotentPairs += 1
  const [a, b] = await Promise.all([
    call(step, 'POST', path, body, withKey),
    call(step, 'POST', path, body, withKey),
  ])
  const idA = a.body.id ?? a.body.token
  const idB = b.body.id ?? b.body.token
  if (a.status < 300 && b.status < 300 && idA !== idB) {
    seen.idempotencyBroken.push(`${path}: ${String(idA)} vs ${String(idB)}`)
  }
  return a.status < 300 ? a : b
}

/**
 * A confirm as a client sends it: a third of the time twice at once, and a SYSTEMERROR retried (up to
 * three times). Records the payment ids it was told succeeded.
 */
async function confirm(step: string, path: string, body: unknown, headers: Headers) {
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
  if (!chance(1 / 3)) return [await once()]
  seen.doubleConfirms += 1
  const both = await Promise.all([once(), once()])
  if (both.every((r) => r.status === 200)) seen.doubleConfirmBothWon += 1
  return both
}

async function order(persona: string, era: 'beta' | 'launch' = 'beta'): Promise<string | null> {
  const res = await create(
    'order',
    '/api/shop/orders',
    { lines: SEED_CART, addressId: 'addr-hz' },
    as(persona, { 'x-sim-era': era }),
  )
  if (res.status !== 201 && res.status !== 200) return null
  const id = String(res.body.id)
  seen.ordersCreated.add(id)
  return id
}

async function payment(
  orderId: string,
  method: string,
  headers: Headers,
  extra: Record<string, unknown> = {},
) {
  const res = await create(
    `pay ${method}`,
    '/api/pay/payments',
    { orderId, method, ...extra },
    headers,
  )
  if (res.status !== 201 && res.status !== 200) return null
  return { id: String(res.body.id), token: String(res.body.payToken ?? '') }
}

/** The shopper's own channels: the cashier's password pad confirms by payment id. */
const ownerChannel = (method: string, extra: () => Record<string, unknown> = () => ({})) => {
  return async () => {
    const persona = chance(0.2) ? 'flaky_gateway' : 'shopper'
    const orderId = await order(persona)
    if (!orderId) return
    const p = await payment(orderId, method, as(persona), extra())
    if (!p) return
    await confirm(method, `/api/pay/payments/${p.id}/confirm`, { password: PASSWORD }, as(persona))
  }
}

/** A sheet in another app (UnionPay's, WeChat's after a jump): opened, then confirmed by its token. */
const sheetChannel = (method: 'unionpay' | 'wechat') => {
  return async () => {
    const era = method === 'wechat' ? 'launch' : 'beta'
    const headers = as('shopper', { 'x-sim-era': era })
    const orderId = await order('shopper', era)
    if (!orderId) return
    const p = await payment(orderId, method, headers)
    if (!p) return
    if (chance(0.5))
      await call(`open ${method}`, 'POST', `/api/pay/sheets/${p.token}/open`, undefined, headers)
    const source = method === 'wechat' ? pick(['wechat-balance', 'wechat-card']) : undefined
    await confirm(
      method,
      `/api/pay/sheets/${p.token}/confirm`,
      { password: PASSWORD, source },
      headers,
    )
  }
}

const flows: Record<string, () => Promise<void>> = {
  'alipay-balance': ownerChannel('alipay-balance'),
  'alipay-card': ownerChannel('alipay-card'),
  huabei: ownerChannel('huabei', () => ({ huabeiPeriods: pick([0, 3, 6, 12]) })),
  unionpay: sheetChannel('unionpay'),
  wechat: sheetChannel('wechat'),
  'wechat-scan': async () => {
    const orderId = await order('shopper')
    if (!orderId) return
    const p = await payment(orderId, 'wechat-scan', as('shopper'))
    if (!p) return
    // Sometimes two phones scan the same code and both pay at once.
    const scanners = chance(0.3)
      ? ['friend', 'shopper']
      : [pick(['friend', 'shopper', 'flaky_gateway'])]
    await Promise.all(
      scanners.map(async (scanner) => {
        await call('open scan', 'POST', `/api/pay/sheets/${p.token}/open`, undefined, as(scanner))
        const source = pick(['wechat-balance', 'wechat-card'])
        await confirm(
          'wechat-scan',
          `/api/pay/sheets/${p.token}/confirm`,
          { password: PASSWORD, source },
          as(scanner),
        )
      }),
    )
  },
  'friend-pay': async () => {
    const orderId = await order('shopper')
    if (!orderId) return
    const asked = await create(
      'friend request',
      '/api/pay/friend-requests',
      { orderId, message: '帮我付一下', via: pick(['wechat', 'qq', 'link']) },
      as('shopper'),
    )
    if (asked.status !== 201 && asked.status !== 200) return
    const token = String(asked.body.token)
    // The friend pays; sometimes the shopper pays the order in the cashier at the same moment.
    const racers: Promise<unknown>[] = [
      confirm(
        'friend-pay',
        `/api/pay/friend-requests/${token}/pay`,
        {
          password: PASSWORD,
          source: pick(['wechat-balance', 'wechat-card', 'alipay-balance', 'alipay-card']),
        },
        as(pick(['friend', 'flaky_gateway'])),
      ),
    ]
    if (chance(0.25)) {
      racers.push(
        (async () => {
          const p = await payment(orderId, 'alipay-balance', as('shopper'))
          if (p)
            await confirm(
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

let ok = true
try {
  await setUp()
  const before = await state()
  const start = performance.now()
  const end = start + SECONDS * 1000
  let turn = 0
  const worker = async () => {
    while (performance.now() < end) {
      const channel = channels[turn++ % channels.length] ?? 'alipay-balance'
      await flows[channel]?.()
      count(seen.byChannel, channel)
      seen.cycles += 1
    }
  }
  await Promise.all([faultDriver(end), ...Array.from({ length: CONCURRENCY }, worker)])
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
  const serverLog = stderrLines.filter((line) => !line.includes('notification for'))
  console.log(
    `server stderr       ${stderrLines.length} lines${serverLog.length ? `; e.g. ${serverLog.slice(0, 3).join(' | ')}` : ''}`,
  )
} finally {
  api.agent.destroy()
  await stopServer(server)
  if (folder) rmSync(folder, { recursive: true, force: true })
}
console.log(ok ? '\nsoak: every invariant holds' : '\nSOAK FAILED')
process.exitCode = ok ? 0 : 1
