// The turn's group commit over many worlds' journals (store.ts): every store changed in a turn is
// written and synced together (in the background, on libuv's threads), each answer waits for its own
// store's write, changes made while a sync is in flight are committed right after it, and one world's
// failing disk refuses that world's changes only.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { placeAndPay } from '../../../test/support/history.ts'
import { tempDirs } from '../../../test/support/temp-dirs.ts'
import { T0 } from '../domain/testing.ts'
import { realDisk, StorageUnavailableError } from './disk.ts'
import type { DiskIO } from './disk.ts'
import { segmentName } from './journal-format.ts'
import { openStore } from './store.ts'
import type { Store } from './store.ts'

const tempDir = tempDirs('gateway-group-commit-')
const quiet = { log: () => {} }

const journalOf = (dir: string) => readFileSync(join(dir, segmentName(1)), 'utf8')

/** Opens `count` stores, each on its own folder (as worlds are). */
function worlds(count: number, io: (i: number) => DiskIO = () => realDisk) {
  const dirs = Array.from({ length: count }, () => tempDir())
  const stores = dirs.map((dir, i) => openStore(dir, () => T0, [], { io: io(i), ...quiet }))
  return { dirs, stores }
}

const closeAll = (stores: Store[]) => stores.forEach((s) => s.close())

describe('group commit over many worlds', () => {
  it('writes every world changed in a turn before any answer, and replays each one alone', async () => {
    const { dirs, stores } = worlds(12)
    // One turn: a cycle in every world, nothing awaited in between.
    stores.forEach((store, i) =>
      placeAndPay(store, { order: `o${i}`, payment: `p${i}`, key: `${i}` }),
    )
    await Promise.all(stores.map((store) => store.durable()))
    dirs.forEach((dir, i) => {
      const text = journalOf(dir)
      expect(text).toContain(`"o${i}"`)
      // Each world's journal holds its own records only.
      expect(text).not.toContain(`"o${(i + 1) % dirs.length}"`)
    })
    const states = stores.map((s) => s.state)
    closeAll(stores)
    dirs.forEach((dir, i) => {
      const again = openStore(dir, () => T0, [], quiet)
      expect(again.state).toEqual(states[i])
      expect(again.state.gateway.paidOrders.size).toBe(1)
      again.close()
    })
  })

  it('refuses only the world whose write failed, and undoes its change', async () => {
    const eio = () => Object.assign(new Error('EIO: simulated'), { code: 'EIO' })
    let failing = false
    const broken: DiskIO = {
      ...realDisk,
      write(...args) {
        if (failing) throw eio()
        return realDisk.write(...args)
      },
    }
    const { dirs, stores } = worlds(3, (i) => (i === 1 ? broken : realDisk))
    const [good, bad, other] = stores as [Store, Store, Store]
    failing = true
    for (const [i, store] of stores.entries())
      placeAndPay(store, { order: `o${i}`, payment: `p${i}`, key: `${i}` })
    await expect(bad.durable()).rejects.toBeInstanceOf(StorageUnavailableError)
    await expect(good.durable()).resolves.toBeUndefined()
    await expect(other.durable()).resolves.toBeUndefined()
    expect(bad.health.state).toBe('degraded')
    expect(bad.state.merchant.orders.size).toBe(0)
    expect(good.health.state).toBe('ok')
    expect(good.state.gateway.paidOrders.size).toBe(1)
    expect(journalOf(dirs[1] ?? '')).toBe('')
    closeAll(stores)
  })

  it('a change made while another world commits waits for the next turn, and is written then', async () => {
    const { dirs, stores } = worlds(2)
    const [first, second] = stores as [Store, Store]
    placeAndPay(first, { order: 'a', payment: 'pa', key: 'a' })
    const firstDone = first.durable().then(() => {
      // Told of the first world's commit, something changes the second world.
      placeAndPay(second, { order: 'b', payment: 'pb', key: 'b' })
      return second.durable()
    })
    await firstDone
    expect(journalOf(dirs[1] ?? '')).toContain('"b"')
    closeAll(stores)
  })

  it('goes on while a sync is in flight: the next changes wait for the commit after it, in order', async () => {
    // A disk whose background syncs are held until the test lets them go.
    const held: (() => void)[] = []
    const slow: DiskIO = {
      ...realDisk,
      syncInBackground(fd, done) {
        held.push(() => realDisk.syncInBackground?.(fd, done))
      },
    }
    const dir = tempDir()
    const store = openStore(dir, () => T0, [], { io: slow, ...quiet })
    const answered: string[] = []
    placeAndPay(store, { order: 'a', payment: 'pa', key: 'a' })
    const first = store.durable().then(() => answered.push('a'))
    await new Promise((resolve) => setImmediate(resolve))
    expect(held).toHaveLength(1)
    // The first sync is in flight: the event loop goes on, and a second change is applied now.
    placeAndPay(store, { order: 'b', payment: 'pb', key: 'b' })
    expect(store.state.gateway.paidOrders.size).toBe(2)
    const second = store.durable().then(() => answered.push('b'))
    await new Promise((resolve) => setImmediate(resolve))
    // One write in flight per journal: the second waits for the first's sync.
    expect(held).toHaveLength(1)
    expect(journalOf(dir)).not.toContain('"b"')
    held.shift()?.()
    await first
    await new Promise((resolve) => setImmediate(resolve))
    expect(held).toHaveLength(1)
    expect(journalOf(dir)).toContain('"b"')
    held.shift()?.()
    await second
    expect(answered).toEqual(['a', 'b'])
    const state = store.state
    store.close()
    const again = openStore(dir, () => T0, [], quiet)
    expect(again.state).toEqual(state)
    again.close()
  })

  it('a sync failing in the background undoes its changes and those made on top of them', async () => {
    let release: ((error: Error | null) => void) | undefined
    const failing: DiskIO = {
      ...realDisk,
      syncInBackground(_fd, done) {
        release = done
      },
    }
    const dir = tempDir()
    const store = openStore(dir, () => T0, [], { io: failing, ...quiet })
    placeAndPay(store, { order: 'a', payment: 'pa', key: 'a' })
    const first = store.durable()
    await new Promise((resolve) => setImmediate(resolve))
    placeAndPay(store, { order: 'b', payment: 'pb', key: 'b' })
    const second = store.durable()
    release?.(Object.assign(new Error('EIO: simulated'), { code: 'EIO' }))
    await expect(first).rejects.toBeInstanceOf(StorageUnavailableError)
    await expect(second).rejects.toBeInstanceOf(StorageUnavailableError)
    expect(store.health.state).toBe('degraded')
    expect(store.state.merchant.orders.size).toBe(0)
    // Cut back: nothing of either is on disk, and nothing is read back after a restart.
    expect(journalOf(dir)).toBe('')
    store.close()
    const again = openStore(dir, () => T0, [], quiet)
    expect(again.state.merchant.orders.size).toBe(0)
    again.close()
  })
})
