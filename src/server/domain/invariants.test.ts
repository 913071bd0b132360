import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FundingSource, PaymentMethodId } from '../../contract/payment.ts'
import type { PersonaId } from '../../contract/sim.ts'
import { openFriendRequest, openPayment } from './cashier.ts'
import { sweepExpired } from './expiry.ts'
import { cancelFriendRequest, payFriendRequest } from './gateway/friend-pay.ts'
import { confirmPayment, refundPayment } from './gateway/payments.ts'
import { openSheet } from './gateway/sheets.ts'
import { createOrder, markPaid } from './merchant/orders.ts'
import { cancelOrder } from './merchant/refunds.ts'
import { MINUTE_MS } from './result.ts'
import { SEED_CROSS_STORE, SEED_SKUS, seedState } from './seed.ts'
import type { State } from './state.ts'
import { receivedTotal, seedBody, step, T0, walletTotal } from './testing.ts'

const personas: PersonaId[] = ['shopper', 'low_balance', 'friend', 'not_invited']
const methods: PaymentMethodId[] = [
  'alipay-balance',
  'alipay-card',
  'huabei',
  'unionpay',
  'wechat',
  'wechat-scan',
]
const sources: (FundingSource | null)[] = [null, 'wechat-card', 'alipay-card', 'huabei']

const who = fc.constantFrom(...personas)
const mostly = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false))
const source = fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, fc.constantFrom(...sources))
const op = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('order' as const),
      who,
      key: fc.nat(5),
      earbuds: fc.nat(3),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      who,
      asOwner: mostly,
      order: fc.nat(4),
      key: fc.nat(8),
      method: fc.constantFrom(...methods),
      launch: fc.boolean(),
      periods: fc.constantFrom(0 as const, 3 as const, 6 as const, 12 as const),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('confirm' as const),
      who,
      asOwner: mostly,
      payment: fc.nat(3),
      right: fc.nat(4),
      source,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('scan' as const), who, payment: fc.nat(5) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('ask' as const),
      asOwner: mostly,
      who,
      order: fc.nat(4),
      key: fc.nat(4),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('friendPays' as const),
      who,
      request: fc.nat(3),
      right: fc.nat(4),
      source: fc.constantFrom<FundingSource>('wechat-balance', 'wechat-card', 'alipay-balance'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('cancel' as const), who, request: fc.nat(3) }),
  },
  // 取消订单: one shop's order of a checkout (its other orders stay to pay).
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('cancelOrder' as const), order: fc.nat(4) }),
  },
  // Notifications are asynchronous: successes reach the merchant only when this runs.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('notify' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), minutes: fc.nat(20) }) },
)

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

/** The merchant's side of notifications: mark paid, or have the gateway refund money on a closed order. */
function notifyAll(s: State, now: number): void {
  for (const p of s.gateway.payments.values()) {
    if (p.status !== 'SUCCESS' || !p.transactionId || !p.paidAt) continue
    const marked = step(
      s,
      markPaid(s.merchant, {
        orderId: p.orderId,
        paymentId: p.id,
        method: p.method,
        amountFen: p.amountFen,
        transactionId: p.transactionId,
        paidAt: p.paidAt,
      }),
    )
    if (!marked.ok && marked.error.code === 'ORDERCLOSED')
      step(s, refundPayment(s.gateway, p.id, now))
  }
}

