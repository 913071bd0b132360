// The journal's own accidents: torn, garbage and zero-filled tails are cut and kept aside; damage with
// good records after it stops the start with where it is; snapshots keep restarts short.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDirs } from '../../../test/support/temp-dirs.ts'
import { setStock } from '../domain/fixtures.ts'
import { T0 } from '../domain/testing.ts'
import { encodeRecord, LEGACY_JOURNAL, segmentName, snapshotName } from './journal-format.ts'
import {
  DataFolderBusyError,
  DataFolderUnusableError,
  fileJournal,
  JournalDamagedError,
  MIN_SNAPSHOT_BYTES,
  snapshotThreshold,
} from './journal.ts'
import { processStart } from './lock.ts'
import { openStore } from './store.ts'
import type { Store } from './store.ts'

const tempDir = tempDirs('gateway-journal-')

const logs: string[] = []
const log = (message: string) => void logs.push(message)
const open = (dir: string, snapshotBytes?: number) =>
  openStore(dir, () => T0, [], { log, ...(snapshotBytes ? { snapshotBytes } : {}) })

/** A few durable changes: stock set to 1…n on the mug. */
async function stockMoves(store: Store, n: number, from = 1): Promise<void> {
  for (let i = from; i < from + n; i++) {
    store.run((s) => setStock(s, 'sku-mug-150', i))
    await store.durable()
  }
}
const mugStock = (store: Store) => store.state.merchant.skus.get('sku-mug-150')?.stock

