import { checkoutView } from '../domain/merchant/checkouts.ts'
import { createMiddleware } from 'hono/factory'
import type { PersonaId } from '../../contract/sim.ts'
import type { TestState } from '../../contract/test-api.ts'
import type { Wallet } from '../../contract/payment.ts'
import { changeSettings, setStock, setWallet } from '../domain/fixtures.ts'
import { iso } from '../domain/result.ts'
import type { State } from '../domain/state.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { fail } from './respond.ts'
import { DEFAULT_WORLD } from '../../contract/headers.ts'
import type { Worlds } from '../worlds/worlds.ts'
import type { RouteHandlers } from './route-table.ts'
import { testApiGuard } from './test-guard.ts'
import { clockTarget, logFaults, runDueNotifications } from '../console/actions.ts'

function testState(state: State, now: number): TestState {
  const wallets = Object.fromEntries(
    Object.entries(state.gateway.accounts).map(([persona, account]) => [
      persona,
      { ...account.wallet },
    ]),
  ) as Record<PersonaId, Wallet>
  return {
    now: iso(now),
    orders: [...state.merchant.orders.values()].map((o) => ({
      id: o.id,
      checkoutId: o.checkoutId,
      status: o.status,
      totalFen: o.totalFen,
      refundedFen: o.refundedFen,
    })),
    checkouts: [...state.merchant.checkouts.keys()].flatMap((id) => {
      const view = checkoutView(state.merchant, id)
      return view
        ? [
            {
              checkoutId: id,
              orderIds: view.orderIds,
              status: view.status,
              totalFen: view.totalFen,
              paymentId: view.paymentId,
            },
          ]
        : []
    }),
    payments: [...state.gateway.payments.values()].map((p) => ({
      id: p.id,
      orderId: p.orderId,
      checkoutId: p.orderId,
      orderIds: p.orderIds ?? [p.orderId],
      channel: p.method,
      status: p.status,
      amountFen: p.amountFen,
      payer: p.payer,
      source: p.source,
    })),
    friendRequests: [...state.gateway.friendRequests.values()].map((r) => ({
      token: r.token,
      orderId: r.orderId,
      status: r.status,
      endReason: r.endReason,
      requester: r.requester,
      payer: r.payer,
    })),
    wallets,
    wechatpay: {
      transactions: [...state.wechatpay.transactions.values()].map((t) => ({
        mchid: t.mchid,
        outTradeNo: t.outTradeNo,
        tradeState: t.state,
        totalFen: t.amountFen,
        refundedFen: t.refundedFen,
        payer: t.payer,
      })),
      notifications: [...state.wechatpay.notifications.values()].map((n) => ({
        id: n.id,
        eventType: n.eventType,
        status: n.status,
        attempts: n.attempts,
        nextAt: n.nextAtMs === null ? null : iso(n.nextAtMs),
        lastError: n.lastError,
      })),
    },
  }
}

/**
 * /api/__test: reset, clock, faults, settings, fixtures, state. With `GATEWAY_TEST_API=off` every route
 * here is a 404. Otherwise no page of another origin can change anything here, and a call from beyond
 * loopback needs the test token (test-guard.ts).
 */
export function testApiGate(deps: AppDeps) {
  const guard = testApiGuard(deps)
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!deps.testApi) return fail(c, { code: 'NOT_FOUND', message: 'the test API is off' })
    return guard(c, next)
  })
}

type TestRoute =
  | 'testReset'
  | 'testClock'
  | 'testFaults'
  | 'testSetFaults'
  | 'testSettings'
  | 'testSetSettings'
  | 'testWallets'
  | 'testStock'
  | 'testState'

type WorldRoute = 'testCreateWorld' | 'testListWorlds' | 'testDeleteWorld'

/** Worlds: made, listed, deleted (`worlds` is the process's registry; every other test route acts in one). */
export function worldHandlers(worlds: Worlds): RouteHandlers<WorldRoute> {
  return {
    testCreateWorld: (c, { body }) => {
      const made = worlds.create(body.ttlMs)
      if ('code' in made) return fail(c, made)
      const info = worlds.info(made)
      return c.json({ world: made.id, expiresAt: info.expiresAt ?? '' }, 201)
    },
    testListWorlds: (c) =>
      c.json({
        worlds: [...worlds.all()].map((w) => worlds.info(w)),
        limits: worlds.limits,
        events: worlds.events,
      }),
    testDeleteWorld: (c, { params }) => {
      if (params.world === DEFAULT_WORLD) {
        return fail(c, {
          code: 'PARAM_ERROR',
          message: 'the default world cannot be deleted: reset it (POST /api/__test/reset)',
        })
      }
      return worlds.delete(params.world)
        ? c.json({ ok: true as const })
        : fail(c, { code: 'WORLD_NOT_FOUND', message: `no world ${params.world.slice(0, 40)}` })
    },
  }
}

export function testApiHandlers(): RouteHandlers<TestRoute> {
  return {
    testReset: (c) => {
      const { store, faults } = c.get('world')
      store.reset()
      faults.reset()
      return c.json({ ok: true as const })
    },
    testClock: async (c, { body }) => {
      const world = c.get('world')
      const { store } = world
      const target = body.to === undefined ? null : clockTarget(world, body.to)
      if (target !== null && typeof target !== 'number') return fail(c, target)
      if (body.frozen !== undefined) store.freezeClock(body.frozen)
      if (target !== null) store.advanceClock(Math.max(0, target - store.now()))
      if (body.advanceMs !== undefined) store.advanceClock(body.advanceMs)
      store.closeExpired()
      // A retry moved to is sent now, on every channel, before the answer.
      if (body.to === 'next-retry') await runDueNotifications(world)
      return c.json({ now: iso(store.now()), frozen: store.clockFrozen })
    },
    testFaults: (c) => {
      const { faults } = c.get('world')
      return c.json(faults.current)
    },
    testSetFaults: (c, { body }) => {
      const world = c.get('world')
      const faults = world.faults.set(body)
      logFaults(world, faults)
      return c.json(faults)
    },
    testSettings: (c) => {
      const { store } = c.get('world')
      return c.json(store.state.gateway.settings)
    },
    testSetSettings: (c, { body }) => {
      const { store } = c.get('world')
      const result = store.run((s) => changeSettings(s, body))
      return result.ok ? c.json(result.value) : fail(c, result.error)
    },
    testWallets: (c, { body: { persona, wallet } }) => {
      const { store } = c.get('world')
      const result = store.run((s) => setWallet(s, persona, wallet))
      return result.ok ? c.json(result.value) : fail(c, result.error)
    },
    testStock: (c, { body: { skuId, stock } }) => {
      const { store } = c.get('world')
      const result = store.run((s) => setStock(s, skuId, stock))
      return result.ok ? c.json(result.value) : fail(c, result.error)
    },
    testState: (c) => {
      const { store } = c.get('world')
      return c.json(testState(store.state, store.now()))
    },
  }
}
