// Test harness: the real app over a memory store whose clock, and timers, the test controls.
import { CheckoutSchema } from '../../contract/order.ts'
import { TestStateSchema } from '../../contract/test-api.ts'
import type { TestState } from '../../contract/test-api.ts'
import { SEED_CART } from '../domain/seed.ts'

/** The tea shop's goods of the seeded cart: a checkout of one order (237.80 after its coupon). */
export const ONE_SHOP_CART = oneShopBody.lines
import { oneShopBody, T0 } from '../domain/testing.ts'
import { cryptoIds } from '../store/ids.ts'
import type { FileJournalOptions } from '../store/journal.ts'
import { Worlds } from '../worlds/worlds.ts'
import type { WorldLimits } from '../worlds/limits.ts'
import type { WorldsOptions } from '../worlds/worlds.ts'
import { createApp } from './app.ts'
import type { AppDeps } from './env.ts'
import type { FaultSwitch } from './faults.ts'
import { StreamRegistry } from './streams.ts'
import type { Scheduler } from './notify.ts'

/** Timers on the test's clock: `advance` runs what falls due, in order. */
export function manualClock(start: number) {
  let seq = 0
  const tasks: { at: number; seq: number; run: () => void }[] = []
  const clock = {
    now: start,
    scheduler: {
      after(ms, run) {
        tasks.push({ at: clock.now + Math.max(0, ms), seq: seq++, run })
      },
    } satisfies Scheduler,
    /** Runs every task due by now (and those they schedule), earliest first. */
    runDue() {
      for (;;) {
        tasks.sort((a, b) => a.at - b.at || a.seq - b.seq)
        const next = tasks[0]
        if (!next || next.at > clock.now) return
        tasks.shift()
        next.run()
      }
    },
    advance(ms: number) {
      clock.now += ms
      clock.runDue()
    },
    get pending() {
      return tasks.length
    },
  }
  return clock
}

export function harness(
  over: Partial<Omit<AppDeps, 'worlds'>> & { faults?: FaultSwitch; limits?: WorldLimits } = {},
  setup: {
    data?: string
    journal?: FileJournalOptions
    wechatpay?: WorldsOptions['wechatpay']
    /** Each world's console log's bounds (small ones to see the ring turn). */
    console?: WorldsOptions['console']
    /** Each world's chats' bounds (small ones to see images expire). */
    chat?: WorldsOptions['chat']
  } = {},
) {
  const clock = manualClock(T0)
  const logs: string[] = []
  const log = (message: string) => void logs.push(message)
  const { faults: defaultFaults, limits, ...deps } = over
  const worlds = new Worlds({
    data: setup.data ?? 'memory',
    realNow: () => clock.now,
    wallNow: () => clock.now,
    secret: 'test-secret',
    scheduler: clock.scheduler,
    log,
    ...(limits ? { limits } : {}),
    ...(setup.journal ? { journal: setup.journal } : {}),
    ...(defaultFaults ? { defaultFaults } : {}),
    ...(setup.wechatpay ? { wechatpay: setup.wechatpay } : {}),
    ...(setup.console ? { console: setup.console } : {}),
    ...(setup.chat ? { chat: setup.chat } : {}),
  })
  const { store, outbox, faults, live } = worlds.default
  const streams = deps.streams ?? new StreamRegistry()
  const app = createApp({
    worlds,
    ids: cryptoIds,
    testApi: true,
    slowNetworkMs: 0,
    heartbeatMs: 15_000,
    log,
    // app.request has no socket: calls count as from loopback unless a test says otherwise.
    remoteAddress: () => '127.0.0.1',
    testToken: 'harness-test-token-0123456789',
    ...deps,
    streams,
  })
  let keys = 0
  const call = (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...options.headers }
    let body: string | undefined
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
      headers['content-type'] ??= 'application/json'
    }
    return app.request(path, { method, headers, body })
  }
  const newKey = () => `test-key-${++keys}-${T0}`
  /** Delivers what the outbox has due now (notifications are asynchronous). */
  const settle = () => clock.runDue()
  /** A call whose answer is read as JSON. */
  const json = async (
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const res = await call(method, path, options)
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const as = (persona: string, extra: Record<string, string> = {}) => ({
    'x-sim-persona': persona,
    ...extra,
  })
  /** Checks `lines` out (the seeded cart: two shops, two orders) as `persona`. */
  const checkout = async (persona = 'shopper', lines: unknown = SEED_CART) => {
    const res = await json('POST', '/api/shop/orders', {
      body: { lines, addressId: 'addr-hz' },
      headers: as(persona, { 'idempotency-key': newKey() }),
    })
    if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(res.body)}`)
    return CheckoutSchema.parse(res.body)
  }
  /**
   * One shop's order (the tea shop's goods of the seeded cart unless `lines` says otherwise), ordered
   * by `persona`: its checkout holds it alone and has its id.
   */
  const order = async (persona = 'shopper', lines: unknown = ONE_SHOP_CART) => {
    const placed = await checkout(persona, lines)
    const only = placed.orders[0]
    if (!only || placed.orders.length !== 1) throw new Error('order() wants one shop: checkout()')
    return only
  }
  /** Opens a payment attempt; `headers` can carry the era and app version. */
  const pay = async (
    orderId: string,
    method: string,
    options: { persona?: string; headers?: Record<string, string>; huabeiPeriods?: number } = {},
  ) => {
    const body: Record<string, unknown> = { orderId, method }
    if (options.huabeiPeriods !== undefined) body.huabeiPeriods = options.huabeiPeriods
    return json('POST', '/api/pay/payments', {
      body,
      headers: as(options.persona ?? 'shopper', {
        'idempotency-key': newKey(),
        ...options.headers,
      }),
    })
  }
  const state = async () => TestStateSchema.parse((await json('GET', '/api/__test/state')).body)
  return {
    app,
    store,
    clock,
    logs,
    call,
    json,
    as,
    checkout,
    order,
    pay,
    state,
    newKey,
    outbox,
    faults,
    live,
    worlds,
    streams,
    settle,
  }
}

export type Harness = ReturnType<typeof harness>

/** Every fen in every wallet, from the test API's state. */
export function walletsTotal(state: TestState): number {
  let total = 0
  for (const wallet of Object.values(state.wallets)) {
    for (const fen of Object.values(wallet)) total += fen
  }
  return total
}

/** What the merchant received: the SUCCESS payments. */
export function receivedTotal(state: TestState): number {
  return state.payments.filter((p) => p.status === 'SUCCESS').reduce((a, p) => a + p.amountFen, 0)
}
