import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openFriendRequest, openPayment } from '../domain/cashier.ts'
import { sweepExpired } from '../domain/expiry.ts'
import { changeSettings, setStock, setWallet } from '../domain/fixtures.ts'
import { payFriendRequest } from '../domain/gateway/friend-pay.ts'
import { confirmPayment, refundPayment } from '../domain/gateway/payments.ts'
import { openSheet } from '../domain/gateway/sheets.ts'
import { createOrder } from '../domain/merchant/orders.ts'
import { HOUR_MS } from '../domain/result.ts'
import { must, seedBody, T0 } from '../domain/testing.ts'
import { LiveLog } from './live.ts'
import { segmentName } from './journal-format.ts'
import { openStore } from './store.ts'
import type { Store } from './store.ts'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** Every kind of event, through the store. */
function everything(store: Store) {
  const order = (n: number) =>
    must(
      store.run((s, now) =>
        createOrder(
          s.merchant,
          {
            checkoutId: `o${n}`,
            orderIds: [`o${n}-tea`, `o${n}-style`, `o${n}-x`],
            persona: 'shopper',
            idemKey: `k${n}`,
            fingerprint: 'f',
            body: seedBody,
          },
          now,
        ),
      ),
    ).checkout
  const pay = (orderId: string, n: number, method: 'wechat-scan' | 'huabei') =>
    must(
      store.run((s, now) =>
        openPayment(
          s,
          {
            persona: 'shopper',
            era: 'beta',
            appVersion: '10.40.0',
            paymentId: `p${n}`,
            idemKey: `pk${n}`,
            fingerprint: 'f',
            orderId,
            method,
            huabeiPeriods: method === 'huabei' ? 12 : null,
            payToken: `tok${n}`,
          },
          now,
        ),
      ),
    ).payment
  store.run((s) => changeSettings(s, { huabeiFeeBp: { '12': 999 } }))
  store.run((s) => setWallet(s, 'friend', { wechatCardFen: 1 }))
  store.run((s) => setStock(s, 'sku-tshirt-white-l', 500))
  const a = order(1)
  const scan = pay(a.checkoutId, 1, 'wechat-scan')
  store.run((s, now) => openSheet(s.gateway, scan.payToken ?? '', 'friend', now))
  store.run((s, now) =>
    confirmPayment(
      s.gateway,
      {
        paymentId: scan.id,
        persona: 'friend',
        password: '000000',
        source: null,
        transactionId: 't0',
      },
      now,
    ),
  )
  store.run((s, now) =>
    confirmPayment(
      s.gateway,
      {
        paymentId: scan.id,
        persona: 'friend',
        password: '123456',
        source: null,
        transactionId: 't1',
      },
      now,
    ),
  )
  store.run((s, now) => refundPayment(s.gateway, scan.id, now))
  const b = order(2)
  pay(b.checkoutId, 2, 'huabei')
  must(
    store.run((s, now) =>
      openFriendRequest(
        s,
        {
          persona: 'shopper',
          token: 'ft1',
          idemKey: 'fk1',
          fingerprint: 'f',
          orderId: b.checkoutId,
          message: '帮忙',
          via: 'wechat',
        },
        now,
      ),
    ),
  )
  must(
    store.run((s, now) =>
      payFriendRequest(
        s.gateway,
        {
          token: 'ft1',
          persona: 'friend',
          password: '123456',
          source: 'alipay-balance',
          paymentId: 'fp1',
          transactionId: 't2',
        },
        now,
      ),
    ),
  )
  order(3)
  store.advanceClock(HOUR_MS)
  store.run((s, now) => sweepExpired(s, now))
}

describe('replay of every kind of event', () => {
  it('rebuilds the same state, the same clock and the same live event ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-replay-'))
    dirs.push(dir)
    const firstLive = new LiveLog()
    const first = openStore(dir, () => T0, [firstLive])
    everything(first)
    await first.durable()
    first.close()

    const secondLive = new LiveLog()
    const second = openStore(dir, () => T0, [secondLive])
    expect(second.state).toEqual(first.state)
    expect(second.now()).toBe(first.now())
    for (const id of ['o1', 'o2', 'o3']) {
      expect(secondLive.lastId(id)).toBeGreaterThan(0)
      expect(secondLive.since(id, 1)).toEqual(firstLive.since(id, 1))
    }
    expect(second.state.gateway.settings.huabeiFeeBp['12']).toBe(999)
    expect(second.state.gateway.friendRequests.get('ft1')?.status).toBe('PAID')
    expect(second.state.gateway.payments.get('p1')?.status).toBe('REFUND')
    // The checkout o3: its two shops' orders closed together.
    const o3 = second.state.merchant.checkouts.get('o3') ?? []
    expect(o3).toEqual(['o3-tea', 'o3-style'])
    for (const id of o3) expect(second.state.merchant.orders.get(id)?.status).toBe('CLOSED')
    second.close()
  })

  it('writes a turn’s commands together, and `durable()` resolves once they are on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-group-'))
    dirs.push(dir)
    const store = openStore(dir, () => T0)
    const path = join(dir, segmentName(1))
    store.run((s) => setStock(s, 'sku-mug-150', 7))
    store.run((s) => setStock(s, 'sku-mug-150', 8))
    expect(readFileSync(path, 'utf8')).toBe('')
    await store.durable()
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2)
    await store.durable() // nothing pending: resolves at once
    store.close()
  })
})
