import { Hono } from 'hono'
import type { PersonaId } from '../../contract/sim.ts'
import {
  ClockBodySchema,
  FaultsBodySchema,
  GatewaySettingsBodySchema,
  TestStockBodySchema,
  TestWalletBodySchema,
} from '../../contract/test-api.ts'
import type { TestState } from '../../contract/test-api.ts'
import type { Wallet } from '../../contract/payment.ts'
import { changeSettings, setStock, setWallet } from '../domain/fixtures.ts'
import { iso } from '../domain/result.ts'
import type { State } from '../domain/state.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { fail, jsonBody } from './respond.ts'
import { testApiGuard } from './test-guard.ts'

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
      status: o.status,
      totalFen: o.totalFen,
    })),
    payments: [...state.gateway.payments.values()].map((p) => ({
      id: p.id,
      orderId: p.orderId,
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
  }
}

/**
 * /api/__test: reset, clock, faults, settings, fixtures, state. With `GATEWAY_TEST_API=off` every route
 * here is a 404. Otherwise no page of another origin can change anything here, and a call from beyond
 * loopback needs the test token (test-guard.ts).
 */
export function testApiRoutes(deps: AppDeps) {
  const { store, faults } = deps
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      if (!deps.testApi) return fail(c, { code: 'NOT_FOUND', message: 'the test API is off' })
      await next()
    })
    .use(testApiGuard(deps))
    .post('/reset', (c) => {
      store.reset()
      faults.reset()
      return c.json({ ok: true as const })
    })
    .post('/clock', jsonBody(ClockBodySchema), (c) => {
      const now = store.advanceClock(c.req.valid('json').advanceMs)
      store.closeExpired()
      return c.json({ now: iso(now) })
    })
    .get('/faults', (c) => c.json(faults.current))
    .post('/faults', jsonBody(FaultsBodySchema), (c) => c.json(faults.set(c.req.valid('json'))))
    .get('/settings', (c) => c.json(store.state.gateway.settings))
    .post('/settings', jsonBody(GatewaySettingsBodySchema), (c) => {
      const result = store.run((s) => changeSettings(s, c.req.valid('json')))
      return result.ok ? c.json(result.value) : fail(c, result.error)
    })
    .post('/wallets', jsonBody(TestWalletBodySchema), (c) => {
      const { persona, wallet } = c.req.valid('json')
      const result = store.run((s) => setWallet(s, persona, wallet))
      return result.ok ? c.json(result.value) : fail(c, result.error)
    })
    .post('/stock', jsonBody(TestStockBodySchema), (c) => {
      const { skuId, stock } = c.req.valid('json')
      const result = store.run((s) => setStock(s, skuId, stock))
      return result.ok ? c.json(result.value) : fail(c, result.error)
    })
    .get('/state', (c) => c.json(testState(store.state, store.now())))
}
