import { Hono } from 'hono'
import { ClockBodySchema } from '../../contract/test-api.ts'
import type { TestState } from '../../contract/test-api.ts'
import type { PersonaId } from '../../contract/sim.ts'
import type { Wallet } from '../../contract/payment.ts'
import { iso } from '../domain/result.ts'
import type { State } from '../domain/state.ts'
import { closeExpired } from '../store/deadlines.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { fail, jsonBody } from './respond.ts'

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
    })),
    friendRequests: [],
    wallets,
  }
}

/** /api/__test: reset, clock, state. With `GATEWAY_TEST_API=off` every route here is a 404. */
export function testApiRoutes(deps: AppDeps) {
  const { store } = deps
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      if (!deps.testApi) return fail(c, { code: 'NOT_FOUND', message: 'the test API is off' })
      await next()
    })
    .post('/reset', (c) => {
      store.reset()
      return c.json({ ok: true as const })
    })
    .post('/clock', jsonBody(ClockBodySchema), (c) => {
      const now = store.advanceClock(c.req.valid('json').advanceMs)
      closeExpired(store)
      return c.json({ now: iso(now) })
    })
    .get('/state', (c) => c.json(testState(store.state, store.now())))
}
