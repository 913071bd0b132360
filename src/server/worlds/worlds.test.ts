// Isolated worlds in one process: each has its own orders, payments, wallets, clock, faults, streams and
// outbox; none sees another's; unknown ids are refused; TTLs, limits and restarts behave.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SEED_CART } from '../domain/seed.ts'
import { DEFAULT_WORLD_LIMITS } from './limits.ts'
import { harness, ONE_SHOP_CART } from '../http/testing.ts'
import type { Harness } from '../http/testing.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function newWorld(h: Harness, body: Record<string, unknown> = {}): Promise<string> {
  const res = await h.json('POST', '/api/__test/worlds', { body })
  expect(res.status).toBe(201)
  expect(res.body.world).toMatch(/^w[A-Za-z0-9_-]{22}$/)
  return String(res.body.world)
}

const inWorld = (world: string, extra: Record<string, string> = {}) => ({
  'x-sim-persona': 'shopper',
  'x-sim-world': world,
  ...extra,
})

/** One shop's order in `world` (its checkout has its id). */
async function orderIn(h: Harness, world: string): Promise<string> {
  const res = await h.json('POST', '/api/shop/orders', {
    body: { lines: ONE_SHOP_CART, addressId: 'addr-hz' },
    headers: inWorld(world, { 'idempotency-key': h.newKey() }),
  })
  expect(res.status).toBe(201)
  return String(res.body.checkoutId)
}

async function stateOf(h: Harness, world: string) {
  const res = await h.json('GET', '/api/__test/state', { headers: { 'x-sim-world': world } })
  expect(res.status).toBe(200)
  return res.body as {
    orders: { id: string }[]
    payments: { id: string; status: string }[]
    now: string
  }
}

