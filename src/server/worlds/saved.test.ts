// Saved worlds after a restart (issue 25): only the default world is read before the server listens;
// the others open at their first call, when something must see them all, or one per turn afterwards,
// and nothing of theirs is lost or misrouted meanwhile.
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { segmentName } from '../store/journal-format.ts'
import { harness, ONE_SHOP_CART } from '../http/testing.ts'
import type { Harness } from '../http/testing.ts'
import { DEFAULT_WORLD_LIMITS } from './limits.ts'

const dirs: string[] = []
const open: Harness[] = []
afterEach(() => {
  for (const h of open.splice(0)) h.worlds.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-saved-'))
  dirs.push(dir)
  return dir
}

function start(data: string, over: Parameters<typeof harness>[0] = {}): Harness {
  const h = harness(over, { data })
  open.push(h)
  return h
}

async function newWorld(h: Harness, body: Record<string, unknown> = {}): Promise<string> {
  const res = await h.json('POST', '/api/__test/worlds', { body })
  expect(res.status).toBe(201)
  return String(res.body.world)
}

async function orderIn(h: Harness, world: string): Promise<string> {
  const res = await h.json('POST', '/api/shop/orders', {
    body: { lines: ONE_SHOP_CART, addressId: 'addr-hz' },
    headers: { 'x-sim-persona': 'shopper', 'x-sim-world': world, 'idempotency-key': h.newKey() },
  })
  expect(res.status).toBe(201)
  return String(res.body.checkoutId)
}

async function ordersOf(h: Harness, world: string): Promise<string[]> {
  const res = await h.json('GET', '/api/__test/state', { headers: { 'x-sim-world': world } })
  expect(res.status).toBe(200)
  return (res.body.orders as { checkoutId: string }[]).map((o) => o.checkoutId)
}

const openedIds = (h: Harness) => [...h.worlds.opened()].map((w) => w.id).sort()
const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('saved worlds after a restart', () => {
  it('open at their first call, each with what it held; the others stay unread until then', async () => {
    const dir = folder()
    const before = start(dir)
    const [a, b] = [await newWorld(before), await newWorld(before)]
    const orderA = await orderIn(before, a)
    const orderB = await orderIn(before, b)
    before.worlds.close()

    const after = start(dir)
    expect(openedIds(after)).toEqual(['default'])
    expect(after.worlds.size).toBe(3)
    expect(await ordersOf(after, a)).toEqual([orderA])
    expect(openedIds(after)).toEqual(['default', a].sort())
    // The list sees every world, so it opens the rest.
    const list = await after.json('GET', '/api/__test/worlds')
    expect((list.body.worlds as { world: string }[]).map((w) => w.world).sort()).toEqual(
      ['default', a, b].sort(),
    )
    expect(await ordersOf(after, b)).toEqual([orderB])
  })

  it('open one per turn once asked to, and calls in between are answered', async () => {
    const dir = folder()
    const before = start(dir)
    const made = [await newWorld(before), await newWorld(before), await newWorld(before)]
    before.worlds.close()

    const after = start(dir)
    after.worlds.openSaved()
    expect(openedIds(after)).toEqual(['default'])
    await turn()
    expect(openedIds(after)).toHaveLength(2)
    expect((await after.json('GET', '/api/shop/catalog')).status).toBe(200)
    for (let i = 0; i < 5; i++) await turn()
    expect(openedIds(after)).toEqual(['default', ...made].sort())
  })

  it('a merchant registered in an unread world is found by its mchid, so its SDK lands there', async () => {
    const dir = folder()
    const before = start(dir)
    const world = await newWorld(before)
    const keys = await before.json('GET', '/api/__test/wechatpay/keys', {
      headers: { 'x-sim-world': world },
    })
    expect(keys.status).toBe(200)
    const merchant = keys.body.merchant as {
      mchid: string
      serialNo: string
      certificatePem: string
    }
    const demo = merchant.mchid
    const registered = await before.json('POST', '/api/__test/wechatpay/merchants', {
      body: {
        mchid: '1230000109',
        serialNo: merchant.serialNo,
        publicKeyPem: merchant.certificatePem,
        apiV3Key: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345',
        name: '我的小店',
      },
      headers: { 'x-sim-world': world },
    })
    expect(registered.status).toBe(200)
    before.worlds.close()

    const after = start(dir)
    // Its demo mchid is in its meta file: known before the world is read.
    expect(after.worlds.directory.lookup(demo)?.world).toBe(world)
    expect(openedIds(after)).toEqual(['default'])
    // A registered one is in its journal: a miss opens the saved worlds and looks again.
    expect(after.worlds.directory.lookup('1230000109')?.world).toBe(world)
    expect(openedIds(after)).toEqual(['default', world].sort())
    expect(after.worlds.directory.lookup('1999999999')).toBeUndefined()
  })

  it('expire on their TTL and can be deleted without being read', async () => {
    const dir = folder()
    const before = start(dir)
    const [short, kept, gone] = [
      await newWorld(before, { ttlMs: 60_000 }),
      await newWorld(before),
      await newWorld(before),
    ]
    before.worlds.close()

    const after = start(dir)
    expect((await after.json('DELETE', `/api/__test/worlds/${gone}`)).status).toBe(200)
    expect(existsSync(join(dir, 'worlds', gone))).toBe(false)
    after.clock.advance(61_000)
    expect(after.worlds.expire()).toEqual([short])
    expect(existsSync(join(dir, 'worlds', short))).toBe(false)
    expect(openedIds(after)).toEqual(['default'])
    expect(after.worlds.size).toBe(2)
    expect(
      (await after.json('GET', '/api/shop/catalog', { headers: { 'x-sim-world': kept } })).status,
    ).toBe(200)
  })

  it('count against the cap on worlds before they are read', async () => {
    const dir = folder()
    const limits = { ...DEFAULT_WORLD_LIMITS, maxWorlds: 2 }
    const before = start(dir, { limits })
    await newWorld(before)
    await newWorld(before)
    before.worlds.close()

    const after = start(dir, { limits })
    const refused = await after.json('POST', '/api/__test/worlds', { body: {} })
    expect(refused).toMatchObject({ status: 429, body: { code: 'TOO_MANY_WORLDS' } })
  })

  it('one with a damaged journal is refused with 503 and named in the log; the others go on', async () => {
    const dir = folder()
    const before = start(dir)
    const [bad, good] = [await newWorld(before), await newWorld(before)]
    await orderIn(before, bad)
    const orderGood = await orderIn(before, good)
    before.worlds.close()
    // Damage with good records after it: not a torn write, so the world's journal cannot be read.
    const segment = join(dir, 'worlds', bad, segmentName(1))
    expect(readdirSync(join(dir, 'worlds', bad))).toContain(segmentName(1))
    appendFileSync(segment, 'not a record\n{"world":"x","kind":"events","events":[]}\n')

    const after = start(dir)
    after.worlds.openSaved()
    for (let i = 0; i < 4; i++) await turn()
    const refused = await after.json('GET', '/api/shop/catalog', {
      headers: { 'x-sim-world': bad },
    })
    expect(refused).toMatchObject({ status: 503, body: { code: 'STORAGE_UNAVAILABLE' } })
    expect(String(refused.body.message)).toContain(bad)
    expect(after.logs.some((line) => line.includes(`world ${bad} cannot be opened`))).toBe(true)
    expect(await ordersOf(after, good)).toEqual([orderGood])
    // It still counts as a world, and can be deleted (its folder with it) to make room.
    expect(after.worlds.size).toBe(3)
    expect((await after.json('DELETE', `/api/__test/worlds/${bad}`)).status).toBe(200)
    expect(existsSync(join(dir, 'worlds', bad))).toBe(false)
    expect(after.worlds.size).toBe(2)
  })
})
