// The console log itself: a bounded ring numbered on, shown only once durable, undone with a rollback,
// entries kept in the order things happened; and after a restart, what the journal's tail replays.
import { describe, expect, it } from 'vitest'
import { tempDirs } from '../../../test/support/temp-dirs.ts'
import { seedState } from '../domain/seed.ts'
import { harness } from '../http/testing.ts'
import { ConsoleLog } from './console-log.ts'
import type { NewEntry } from './entry.ts'
import { timeline, typesOf } from './testing.ts'

const tempDir = tempDirs('gateway-console-')

const call = (n: number, body = ''): NewEntry => ({
  at: new Date(n).toISOString(),
  kind: 'call',
  type: 'call',
  summary: `call ${n}`,
  refs: { merchant: 'm' },
  detail: { requestBody: body },
})

const clockAt = { now: () => 0, clockSetting: { offsetMs: 0, frozenAt: null }, state: seedState() }

describe('ConsoleLog', { timeout: 30_000 }, () => {
  it('keeps the last `limit` entries, and at most `maxBytes` of them; seq only grows', () => {
    const log = new ConsoleLog({ limit: 3 })
    log.start(clockAt)
    for (let i = 1; i <= 10; i++) log.add(call(i))
    expect(log.entries().map((e) => e.seq)).toEqual([8, 9, 10])
    expect(log.since(8).map((e) => e.seq)).toEqual([9, 10])
    expect(log.since(0).map((e) => e.seq)).toEqual([8, 9, 10])
    expect(log.last).toBe(10)
    const heavy = new ConsoleLog({ maxBytes: 10_000 })
    heavy.start(clockAt)
    for (let i = 1; i <= 10; i++) heavy.add(call(i, 'x'.repeat(3000)))
    expect(heavy.size).toBeLessThanOrEqual(3)
    expect(heavy.entries().at(-1)?.seq).toBe(10)
  })

  it('holds the store’s entries until durable; a rollback drops them, not the calls behind them', () => {
    const log = new ConsoleLog()
    log.start(clockAt)
    const seen: number[] = []
    log.subscribe(
      (e) => seen.push(e.seq),
      () => {},
    )
    log.recorded({ world: 'default', kind: 'clock', offsetMs: 60_000 }, false)
    log.add(call(1))
    expect(log.size).toBe(0)
    log.reloaded()
    expect(log.entries().map((e) => e.type)).toEqual(['call'])
    log.recorded({ world: 'default', kind: 'clock', offsetMs: 120_000 }, false)
    log.committed()
    expect(log.entries().map((e) => e.type)).toEqual(['call', 'clock.moved'])
    expect(seen).toEqual([1, 2])
  })

  it('a slot keeps its place: what comes after it waits until it is filled', () => {
    const log = new ConsoleLog()
    log.start(clockAt)
    const fill = log.slot()
    log.add(call(2))
    expect(log.size).toBe(0)
    fill([call(1)])
    expect(log.entries().map((e) => e.summary)).toEqual(['call 1', 'call 2'])
  })

  it('a closed log ends its listeners and takes nothing more', () => {
    const log = new ConsoleLog()
    log.start(clockAt)
    let ended = 0
    log.subscribe(
      () => {},
      () => (ended += 1),
    )
    log.close()
    log.add(call(1))
    expect(ended).toBe(1)
    expect(log.size).toBe(0)
  })
})

describe('after a restart', { timeout: 30_000 }, () => {
  it('the log starts with what the journal since the last snapshot replays, then goes on', async () => {
    const dir = tempDir()
    const before = harness({}, { data: dir })
    const order = await before.order()
    await before.json('POST', '/api/__test/clock', { body: { advanceMs: 1000 } })
    await before.json('POST', '/api/__test/faults', { body: { notify: 'drop' } })
    before.worlds.close()
    const after = harness({}, { data: dir })
    const { entries } = await timeline(after)
    // Calls, deliveries and fault changes are not journalled: only the store's records come back.
    expect(typesOf(entries)).toEqual(['order.created', 'clock.moved'])
    expect(entries[0]?.at).toBe(order.createdAt)
    // (A fresh harness counts its Idempotency-Keys from 1 again: this one is new.)
    const again = await after.json('POST', '/api/shop/orders', {
      body: { lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' },
      headers: { 'idempotency-key': 'after-the-restart' },
    })
    expect(again.status).toBe(201)
    expect(typesOf((await timeline(after)).entries)).toEqual([
      'order.created',
      'clock.moved',
      'order.created',
    ])
    after.worlds.close()
  })

  it('describes what a start replayed after the start (in turns), all of it before anything reads or adds', () => {
    const replayed = (log: ConsoleLog, n: number) => {
      for (let i = 0; i < n; i++)
        log.recorded({ world: 'default', kind: 'clock', offsetMs: (i + 1) * 1000 }, true)
    }
    // Read at once, before any turn: the whole tail is there, in order, before the live entry.
    const read = new ConsoleLog()
    replayed(read, 1200)
    read.start(clockAt)
    read.add(call(1))
    const entries = read.entries()
    expect(entries).toHaveLength(1201)
    expect(entries.at(-1)?.type).toBe('call')
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1))
  })
})
