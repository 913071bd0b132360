import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PaymentSchema } from '../contract/payment.ts'
import { TestStateSchema } from '../contract/test-api.ts'
import type { TestState } from '../contract/test-api.ts'
import { SEED_CART } from './domain/seed.ts'
import { expectOneWinner, raceOnOneOrder } from '../../test/support/race.ts'
import { startServer } from '../../test/support/loopback.ts'
import type { LoopbackServer } from '../../test/support/loopback.ts'
import { moneyInPlay } from '../../test/support/money-audit.ts'
import type { Send } from '../../test/support/race.ts'

// The real `npm start` server, started in a scratch folder (no dist/: it serves the API only).
// startServer's child is the server itself (node loads tsx, no forking tsx CLI): kill -9 hits it.
const scratch = mkdtempSync(join(tmpdir(), 'gateway-main-'))
const data = join(scratch, 'data')
const children: ChildProcess[] = []

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  rmSync(scratch, { recursive: true, force: true })
})

async function start(folder = data): Promise<LoopbackServer> {
  const server = await startServer({ data: folder, cwd: scratch, stderr: 'collect' })
  children.push(server.child)
  return server
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once('exit', (code) => done(code)))
}

describe('npm start (main.ts)', () => {
  it('loses nothing to kill -9 right after an answer, and stops cleanly on SIGTERM', async () => {
    const first = await start()
    const created = await fetch(`${first.origin}/api/shop/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'main-test-0001' },
      body: JSON.stringify({ lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' }),
    })
    expect(created.status).toBe(201)
    // One shop's goods: the checkout's one order has its id.
    const order = { id: ((await created.json()) as { checkoutId: string }).checkoutId }
    const gone = exited(first.child)
    first.child.kill('SIGKILL')
    await gone

    const second = await start()
    const again = await fetch(`${second.origin}/api/shop/orders/${order.id}`)
    expect(again.status).toBe(200)
    expect(((await again.json()) as { status: string }).status).toBe('PENDING_PAYMENT')
    expect((await fetch(`${second.origin}/`)).status).toBe(404) // no dist/ here

    const stopped = exited(second.child)
    second.child.kill('SIGTERM')
    expect(await stopped).toBe(0)
    expect(existsSync(join(data, 'LOCK'))).toBe(false)
  }, 30_000)
})

/** A JSON client for one running server. */
function client(base: string): Send & { state(): Promise<TestState> } {
  const send: Send = async (method, path, body, headers) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: await res.json() }
  }
  return Object.assign(send, {
    async state() {
      return TestStateSchema.parse((await send('GET', '/api/__test/state', undefined, {})).body)
    },
  })
}

async function kill9(child: ChildProcess): Promise<void> {
  const gone = exited(child)
  child.kill('SIGKILL')
  await gone
}

/** The state without its clock, as a restart must find it. */
const lasting = ({ now: _now, ...rest }: TestState) => rest

describe('kill -9 in the middle of payments', () => {
  it('between create and confirm, and right after the confirm answered: all as it was', async () => {
    const folder = join(scratch, 'mid-payment')
    let server = await start(folder)
    let api = client(server.origin)
    const key = () => `mid-${Math.random().toString(36).slice(2)}-${Date.now()}`
    // The seeded cart: two shops' orders, paid together by their checkout's one payment.
    const placed = (
      await api(
        'POST',
        '/api/shop/orders',
        { lines: SEED_CART, addressId: 'addr-hz' },
        { 'idempotency-key': key() },
      )
    ).body as { checkoutId: string; totalFen: number }
    const order = { id: placed.checkoutId, totalFen: placed.totalFen }
    const payment = PaymentSchema.parse(
      (
        await api(
          'POST',
          '/api/pay/payments',
          { orderId: order.id, method: 'wechat-scan' },
          { 'idempotency-key': key() },
        )
      ).body,
    )
    await api('POST', `/api/pay/sheets/${payment.payToken}/open`, undefined, {
      'x-sim-persona': 'friend',
    })
    await api(
      'POST',
      '/api/pay/friend-requests',
      { orderId: order.id, message: '帮我付' },
      { 'idempotency-key': key() },
    )
    const beforeKill = await api.state()

    // 1. Killed between create and confirm: the open attempt, the request, the wallets survive.
    await kill9(server.child)
    server = await start(folder)
    api = client(server.origin)
    expect(lasting(await api.state())).toEqual(lasting(beforeKill))

    // 2. Killed right after the confirm's answer: the money moved, once, and the order gets PAID.
    const paid = await api(
      'POST',
      `/api/pay/sheets/${payment.payToken}/confirm`,
      { password: '123456' },
      { 'x-sim-persona': 'friend' },
    )
    expect(paid.status).toBe(200)
    await kill9(server.child)
    server = await start(folder)
    api = client(server.origin)
    const after = await api.state()
    expect(after.payments.find((p) => p.id === payment.id)).toMatchObject({
      status: 'SUCCESS',
      payer: 'friend',
    })
    expect(after.wallets.friend?.wechatBalanceFen).toBe(
      (beforeKill.wallets.friend?.wechatBalanceFen ?? 0) - order.totalFen,
    )
    expect(moneyInPlay(after)).toBe(moneyInPlay(beforeKill))
    // The notification may have died with the process: the restarted outbox sends it again.
    await expect
      .poll(
        async () =>
          (
            (await api('GET', `/api/shop/checkouts/${order.id}`, undefined, {})).body as {
              status: string
            }
          ).status,
        { timeout: 5000 },
      )
      .toBe('PAID')
    await kill9(server.child)
  }, 60_000)

  it('in the middle of a burst of payments: every answered SUCCESS survives, money adds up', async () => {
    const folder = join(scratch, 'burst')
    let server = await start(folder)
    let api = client(server.origin)
    await api('POST', '/api/__test/stock', { skuId: 'sku-mug-150', stock: 10_000 }, {})
    const before = await api.state()
    const answered: string[] = []
    const cycle = async (i: number) => {
      const order = (
        await api(
          'POST',
          '/api/shop/orders',
          { lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' },
          { 'idempotency-key': `burst-order-${i}` },
        )
      ).body as { checkoutId: string }
      const p = (
        await api(
          'POST',
          '/api/pay/payments',
          { orderId: order.checkoutId, method: i % 2 ? 'alipay-card' : 'unionpay' },
          { 'idempotency-key': `burst-pay-${i}` },
        )
      ).body as { id: string }
      const res = await api('POST', `/api/pay/payments/${p.id}/confirm`, { password: '123456' }, {})
      if (res.status === 200) answered.push(p.id)
    }
    const running = Array.from({ length: 40 }, (_, i) => cycle(i).catch(() => {}))
    await expect
      .poll(() => answered.length, { timeout: 10_000, interval: 1 })
      .toBeGreaterThanOrEqual(10)
    await kill9(server.child)
    await Promise.all(running)
    server = await start(folder)
    api = client(server.origin)
    const after = await api.state()
    for (const id of answered)
      expect(after.payments.find((p) => p.id === id)?.status).toBe('SUCCESS')
    expect(moneyInPlay(after)).toBe(moneyInPlay(before))
    const perOrder = new Map<string, number>()
    for (const p of after.payments)
      if (p.status === 'SUCCESS') perOrder.set(p.orderId, (perOrder.get(p.orderId) ?? 0) + 1)
    expect([...perOrder.values()].every((n) => n === 1)).toBe(true)
    await kill9(server.child)
  }, 60_000)
})

describe('the race over loopback, against the real server', () => {
  it('50 concurrent confirms on one order: exactly one SUCCESS, every wallet balanced', async () => {
    const server = await start(join(scratch, 'race'))
    const api = client(server.origin)
    const outcome = await raceOnOneOrder(api)
    expectOneWinner(outcome)
    await expect
      .poll(
        async () =>
          (await api.state()).checkouts.find((c) => c.checkoutId === outcome.orderId)?.status,
        {
          timeout: 5000,
        },
      )
      .toBe('PAID')
    await kill9(server.child)
  }, 60_000)
})