function run(ops: Op[]): { s: State; now: number } {
  const s = seedState()
  let now = T0
  let n = 0
  // Newest first, so small indices hit what is still in play. A payment is asked for by an order's id
  // or by its checkout's (both name the checkout).
  const orderIds = () =>
    [...s.merchant.orders.values()].reverse().flatMap((o, i) => (i % 2 ? [o.id] : [o.checkoutId]))
  const paymentIds = () => [...s.gateway.payments.keys()].reverse()
  const tokens = () => [...s.gateway.friendRequests.keys()].reverse()
  const ownerOf = (id: string, fallback: PersonaId) =>
    (s.merchant.orders.get(id) ?? s.merchant.orders.get(s.merchant.checkouts.get(id)?.[0] ?? ''))
      ?.persona ?? fallback
  for (const o of ops) {
    n += 1
    if (o.kind === 'order') {
      // The seeded cart is two shops' goods: a checkout of two orders; earbuds alone, of one.
      const lines = o.earbuds > 0 ? [{ skuId: 'sku-earbuds-anc', qty: o.earbuds }] : seedBody.lines
      const body = { ...seedBody, lines }
      const cmd = {
        checkoutId: `c${n}`,
        orderIds: lines.map((_, i) => `o${n}-${i}`),
        persona: o.who,
        idemKey: `k${o.key}`,
        fingerprint: JSON.stringify(body),
        body,
      }
      step(s, createOrder(s.merchant, cmd, now))
    } else if (o.kind === 'pay') {
      const orderId = orderIds()[o.order] ?? 'none'
      const cmd = {
        persona: o.asOwner ? ownerOf(orderId, o.who) : o.who,
        era: o.launch ? ('launch' as const) : ('beta' as const),
        appVersion: '10.40.0',
        paymentId: `p${n}`,
        idemKey: `pk${o.key}`,
        fingerprint: `${orderId}/${o.method}/${o.periods}`,
        orderId,
        method: o.method,
        huabeiPeriods: o.periods,
        payToken: `tok${n}`,
      }
      step(s, openPayment(s, cmd, now))
    } else if (o.kind === 'confirm') {
      const paymentId = paymentIds()[o.payment] ?? 'none'
      const persona = o.asOwner ? (s.gateway.payments.get(paymentId)?.owner ?? o.who) : o.who
      const password = o.right > 0 ? '123456' : '999999'
      const cmd = { paymentId, persona, password, source: o.source, transactionId: `t${n}` }
      step(s, confirmPayment(s.gateway, cmd, now))
    } else if (o.kind === 'scan') {
      const token = s.gateway.payments.get(paymentIds()[o.payment] ?? '')?.payToken
      if (token) step(s, openSheet(s.gateway, token, o.who, now))
    } else if (o.kind === 'ask') {
      const orderId = orderIds()[o.order] ?? 'none'
      const cmd = {
        persona: o.asOwner ? ownerOf(orderId, o.who) : o.who,
        token: `ft${n}`,
        idemKey: `fk${o.key}`,
        fingerprint: orderId,
        orderId,
        message: '',
        via: 'link' as const,
      }
      step(s, openFriendRequest(s, cmd, now))
    } else if (o.kind === 'friendPays') {
      const token = tokens()[o.request] ?? 'none'
      const password = o.right > 0 ? '123456' : '999999'
      const cmd = {
        token,
        persona: o.who,
        password,
        source: o.source,
        paymentId: `fp${n}`,
        transactionId: `t${n}`,
      }
      step(s, payFriendRequest(s.gateway, cmd, now))
    } else if (o.kind === 'cancel') {
      step(s, cancelFriendRequest(s.gateway, tokens()[o.request] ?? 'none', o.who, now))
    } else if (o.kind === 'cancelOrder') {
      const order = [...s.merchant.orders.values()].reverse()[o.order]
      if (order) step(s, cancelOrder(s, order.id, now))
    } else if (o.kind === 'notify') {
      notifyAll(s, now)
    } else {
      now += o.minutes * MINUTE_MS
      step(s, sweepExpired(s, now))
    }
  }
  return { s, now }
}

const seedMoney = walletTotal(seedState())

