// The turn's group commit over many worlds' journals (store.ts, sync-pool.ts): every store changed in a
// turn is written and synced together, each answer waits for its own store's write, and one world's
// failing disk refuses that world's changes only.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
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
import { syncAll } from './sync-pool.ts'

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
})

describe('syncAll', () => {
  it('syncs many files at once and reports each one’s failure', () => {
    const dir = tempDir()
    const fds = Array.from({ length: 9 }, (_, i) => openSync(join(dir, `f${i}`), 'w'))
    for (let round = 0; round < 50; round++) {
      for (const fd of fds) writeSync(fd, `round ${round}\n`)
      expect(syncAll(fds)).toEqual(fds.map(() => null))
    }
    const outcomes = syncAll([fds[0] ?? -1, 987_654, fds[1] ?? -1])
    expect(outcomes[0]).toBeNull()
    expect(outcomes[1]).toMatchObject({ code: 'EBADF' })
    expect(outcomes[2]).toBeNull()
    for (const fd of fds) closeSync(fd)
  })
})
