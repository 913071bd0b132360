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
