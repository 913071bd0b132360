// Write-ahead under a disk that fills, writes short and fails: nothing answered 2xx is lost, nothing
// kept in memory is missing from disk, and the gateway recovers by itself when the disk does.
import { describe, expect, it } from 'vitest'
import { tempDirs } from '../../../test/support/temp-dirs.ts'
import fc from 'fast-check'
import { audit } from '../../../test/support/money-audit.ts'
import { harness } from '../http/testing.ts'
import { realDisk } from './disk.ts'
import type { DiskIO } from './disk.ts'
import { openStore } from './store.ts'

const tempDir = tempDirs('gateway-disk-')

const quiet = () => {}

type DiskMode = 'ok' | 'full' | 'short' | 'failing'

/** The real disk, with a switch: full (nothing more fits), short (a few bytes, then full), failing (EIO). */
function switchableDisk() {
  let mode: DiskMode = 'ok'
  let shortLeft = 0
  const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })
  const io: DiskIO = {
    ...realDisk,
    write(fd, buffer, offset, length, position) {
      if (mode === 'failing') throw fail('EIO')
      if (mode === 'full') throw fail('ENOSPC')
      if (mode === 'short') {
        if (shortLeft === 0) throw fail('ENOSPC')
        const n = Math.min(shortLeft, length)
        shortLeft -= n
        return realDisk.write(fd, buffer, offset, n, position)
      }
      return realDisk.write(fd, buffer, offset, length, position)
    },
    writeFileAtomic(path, data) {
      if (mode !== 'ok') throw fail(mode === 'failing' ? 'EIO' : 'ENOSPC')
      realDisk.writeFileAtomic(path, data)
    },
  }
  return {
    io,
    set(next: DiskMode, bytes = 0) {
      mode = next
      shortLeft = bytes
    },
  }
}

