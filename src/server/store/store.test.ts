import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDirs } from '../../../test/support/temp-dirs.ts'
import { createOrder } from '../domain/merchant/orders.ts'
import { seedBody, T0 } from '../domain/testing.ts'
import { DataFolderBusyError } from './journal.ts'
import { placeAndPay } from '../../../test/support/history.ts'
import { segmentName } from './journal-format.ts'
import { openStore } from './store.ts'
import type { Store } from './store.ts'

const tempDir = tempDirs('gateway-journal-')

function buyAndPay(store: Store, n: number, password = '123456'): void {
  placeAndPay(store, { order: `o${n}`, payment: `p${n}`, key: String(n) }, password)
}

describe('the journal', () => {
  it('replays into the same state in a new store over the same folder', () => {
    const dir = tempDir()
    const first = openStore(dir, () => T0)
    buyAndPay(first, 1)
    buyAndPay(first, 2, '000000')
    first.advanceClock(31 * 60_000)
    buyAndPay(first, 3)
    first.close()

    const second = openStore(dir, () => T0)
    expect(second.state).toEqual(first.state)
    expect(second.now()).toBe(first.now())
    expect(second.state.gateway.accounts.shopper.guards.alipay.failedTries).toBe(0)
    expect(second.state.merchant.orders.size).toBe(3)
    second.close()
  })

  it('drops a line torn by a crash and keeps appending cleanly after it', () => {
    const dir = tempDir()
    const first = openStore(dir, () => T0)
    buyAndPay(first, 1)
    first.close()
    appendFileSync(join(dir, segmentName(1)), '{"kind":"events","events":[{"type":"order.cr')

    const second = openStore(dir, () => T0)
    expect(second.state).toEqual(first.state)
    buyAndPay(second, 2)
    second.close()
    const third = openStore(dir, () => T0)
    expect(third.state).toEqual(second.state)
    expect(readFileSync(join(dir, segmentName(1)), 'utf8').endsWith('\n')).toBe(true)
    third.close()
  })

  it('refuses a corrupt line in the middle rather than guess', () => {
    const dir = tempDir()
    writeFileSync(join(dir, segmentName(1)), 'not json\n{"kind":"clock","offsetMs":1}\n')
    expect(() => openStore(dir)).toThrow(/damaged at .*line 1 \(byte 0\)/)
  })

  it('forgets everything on reset, on disk too', () => {
    const dir = tempDir()
    const first = openStore(dir, () => T0)
    buyAndPay(first, 1)
    first.advanceClock(5000)
    first.reset()
    expect(first.state.merchant.orders.size).toBe(0)
    expect(first.now()).toBe(T0)
    buyAndPay(first, 2)
    first.close()
    const second = openStore(dir, () => T0)
    expect([...second.state.merchant.orders.keys()]).toEqual(['o2'])
    second.close()
  })

  it('will not share a data folder with another live process', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'LOCK'), String(process.ppid))
    expect(() => openStore(dir)).toThrow(DataFolderBusyError)
    // A lock left by a process that is gone is taken over.
    writeFileSync(join(dir, 'LOCK'), '999999999')
    openStore(dir).close()
  })

  it('keeps nothing in memory mode, and still runs commands', () => {
    const store = openStore('memory', () => T0)
    buyAndPay(store, 1)
    expect(store.state.gateway.payments.get('p1')?.status).toBe('SUCCESS')
    expect(openStore('memory').state.merchant.orders.size).toBe(0)
  })

  it('does not journal decisions without events', () => {
    const dir = tempDir()
    const store = openStore(dir, () => T0)
    buyAndPay(store, 1)
    const size = readFileSync(join(dir, segmentName(1)), 'utf8').length
    store.run((s, now) =>
      createOrder(
        s.merchant,
        {
          checkoutId: 'o9',
          orderIds: ['o9-a', 'o9-b', 'o9-c'],
          persona: 'shopper',
          idemKey: 'key-1',
          fingerprint: 'f',
          body: seedBody,
        },
        now,
      ),
    )
    expect(readFileSync(join(dir, segmentName(1)), 'utf8').length).toBe(size)
    store.close()
  })
})
