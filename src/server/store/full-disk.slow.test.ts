// The production server on a real, tiny disk (a 4 MiB tmpfs; root only, skipped elsewhere): the journal
// fills it, the server answers 503 STORAGE_UNAVAILABLE and keeps reading, recovers by itself when space
// comes back, and a restart after kill -9 finds every acknowledged order and nothing else. (A journal
// that stops being writable while open, EIO, is the injected disk of durability.test.ts: Linux will not
// remount a filesystem read-only under an open writer.)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SEED_CART } from '../domain/seed.ts'
import { startServer, stopServer } from '../../../test/support/loopback.ts'
import type { LoopbackServer } from '../../../test/support/loopback.ts'

const mountPoint = mkdtempSync(join(tmpdir(), 'gateway-tmpfs-'))
const mounted = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { stdio: 'pipe' })
    return true
  } catch {
    return false
  }
})()
afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint])
  rmSync(mountPoint, { recursive: true, force: true })
})

const data = join(mountPoint, 'data')
const filler = join(mountPoint, 'filler')
let keys = 0

async function createOrder(server: LoopbackServer, key = `full-disk-${++keys}`) {
  const res = await fetch(`${server.origin}/api/shop/orders`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-sim-persona': 'shopper',
      'idempotency-key': key,
    },
    body: JSON.stringify({ lines: SEED_CART, addressId: 'addr-hz' }),
  })
  // The seeded cart: a checkout of two shops' orders.
  return { status: res.status, body: (await res.json()) as { orderIds?: string[]; code?: string } }
}

async function until(check: () => Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

describe.skipIf(!mounted)('a real disk that fills and frees', () => {
  it('never answers 2xx for what is not on disk, and loses nothing it answered', async () => {
    // Room for the server and about a megabyte of journal; the filler is what "frees" space later.
    writeFileSync(filler, Buffer.alloc(2 * 2 ** 20, 1))
    const server = await startServer({
      data,
      stderr: 'collect',
      env: { GATEWAY_SNAPSHOT_BYTES: String(2 ** 40) },
    })
    for (const { skuId } of SEED_CART) {
      await fetch(`${server.origin}/api/__test/stock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ skuId, stock: 1_000_000 }),
      })
    }
    const acknowledged = new Set<string>()
    let refusal: { status: number; body: { code?: string } } | null = null
    try {
      for (let i = 0; i < 5000 && !refusal; i++) {
        const answer = await createOrder(server)
        if (answer.status === 201 && answer.body.orderIds) {
          for (const id of answer.body.orderIds) acknowledged.add(id)
        } else refusal = answer
      }
      expect(refusal).toMatchObject({ status: 503, body: { code: 'STORAGE_UNAVAILABLE' } })
      const health = await fetch(`${server.origin}/api/health`)
      expect(health.status).toBe(503)
      expect(await health.json()).toMatchObject({ ok: false, storage: { state: 'degraded' } })
      const list = await fetch(`${server.origin}/api/shop/orders`, {
        headers: { 'x-sim-persona': 'shopper' },
      })
      expect(list.status).toBe(200)
      expect(((await list.json()) as { orders: unknown[] }).orders).toHaveLength(acknowledged.size)
      expect(server.stderr.join('\n')).toMatch(/STORAGE DEGRADED.*ENOSPC/)

      // Space comes back: within a probe or two the server takes orders again, by itself.
      rmSync(filler)
      expect(
        await until(async () => (await fetch(`${server.origin}/api/health`)).status === 200),
      ).toBe(true)
      const after = await createOrder(server)
      expect(after.status).toBe(201)
      for (const id of after.body.orderIds ?? []) acknowledged.add(id)
    } finally {
      server.child.kill('SIGKILL')
      await new Promise((r) => server.child.once('exit', r))
    }

    // After a kill -9: exactly the acknowledged orders.
    const again = await startServer({ data, stderr: 'collect' })
    try {
      const list = await fetch(`${again.origin}/api/shop/orders`, {
        headers: { 'x-sim-persona': 'shopper' },
      })
      const ids = ((await list.json()) as { orders: { id: string }[] }).orders.map((o) => o.id)
      expect(new Set(ids)).toEqual(acknowledged)
      console.log(
        `full disk: ${acknowledged.size} orders acknowledged and kept, refusals were 503 STORAGE_UNAVAILABLE`,
      )
    } finally {
      await stopServer(again)
    }
  })
})