describe('worlds', () => {
  it('never see each other: orders, payments, clock, faults and reset stay in their world', async () => {
    const h = harness()
    const [a, b] = [await newWorld(h), await newWorld(h)]
    const orderA = await orderIn(h, a)
    const orderB = await orderIn(h, b)
    expect((await stateOf(h, a)).orders.map((o) => o.id)).toEqual([orderA])
    expect((await stateOf(h, b)).orders.map((o) => o.id)).toEqual([orderB])
    // The default world needs no header, and sees neither.
    expect((await h.state()).orders).toEqual([])
    // Another world's order does not exist here.
    const cross = await h.json('GET', `/api/shop/orders/${orderA}`, { headers: inWorld(b) })
    expect(cross).toMatchObject({ status: 404, body: { code: 'ORDER_NOT_EXIST' } })

    // Clock and faults are per world.
    await h.json('POST', '/api/__test/clock', {
      body: { advanceMs: 3_600_000 },
      headers: { 'x-sim-world': a },
    })
    const nowA = Date.parse((await stateOf(h, a)).now)
    const nowB = Date.parse((await stateOf(h, b)).now)
    expect(nowA - nowB).toBeGreaterThanOrEqual(3_600_000)
    await h.json('POST', '/api/__test/faults', {
      body: { failNextConfirm: 'SYSTEMERROR' },
      headers: { 'x-sim-world': b },
    })
    const payIn = async (world: string, orderId: string) => {
      const payment = await h.json('POST', '/api/pay/payments', {
        body: { orderId, method: 'alipay-balance' },
        headers: inWorld(world, { 'idempotency-key': h.newKey() }),
      })
      return h.json('POST', `/api/pay/payments/${String(payment.body.id)}/confirm`, {
        body: { password: '123456' },
        headers: inWorld(world),
      })
    }
    // World a's order closed when its clock jumped an hour; a fresh one pays normally there.
    expect((await payIn(a, await orderIn(h, a))).status).toBe(200)
    expect(await payIn(b, orderB)).toMatchObject({ status: 503, body: { code: 'SYSTEMERROR' } })

    // Live streams are per world: a's stream (named by ?world=, as EventSource must) shows a's order,
    // and b's activity and reset leave a's log alone.
    const stream = await h.call(
      'GET',
      `/api/shop/orders/${orderA}/events?world=${a}&persona=shopper`,
    )
    expect(stream.status).toBe(200)
    const reader = stream.body?.getReader()
    const first = new TextDecoder().decode((await reader?.read())?.value)
    expect(first).toContain(`"id":"${orderA}"`)
    await reader?.cancel()
    const liveA = h.worlds.get(a)?.live.lastId(orderA)
    await h.json('POST', '/api/__test/reset', { headers: { 'x-sim-world': b } })
    await orderIn(h, b)
    expect(h.worlds.get(a)?.live.lastId(orderA)).toBe(liveA)
    const wrongWorld = await h.call(
      'GET',
      `/api/shop/orders/${orderA}/events?world=${b}&persona=shopper`,
    )
    expect(wrongWorld.status).toBe(404)

    // A reset of one world leaves the other as it was.
    await h.json('POST', '/api/__test/reset', { headers: { 'x-sim-world': a } })
    expect((await stateOf(h, a)).orders).toEqual([])
    expect((await stateOf(h, b)).orders).toHaveLength(1)
  })

  it('a token names its world: a scanned code is paid in the world that made it, whatever the header says', async () => {
    const h = harness()
    const a = await newWorld(h)
    const b = await newWorld(h)
    const orderId = await orderIn(h, a)
    const code = await h.json('POST', '/api/pay/payments', {
      body: { orderId, method: 'wechat-scan' },
      headers: inWorld(a, { 'idempotency-key': h.newKey() }),
    })
    const token = String(code.body.payToken)
    expect(token.startsWith(`${a}.`)).toBe(true)
    const codeUrl = code.body.codeUrl as { weixin: string }
    expect(codeUrl.weixin).toBe(`weixin://wxpay/bizpayurl?pr=${encodeURIComponent(token)}`)
    // A friend's phone that knows nothing of the world (no header), or names another, pays it in a.
    const paid = await h.json('POST', `/api/pay/sheets/${encodeURIComponent(token)}/confirm`, {
      body: { password: '123456' },
      headers: { 'x-sim-persona': 'friend', 'x-sim-world': b },
    })
    expect(paid).toMatchObject({ status: 200, body: { status: 'SUCCESS' } })
    expect((await stateOf(h, a)).payments).toMatchObject([{ status: 'SUCCESS' }])
    expect((await stateOf(h, b)).payments).toEqual([])
  })

  it('refuses a world that was never made, is malformed or was deleted; the default one cannot be deleted', async () => {
    const h = harness()
    for (const world of ['wAAAAAAAAAAAAAAAAAAAAAA', 'nope', 'x'.repeat(300), '../default']) {
      const res = await h.json('GET', '/api/shop/catalog', { headers: { 'x-sim-world': world } })
      expect(res).toMatchObject({ status: 404, body: { code: 'WORLD_NOT_FOUND' } })
      expect(typeof res.body.message).toBe('string')
    }
    const events = await h.call('GET', '/api/shop/orders/o1/events?world=nope')
    expect(events.status).toBe(404)
    const world = await newWorld(h)
    expect((await h.json('DELETE', `/api/__test/worlds/${world}`)).status).toBe(200)
    expect(
      (await h.json('GET', '/api/shop/catalog', { headers: { 'x-sim-world': world } })).status,
    ).toBe(404)
    expect((await h.json('DELETE', `/api/__test/worlds/${world}`)).body.code).toBe(
      'WORLD_NOT_FOUND',
    )
    expect(await h.json('DELETE', '/api/__test/worlds/default')).toMatchObject({
      status: 400,
      body: { code: 'PARAM_ERROR' },
    })
    // Health and the document belong to no world.
    expect(
      (await h.call('GET', '/api/health', { headers: { 'x-sim-world': 'nope' } })).status,
    ).toBe(200)
  })

  it('drops a world nobody called for its TTL (wall clock), and keeps one that is used', async () => {
    const h = harness()
    const idle = await newWorld(h, { ttlMs: 60_000 })
    const busy = await newWorld(h, { ttlMs: 60_000 })
    h.clock.now += 40_000
    await orderIn(h, busy)
    h.clock.now += 30_000
    expect(h.worlds.expire()).toEqual([idle])
    expect(
      (await h.json('GET', '/api/shop/catalog', { headers: { 'x-sim-world': idle } })).status,
    ).toBe(404)
    expect(
      (await h.json('GET', '/api/shop/catalog', { headers: { 'x-sim-world': busy } })).status,
    ).toBe(200)
    // A world's test clock moving a day does not age it.
    await h.json('POST', '/api/__test/clock', {
      body: { advanceMs: 86_400_000 },
      headers: { 'x-sim-world': busy },
    })
    expect(h.worlds.expire()).toEqual([])
  })

  it('limits worlds (429 TOO_MANY_WORLDS) and events (413 WORLD_FULL); a reset or a delete frees them', async () => {
    const h = harness({ limits: { ...DEFAULT_WORLD_LIMITS, maxWorlds: 2, maxEventsPerWorld: 3 } })
    const a = await newWorld(h)
    await newWorld(h)
    expect(await h.json('POST', '/api/__test/worlds', { body: {} })).toMatchObject({
      status: 429,
      body: { code: 'TOO_MANY_WORLDS' },
    })
    await orderIn(h, a) // order.created: 1 event (and its stock moves with it)
    const refusals: number[] = []
    for (let i = 0; i < 4; i++) {
      const res = await h.json('POST', '/api/shop/orders', {
        body: { lines: SEED_CART, addressId: 'addr-hz' },
        headers: inWorld(a, { 'idempotency-key': h.newKey() }),
      })
      refusals.push(res.status)
      if (res.status === 413) expect(res.body.code).toBe('WORLD_FULL')
    }
    expect(refusals).toContain(413)
    await h.json('POST', '/api/__test/reset', { headers: { 'x-sim-world': a } })
    expect((await stateOf(h, a)).orders).toEqual([])
    await orderIn(h, a)
    const list = await h.json('GET', '/api/__test/worlds')
    expect(list.body).toMatchObject({ limits: { maxWorlds: 2, maxEventsPerWorld: 3 } })
    expect((list.body.worlds as { world: string }[]).map((w) => w.world)).toContain('default')
  })

  it('come back after a restart as they were; a deleted one stays gone, its folder with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-worlds-'))
    dirs.push(dir)
    const before = harness({}, { data: dir })
    const [a, b, c] = [await newWorld(before), await newWorld(before), await newWorld(before)]
    const orders = {
      a: await orderIn(before, a),
      b: await orderIn(before, b),
      def: await before.order(),
    }
    await orderIn(before, c)
    expect((await before.json('DELETE', `/api/__test/worlds/${c}`)).status).toBe(200)
    expect(existsSync(join(dir, 'worlds', c))).toBe(false)
    before.worlds.close()

    const after = harness({}, { data: dir })
    expect((await stateOf(after, a)).orders.map((o) => o.id)).toEqual([orders.a])
    expect((await stateOf(after, b)).orders.map((o) => o.id)).toEqual([orders.b])
    expect((await after.state()).orders.map((o) => o.id)).toEqual([orders.def.id])
    expect(
      (await after.json('GET', '/api/shop/catalog', { headers: { 'x-sim-world': c } })).status,
    ).toBe(404)
    after.worlds.close()
  })
})