describe('invariants under any sequence of commands, on every channel', () => {
  it('one SUCCESS per order and per checkout; money and stock conserved; the split adds up; requests, attempts and orders agree', () => {
    const seen = { paid: 0, closed: 0, friendPaid: 0, split: 0, methods: new Set<string>() }
    fc.assert(
      fc.property(fc.array(op, { minLength: 20, maxLength: 100 }), (ops) => {
        const { s, now } = run(ops)
        const payments = [...s.gateway.payments.values()]
        const successes = payments.filter((p) => p.status === 'SUCCESS')
        for (const p of successes) seen.methods.add(p.method)
        // At most one SUCCESS per order, whatever the channels.
        expect(new Set(successes.map((p) => p.orderId)).size).toBe(successes.length)
        // Every fen is somewhere: in a wallet, or with the merchant.
        expect(walletTotal(s) + receivedTotal(s)).toBe(seedMoney)
        for (const account of Object.values(s.gateway.accounts)) {
          for (const fen of Object.values(account.wallet)) expect(fen).toBeGreaterThanOrEqual(0)
        }
        for (const sku of SEED_SKUS) {
          const held = [...s.merchant.orders.values()]
            .filter((o) => o.status !== 'CLOSED')
            .flatMap((o) => o.lines)
            .filter((l) => l.skuId === sku.id)
            .reduce((a, l) => a + l.qty, 0)
          const live = s.merchant.skus.get(sku.id)?.stock ?? -1
          expect(live).toBeGreaterThanOrEqual(0)
          expect(live + held).toBe(sku.stock)
        }
        for (const r of s.gateway.friendRequests.values()) {
          const checkout = s.merchant.checkouts.get(r.orderId)
          if (r.status === 'PAID') {
            seen.friendPaid += 1
            const p = s.gateway.payments.get(r.paymentId ?? '')
            expect(p?.method).toBe('friend-pay')
            expect(p?.status === 'SUCCESS' || p?.status === 'REFUND').toBe(true)
          }
          // An open request is on an order the gateway has not seen paid.
          if (r.status === 'OPEN') expect(s.gateway.paidOrders.has(r.orderId)).toBe(false)
          expect(checkout).toBeDefined()
        }
        // An order paid at the gateway has no attempt left open.
        for (const p of payments) {
          if (p.status === 'NOTPAY' || p.status === 'USERPAYING') {
            expect(s.gateway.paidOrders.has(p.orderId)).toBe(false)
          }
        }
        // Once every notification is through, the merchant agrees with the gateway.
        notifyAll(s, now)
        for (const order of s.merchant.orders.values()) {
          const success = payments.find(
            (p) => p.status === 'SUCCESS' && (p.orderIds ?? []).includes(order.id),
          )
          expect(order.status === 'PAID').toBe(success !== undefined)
          if (success) expect(order.paymentId).toBe(success.id)
          if (order.status === 'PAID') seen.paid += 1
          if (order.status === 'CLOSED') seen.closed += 1
        }
        // Per checkout: one payment paid exactly the orders it names, for exactly their totals; the
        // cross-store discount split over its shops adds up to the fen, and its orders share a deadline.
        for (const [checkoutId, ids] of s.merchant.checkouts) {
          const orders = ids.map((id) => s.merchant.orders.get(id))
          const success = successes.filter((p) => p.orderId === checkoutId)
          expect(success.length).toBeLessThanOrEqual(1)
          for (const p of success) {
            const paid = (p.orderIds ?? []).map((id) => s.merchant.orders.get(id)?.totalFen ?? NaN)
            expect(paid.reduce((a, b) => a + b, 0)).toBe(p.amountFen)
          }
          const afterCoupons = orders.reduce(
            (n, o) => n + (o ? o.itemsFen - o.shopCouponFen : 0),
            0,
          )
          const { thresholdFen, offFen } = SEED_CROSS_STORE
          const cross = Math.min(Math.floor(afterCoupons / thresholdFen) * offFen, afterCoupons)
          expect(orders.reduce((n, o) => n + (o?.crossStoreFen ?? 0), 0)).toBe(cross)
          for (const o of orders) {
            expect(o).toBeDefined()
            if (!o) continue
            expect(o.checkoutId).toBe(checkoutId)
            expect(o.totalFen).toBe(o.itemsFen - o.shopCouponFen - o.crossStoreFen + o.deliveryFen)
            expect(o.crossStoreFen).toBeLessThanOrEqual(o.itemsFen - o.shopCouponFen)
            expect(o.deadlineAt).toBe(orders[0]?.deadlineAt)
            if (o.lines.some((l) => l.shopId !== o.lines[0]?.shopId))
              throw new Error('two shops in an order')
          }
          if (ids.length > 1) seen.split += 1
        }
        expect(walletTotal(s) + receivedTotal(s)).toBe(seedMoney)
      }),
      { numRuns: 400 },
    )
    // The generator must reach the interesting states, or the property proves little.
    // (Refunds, rarer here, have their own tests.)
    expect(seen.paid).toBeGreaterThan(60)
    expect(seen.closed).toBeGreaterThan(50)
    expect(seen.friendPaid).toBeGreaterThan(15)
    expect(seen.split).toBeGreaterThan(200)
    // Nearly every run sees all seven channels win somewhere; demanding all seven would flake once in a while.
    expect(seen.methods.size).toBeGreaterThanOrEqual(6)
  }, 60_000)
})
