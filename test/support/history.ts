// A long history in a data folder, made in process through the store (no HTTP): what the restart bench
// and the big-journal checks start the server over. Tooling, not product.
import { openPayment } from '../../src/server/domain/cashier.ts'
import { setStock, setWallet } from '../../src/server/domain/fixtures.ts'
import { confirmPayment } from '../../src/server/domain/gateway/payments.ts'
import { createOrder } from '../../src/server/domain/merchant/orders.ts'
import { SEED_CART } from '../../src/server/domain/seed.ts'
import { oneShopBody } from '../../src/server/domain/testing.ts'
import { notificationOf } from '../../src/server/http/notify.ts'
import { markPaid } from '../../src/server/domain/merchant/orders.ts'
import { LiveLog } from '../../src/server/store/live.ts'
import { openStore } from '../../src/server/store/store.ts'
import type { Store } from '../../src/server/store/store.ts'

const RICH = 10_000_000_000

export interface HistoryOptions {
  /** Snapshot threshold while writing; `Infinity` writes one long segment, as an older version did. */
  snapshotBytes?: number
  /** Called every 10,000 cycles. */
  progress?: (cycles: number) => void
  /**
   * Resets to the seed this many times along the way (evenly): a CI-like history, where the live
   * state stays small however long the history grows.
   */
  resets?: number
}

/**
 * One order of the seeded cart's tea shop, paid from the shopper's Alipay balance through the store (three
 * commands): the ids are the caller's; a wrong `password` leaves the payment open.
 */
export function placeAndPay(
  store: Store,
  ids: { order: string; payment: string; key: string },
  password = '123456',
): void {
  store.run((s, now) =>
    createOrder(
      s.merchant,
      {
        // One shop's goods: the checkout's one order has its id.
        checkoutId: ids.order,
        orderIds: [`${ids.order}-1`, `${ids.order}-2`],
        persona: 'shopper',
        idemKey: `k-${ids.key}`,
        fingerprint: 'f',
        body: oneShopBody,
      },
      now,
    ),
  )
  store.run((s, now) =>
    openPayment(
      s,
      {
        persona: 'shopper',
        era: 'beta',
        appVersion: '10.40.0',
        paymentId: ids.payment,
        idemKey: `pk-${ids.key}`,
        fingerprint: 'f',
        orderId: ids.order,
        method: 'alipay-balance',
        huabeiPeriods: null,
        payToken: '',
      },
      now,
    ),
  )
  store.run((s, now) =>
    confirmPayment(
      s.gateway,
      {
        paymentId: ids.payment,
        persona: 'shopper',
        password,
        source: null,
        transactionId: `t-${ids.key}`,
      },
      now,
    ),
  )
}

/**
 * `cycles` orders, each paid from the Alipay balance and settled by the merchant (four commands, four
 * journal records).
 */
export async function writeHistory(dir: string, cycles: number, options: HistoryOptions = {}) {
  const store = openStore(dir, Date.now, [new LiveLog()], {
    log: () => {},
    ...(options.snapshotBytes === undefined ? {} : { snapshotBytes: options.snapshotBytes }),
  })
  const run = Math.random().toString(36).slice(2, 8)
  const fixtures = () => {
    store.run((s) =>
      setWallet(s, 'shopper', {
        alipayBalanceFen: RICH,
        alipayCardFen: RICH,
        huabeiAvailableFen: RICH,
      }),
    )
    for (const { skuId } of SEED_CART) store.run((s) => setStock(s, skuId, 1_000_000_000))
  }
  fixtures()
  const resetEvery = options.resets ? Math.floor(cycles / (options.resets + 1)) : Infinity
  for (let n = 1; n <= cycles; n++) {
    if (n % resetEvery === 0) {
      store.reset()
      fixtures()
    }
    const id = `${run}-${n}`
    placeAndPay(store, { order: `o-${id}`, payment: `p-${id}`, key: id })
    const payment = store.state.gateway.payments.get(`p-${id}`)
    const note = payment && notificationOf(payment)
    if (note) store.run((s) => markPaid(s.merchant, note))
    if (n % 1000 === 0) await store.durable()
    if (n % 10_000 === 0) options.progress?.(n)
  }
  await store.durable()
  const paid = [...store.state.gateway.paidOrders.keys()].length
  store.close()
  return { paid }
}