describe('write-ahead on a failing disk', () => {
  it('answers 503 STORAGE_UNAVAILABLE for a change that did not reach the disk, and undoes it', async () => {
    const dir = tempDir()
    const disk = switchableDisk()
    const logs: string[] = []
    const h = harness({}, { data: dir, journal: { io: disk.io, log: (m) => void logs.push(m) } })
    const kept = await h.order()
    const key = h.newKey()
    const create = () =>
      h.json('POST', '/api/shop/orders', {
        body: { lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' },
        headers: h.as('shopper', { 'idempotency-key': key }),
      })

    disk.set('short', 40) // a short write, then the disk is full
    const refused = await create()
    expect(refused).toMatchObject({ status: 503, body: { code: 'STORAGE_UNAVAILABLE' } })
    expect(typeof refused.body.message).toBe('string')
    // Undone: the retry with the same key is not answered from a phantom, and the order is not there.
    expect(h.store.state.merchant.orders.size).toBe(1)
    expect(await create()).toMatchObject({ status: 503, body: { code: 'STORAGE_UNAVAILABLE' } })

    // Degraded: loud on /api/health, reads still answer from the durable state.
    const health = await h.json('GET', '/api/health')
    expect(health).toMatchObject({
      status: 503,
      body: { ok: false, storage: { state: 'degraded', error: expect.stringMatching(/ENOSPC/) } },
    })
    expect((await h.json('GET', '/api/pay/wallet', { headers: h.as('shopper') })).status).toBe(200)
    expect(
      (await h.json('GET', `/api/shop/orders/${kept.id}`, { headers: h.as('shopper') })).status,
    ).toBe(200)
    expect(logs.join('\n')).toMatch(/STORAGE DEGRADED: the journal write failed \(ENOSPC/)

    // The disk frees: the store takes changes again, and the retry makes the order for real.
    disk.set('ok')
    expect(h.store.recover()).toBe(true)
    expect(await h.json('GET', '/api/health')).toEqual({ status: 200, body: { ok: true } })
    const made = await create()
    expect(made.status).toBe(201)
    h.store.close()

    const reopened = openStore(dir, () => h.clock.now)
    expect([...reopened.state.merchant.orders.keys()].sort()).toEqual(
      // (One SKU: one shop, so the checkout's one order has its id.)
      [kept.id, made.body.checkoutId].sort(),
    )
    reopened.close()
  })

  it('a confirm whose write fails is not SUCCESS, now or after a restart', async () => {
    const dir = tempDir()
    const disk = switchableDisk()
    const h = harness({}, { data: dir, journal: { io: disk.io, log: quiet } })
    const order = await h.order()
    const payment = await h.pay(order.id, 'alipay-balance')
    const id = String(payment.body.id)
    disk.set('failing')
    const confirm = await h.json('POST', `/api/pay/payments/${id}/confirm`, {
      body: { password: '123456' },
      headers: h.as('shopper'),
    })
    expect(confirm).toMatchObject({ status: 503, body: { code: 'STORAGE_UNAVAILABLE' } })
    expect(h.store.state.gateway.payments.get(id)?.status).toBe('NOTPAY')
    h.store.close()
    const reopened = openStore(dir, () => h.clock.now)
    expect(reopened.state.gateway.payments.get(id)?.status).toBe('NOTPAY')
    expect(reopened.state.merchant.orders.get(order.id)?.status).toBe('PENDING_PAYMENT')
    reopened.close()
  })

  it('under a disk that fills and frees at random, memory is exactly what is on disk, and every 2xx is kept', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            disk: fc.constantFrom<DiskMode>('ok', 'ok', 'full', 'short', 'failing'),
            shortBytes: fc.integer({ min: 1, max: 600 }),
            ops: fc.array(fc.constantFrom('order', 'pay', 'confirm', 'clock'), {
              minLength: 1,
              maxLength: 4,
            }),
          }),
          { minLength: 4, maxLength: 14 },
        ),
        async (rounds) => {
          const dir = tempDir()
          const disk = switchableDisk()
          const h = harness({}, { data: dir, journal: { io: disk.io, log: quiet } })
          const before = await h.state()
          const ackOrders = new Set<string>()
          const ackPayments = new Set<string>()
          const ackPaid = new Set<string>()
          for (const round of rounds) {
            disk.set(round.disk, round.shortBytes)
            if (round.disk === 'ok') h.store.recover()
            const orders = [...ackOrders]
            const payments = [...ackPayments]
            await Promise.all(
              round.ops.map(async (op, i) => {
                if (op === 'order') {
                  const res = await h.json('POST', '/api/shop/orders', {
                    body: { lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' },
                    headers: h.as('shopper', { 'idempotency-key': h.newKey() }),
                  })
                  expect([201, 503, 409]).toContain(res.status)
                  if (res.status === 201) ackOrders.add(String(res.body.checkoutId))
                } else if (op === 'pay' && orders.length > 0) {
                  const res = await h.pay(orders[i % orders.length] ?? '', 'alipay-balance')
                  if (res.status === 201) ackPayments.add(String(res.body.id))
                } else if (op === 'confirm' && payments.length > 0) {
                  const id = payments[i % payments.length] ?? ''
                  const res = await h.json('POST', `/api/pay/payments/${id}/confirm`, {
                    body: { password: '123456' },
                    headers: h.as('shopper'),
                  })
                  if (res.status === 200) ackPaid.add(id)
                } else if (op === 'clock') {
                  await h.json('POST', '/api/__test/clock', { body: { advanceMs: 60_000 } })
                }
              }),
            )
            h.settle()
            await h.store.durable().catch(() => {})
          }
          disk.set('ok')
          h.store.recover()
          const after = await h.state()
          const inMemory = h.store.state
          h.store.close()
          const reopened = openStore(dir, () => h.clock.now)
          try {
            // Nothing in memory that is not on disk, and the other way round.
            expect(reopened.state).toEqual(inMemory)
            const orders = new Set(reopened.state.merchant.orders.keys())
            for (const id of ackOrders) expect(orders.has(id)).toBe(true)
            for (const id of ackPayments) expect(reopened.state.gateway.payments.has(id)).toBe(true)
            for (const id of ackPaid) {
              expect(reopened.state.gateway.payments.get(id)?.status).toMatch(/SUCCESS|REFUND/)
            }
            // Nothing that was refused: every order on disk was answered 201.
            expect([...orders].every((id) => ackOrders.has(id))).toBe(true)
            const money = audit(before, after)
            expect(money.doubles).toBe(0)
            expect(money.drift).toBe(0)
            expect(money.paidWithoutPayment).toBe(0)
          } finally {
            reopened.close()
          }
        },
      ),
      { numRuns: 12 },
    )
  })
})