describe('a damaged journal', () => {
  it.each([
    ['a torn record', '{"world":"default","kind":"events","events":[{"type":"stock.se'],
    ['a garbage line', 'this is not a record\n'],
    ['a zero-filled tail', '\0'.repeat(512)],
    ['zero-filled lines', `${'\0'.repeat(100)}\n${'\0'.repeat(10)}\n`],
  ])('cuts %s at the end, keeps it in a side file, and appends cleanly after', async (_, tail) => {
    const dir = tempDir()
    const first = open(dir)
    await stockMoves(first, 3)
    first.close()
    const path = join(dir, segmentName(1))
    const goodSize = statSync(path).size
    appendFileSync(path, tail)

    logs.length = 0
    const second = open(dir)
    expect(mugStock(second)).toBe(3)
    expect(statSync(path).size).toBe(goodSize)
    expect(logs.join('\n')).toMatch(/cut \d+ damaged byte\(s\) at the end of .*line 4 \(byte \d+\)/)
    const side = readdirSync(dir).find((name) => name.startsWith(`${segmentName(1)}.damaged-`))
    expect(side && readFileSync(join(dir, side), 'utf8')).toBe(tail)
    await stockMoves(second, 1, 9)
    second.close()
    const third = open(dir)
    expect(mugStock(third)).toBe(9)
    third.close()
  })

  it('stops the start at damage followed by good records, naming file, line and byte, printably', async () => {
    const dir = tempDir()
    const first = open(dir)
    await stockMoves(first, 2)
    first.close()
    const path = join(dir, segmentName(1))
    const offset = statSync(path).size
    appendFileSync(path, 'garbage\0\0here\n')
    appendFileSync(path, encodeRecord({ world: 'default', kind: 'clock', offsetMs: 5 }))
    const before = readFileSync(path)
    let error: unknown
    try {
      open(dir)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(JournalDamagedError)
    const message = (error as Error).message
    expect(message).toContain(`${path} line 3 (byte ${offset})`)
    expect(message).toContain('garbage\\u0000\\u0000here')
    expect(message).not.toContain('\0')
    expect(message).toMatch(/npm run journal -- check/)
    // Nothing was changed, and the folder is not left locked.
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(existsSync(join(dir, 'LOCK'))).toBe(false)
  })

  it('npm run journal -- check finds the damage; repair moves it into a quarantine file and the start works', async () => {
    const dir = tempDir()
    const first = open(dir)
    await stockMoves(first, 2)
    first.close()
    const path = join(dir, segmentName(1))
    appendFileSync(path, 'garbage\n')
    appendFileSync(path, encodeRecord({ world: 'default', kind: 'clock', offsetMs: 5 }))
    const tool = (command: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/journal.ts', command, '--data', dir],
        {
          encoding: 'utf8',
        },
      )
    const check = tool('check')
    expect(check.status).toBe(1)
    expect(check.stdout).toMatch(/line 3 \(byte \d+, 8 bytes\): "garbage"/)
    const repair = tool('repair')
    expect(repair.status).toBe(0)
    const quarantine = readdirSync(dir).find((name) => name.startsWith('quarantine-'))
    expect(quarantine && readFileSync(join(dir, quarantine), 'utf8')).toContain(
      '"preview":"\\"garbage\\""',
    )
    expect(tool('check').status).toBe(0)
    const store = open(dir)
    expect(mugStock(store)).toBe(2)
    expect(store.now()).toBe(T0 + 5)
    store.close()
  })

  it('reads a journal of the single-file era as its first segment', () => {
    const dir = tempDir()
    writeFileSync(join(dir, LEGACY_JOURNAL), '{"kind":"clock","offsetMs":1234}\n')
    const store = open(dir)
    expect(store.now()).toBe(T0 + 1234)
    store.close()
    expect(existsSync(join(dir, segmentName(1)))).toBe(true)
    expect(existsSync(join(dir, LEGACY_JOURNAL))).toBe(false)
  })
})

describe('snapshots', () => {
  it('are taken as the journal grows; a restart reads the latest and the segments after it', async () => {
    const dir = tempDir()
    const first = open(dir, 2000)
    await stockMoves(first, 40)
    const state = first.state
    first.close()
    const names = readdirSync(dir)
    expect(names).toContain(snapshotName(2))
    expect(names.filter((n) => n.startsWith('journal-')).length).toBeGreaterThan(2)
    const second = open(dir, 2000)
    expect(second.state).toEqual(state)
    expect(mugStock(second)).toBe(40)
    second.close()
  })

  it('come as soon as the journal since the last one outweighs it, within MIN_SNAPSHOT_BYTES and the cap', () => {
    const MiB = 2 ** 20
    expect(snapshotThreshold(0, 32 * MiB)).toBe(MIN_SNAPSHOT_BYTES)
    expect(snapshotThreshold(10 * MiB, 32 * MiB)).toBe(10 * MiB)
    expect(snapshotThreshold(100 * MiB, 32 * MiB)).toBe(32 * MiB)
    // A cap under the floor (tests take snapshots after a few records): the cap.
    expect(snapshotThreshold(0, 1500)).toBe(1500)

    const dir = tempDir()
    const journal = fileJournal(dir, { log })
    journal.load({ snapshot: () => {}, record: () => {} })
    // Records of 256 KiB each (one event carrying a long field: the journal does not read events).
    const big = (n: number) => {
      for (let i = 0; i < n; i++) {
        journal.append({
          world: 'default',
          kind: 'events',
          events: [{ type: 'stock.set', pad: 'x'.repeat(256 * 1024) } as never],
        })
      }
      journal.flush()
    }
    big(15)
    expect(journal.snapshotDue()).toBe(false)
    big(2)
    // A small state: due after MIN_SNAPSHOT_BYTES (4 MiB), not after the 32 MiB cap.
    expect(journal.snapshotDue()).toBe(true)
    // A snapshot of 6 MiB: the next is due once 6 MiB more are written, not 4.
    journal.snapshot({ default: { pad: 'y'.repeat(6 * MiB) } as never })
    expect(journal.snapshotDue()).toBe(false)
    big(17)
    expect(journal.snapshotDue()).toBe(false)
    big(8)
    expect(journal.snapshotDue()).toBe(true)
    journal.close()
  })

  it('are taken at start when the segments read since the last one are long enough', async () => {
    const dir = tempDir()
    const first = open(dir, 2000)
    await stockMoves(first, 40)
    first.close()
    // Segments with no snapshot (one that failed, or a folder written by a tool): the start takes one.
    for (const name of readdirSync(dir)) if (name.startsWith('snapshot-')) rmSync(join(dir, name))
    const second = open(dir, 2000)
    expect(mugStock(second)).toBe(40)
    second.close()
    expect(readdirSync(dir).some((name) => name.startsWith('snapshot-'))).toBe(true)
    const third = open(dir, 2000)
    expect(mugStock(third)).toBe(40)
    third.close()
  })

  it('fall back to an older snapshot (and its segments) when the newest is damaged', async () => {
    const dir = tempDir()
    const first = open(dir, 2000)
    await stockMoves(first, 40)
    first.close()
    const newest = readdirSync(dir)
      .filter((n) => n.startsWith('snapshot-'))
      .sort()
      .at(-1)
    writeFileSync(join(dir, newest ?? ''), '{"half a snap')
    logs.length = 0
    const second = open(dir, 2000)
    expect(mugStock(second)).toBe(40)
    expect(logs.join('\n')).toMatch(/is unreadable/)
    second.close()
  })

  it('keep the live log and the deadlines, so a restart numbers events and closes orders the same', async () => {
    const { harness } = await import('../http/testing.ts')
    const dir = tempDir()
    const before = harness({}, { data: dir, journal: { snapshotBytes: 1500, log } })
    const order = await before.order()
    await stockMoves(before.store, 10)
    const lastId = before.live.lastId(order.id)
    before.store.close()
    expect(readdirSync(dir).some((n) => n.startsWith('snapshot-'))).toBe(true)
    const after = harness({}, { data: dir, journal: { snapshotBytes: 1500, log } })
    expect(after.live.lastId(order.id)).toBe(lastId)
    expect(after.store.nextDeadline()).toBe(before.store.nextDeadline())
    after.store.close()
  })
})

describe('the data folder', () => {
  it('takes over a lock whose PID now belongs to another process', () => {
    const dir = tempDir()
    // The parent is alive, but it did not start when the lock says: the PID was reused.
    writeFileSync(join(dir, 'LOCK'), `${process.ppid} 1`)
    open(dir).close()
  })

  it('will not share the folder with the live process that holds it', async () => {
    const dir = tempDir()
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'])
    try {
      await new Promise((resolve) => child.once('spawn', resolve))
      const pid = child.pid ?? 0
      writeFileSync(join(dir, 'LOCK'), `${pid} ${processStart(pid) ?? ''}`)
      expect(() => open(dir)).toThrow(DataFolderBusyError)
      expect(() => open(dir)).toThrow(new RegExp(`in use by process ${pid}`))
    } finally {
      child.kill('SIGKILL')
    }
  })

  it('says plainly when the folder is on a read-only disk (a read-only tmpfs, where root may mount one)', (ctx) => {
    const mountPoint = tempDir()
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', mountPoint], {
        stdio: 'pipe',
      })
    } catch {
      ctx.skip()
    }
    try {
      expect(() => open(join(mountPoint, 'data'))).toThrow(/data folder .* is not writable \(EROFS/)
    } finally {
      execFileSync('umount', [mountPoint])
    }
  })

  it('says plainly when the folder cannot be made', () => {
    const file = join(tempDir(), 'a-file')
    writeFileSync(file, '')
    expect(() => open(join(file, 'data'))).toThrow(DataFolderUnusableError)
    expect(() => open(join(file, 'data'))).toThrow(/cannot be created .*GATEWAY_DATA/)
  })
})