/**
 * A journal of at least `targetBytes` in one segment, as an older version wrote it (no snapshot): one
 * cycle made through the store, then its records copied with fresh ids until the file is that long.
 * Seconds for hundreds of MiB, with no state held in this process. Returns the number of cycles.
 */
export async function writeLongJournal(dir: string, targetBytes: number): Promise<number> {
  const { closeSync, openSync, readFileSync, statSync, writeSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { segmentName } = await import('../../src/server/store/journal-format.ts')
  await writeHistory(dir, 1, { snapshotBytes: Infinity })
  const path = join(dir, segmentName(1))
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n')
  const cycleLines = lines.slice(-4)
  const marker = /-[a-z0-9]{1,6}-1\b/.exec(cycleLines[0] ?? '')?.[0]
  if (!marker || !cycleLines.every((line) => line.includes(marker))) {
    throw new Error('writeLongJournal: the template cycle does not carry its id')
  }
  const template = `${cycleLines.join('\n')}\n`
  let size = statSync(path).size
  let cycles = 1
  const fd = openSync(path, 'a')
  try {
    while (size < targetBytes) {
      const batch: string[] = []
      for (let i = 0; i < 2000; i++) {
        cycles += 1
        batch.push(template.replaceAll(marker, `-big-${cycles}`))
      }
      const bytes = Buffer.from(batch.join(''))
      writeSync(fd, bytes)
      size += bytes.length
    }
  } finally {
    closeSync(fd)
  }
  return cycles
}

/** The records one paid-order cycle and the fixtures write, taken from a real store, to copy with fresh ids. */
interface Template {
  /** The fixture lines (wallet, stock) a round starts with. */
  fixtures: string
  fixtureEvents: number
  /** One paid-order cycle's lines, its id replaced by `{ID}`. */
  cycle: string
  cycleEvents: number
}

async function cycleTemplate(): Promise<Template> {
  const { mkdtempSync, readFileSync, rmSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const { segmentName } = await import('../../src/server/store/journal-format.ts')
  const scratch = mkdtempSync(join(tmpdir(), 'history-template-'))
  try {
    await writeHistory(scratch, 1, { snapshotBytes: Infinity })
    const lines = readFileSync(join(scratch, segmentName(1)), 'utf8')
      .trimEnd()
      .split('\n')
    const cycleLines = lines.slice(-4)
    const marker = /-[a-z0-9]{1,6}-1\b/.exec(cycleLines[0] ?? '')?.[0]
    if (!marker || !cycleLines.every((line) => line.includes(marker))) {
      throw new Error('the template cycle does not carry its id')
    }
    const events = (ls: string[]) =>
      ls.reduce(
        (n, line) => n + ((JSON.parse(line) as { events?: unknown[] }).events?.length ?? 0),
        0,
      )
    return {
      fixtures: `${lines.slice(0, -4).join('\n')}\n`,
      fixtureEvents: events(lines.slice(0, -4)),
      cycle: `${cycleLines.join('\n')}\n`.replaceAll(marker, '-{ID}'),
      cycleEvents: events(cycleLines),
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

export interface FarmOptions {
  /** Domain events to write in all (the count written is returned: whole cycles, so a few more). */
  events: number
  /** Created worlds still alive (CI jobs in flight, or not yet expired), each in `worlds/<id>/`. */
  worlds: number
  /** Events each of those holds (a test suite's run: about a quarter as many paid orders). */
  eventsPerWorld: number
  /** The default world is reset after this many events (a CI round ends with a reset). */
  resetEvery: number
  /** The default world's segments are cut at this size, as the server cuts them at its snapshots. */
  segmentBytes: number
}

export interface FarmReport {
  events: number
  records: number
  bytes: number
  /** Events the worlds hold once read (since each one's last reset). */
  liveEvents: number
  paidOrders: number
}

/**
 * A CI farm's data folder, written directly (seconds for a million events, no state held here): the
 * default world's long history in rounds ended by resets, cut into segments with no snapshot (the first
 * start replays it and takes one, as the server does over a long journal), and `worlds` created worlds
 * still alive with their own short journals. Every record is a copy of a real cycle with fresh ids.
 */
export async function writeFarm(dir: string, options: FarmOptions): Promise<FarmReport> {
  const { closeSync, mkdirSync, openSync, writeSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { segmentName } = await import('../../src/server/store/journal-format.ts')
  const { newWorldId } = await import('../../src/server/worlds/world-ids.ts')
  const { saveWorldMeta } = await import('../../src/server/worlds/world.ts')
  const template = await cycleTemplate()
  const report: FarmReport = { events: 0, records: 0, bytes: 0, liveEvents: 0, paidOrders: 0 }
  const recordsOf = (text: string) => text.split('\n').length - 1
  let serial = 0

  /** Writes `events` events of `world` into segments of `dir`; answers the events live at the end. */
  const writeWorld = (folder: string, world: string, events: number, resetEvery: number) => {
    mkdirSync(folder, { recursive: true })
    const ofWorld = (text: string) => text.replaceAll('"world":"default"', `"world":"${world}"`)
    const fixtures = ofWorld(template.fixtures)
    const cycle = ofWorld(template.cycle)
    const reset = `{"world":"${world}","kind":"reset"}\n`
    let segment = 1
    let fd = openSync(join(folder, segmentName(segment)), 'w')
    let size = 0
    let batch: string[] = []
    let batchBytes = 0
    const put = (text: string) => {
      batch.push(text)
      batchBytes += text.length
      report.records += recordsOf(text)
      if (batchBytes >= 1 << 20) flush()
    }
    const flush = () => {
      const bytes = Buffer.from(batch.join(''))
      writeSync(fd, bytes)
      size += bytes.length
      report.bytes += bytes.length
      batch = []
      batchBytes = 0
      if (size >= options.segmentBytes) {
        closeSync(fd)
        segment += 1
        fd = openSync(join(folder, segmentName(segment)), 'w')
        size = 0
      }
    }
    let written = 0
    let live = 0
    put(fixtures)
    written += template.fixtureEvents
    live += template.fixtureEvents
    while (written < events) {
      if (live >= resetEvery) {
        put(reset + fixtures)
        written += template.fixtureEvents
        live = template.fixtureEvents
      }
      serial += 1
      put(cycle.replaceAll('{ID}', `farm-${serial}`))
      written += template.cycleEvents
      live += template.cycleEvents
      report.paidOrders += 1
    }
    flush()
    closeSync(fd)
    report.events += written
    report.liveEvents += live
  }

  const worldEvents = options.worlds * options.eventsPerWorld
  writeWorld(dir, 'default', options.events - worldEvents, options.resetEvery)
  for (let i = 0; i < options.worlds; i++) {
    const id = newWorldId()
    const folder = join(dir, 'worlds', id)
    writeWorld(folder, id, options.eventsPerWorld, Infinity)
    saveWorldMeta(folder, id, { ttlMs: 24 * 3600_000, createdAt: Date.now() })
  }
  return report
}

/**
 * Paid-order cycles appended to the default world's active segment, until `bytes` more: what a running
 * server wrote after its last snapshot, replayed at the next start. Answers the events appended.
 */
export async function appendTail(dir: string, bytes: number): Promise<number> {
  const { closeSync, openSync, writeSync } = await import('node:fs')
  const { join } = await import('node:path')
  const { segmentName } = await import('../../src/server/store/journal-format.ts')
  const { listFolder } = await import('../../src/server/store/journal-folder.ts')
  const template = await cycleTemplate()
  const active = Math.max(1, ...listFolder(dir).segments)
  const fd = openSync(join(dir, segmentName(active)), 'a')
  let events = 0
  let written = 0
  try {
    for (let n = 1; written < bytes; n++) {
      const batch: string[] = []
      for (let i = 0; i < 400; i++) batch.push(template.cycle.replaceAll('{ID}', `tail-${n}-${i}`))
      const data = Buffer.from(batch.join(''))
      writeSync(fd, data)
      written += data.length
      events += 400 * template.cycleEvents
    }
  } finally {
    closeSync(fd)
  }
  return events
}
