import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { PersonaId } from '../../contract/sim.ts'
import { openPayment } from './cashier.ts'
import { closeExpiredPayments, confirmPayment } from './gateway/payments.ts'
import { closeExpiredOrders, createOrder, markPaid } from './merchant/orders.ts'
import { PERSONAS } from './personas.ts'
import { MINUTE_MS } from './result.ts'
import { SEED_SKUS, seedState } from './seed.ts'
import type { State } from './state.ts'
import { seedBody, step, T0 } from './testing.ts'

const personas: PersonaId[] = ['shopper', 'low_balance', 'friend']

const who = fc.constantFrom(...personas)
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
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      who,
      asOwner: fc.boolean(),
      order: fc.nat(4),
      key: fc.nat(8),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('confirm' as const),
      who,
      asOwner: fc.boolean(),
      payment: fc.nat(5),
      right: fc.nat(4),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tick' as const), minutes: fc.nat(40) }) },
)

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never

function run(ops: Op[]): State {
  const s = seedState()
  let now = T0
  let n = 0
  // Newest first, so small indices hit the orders and payments still in play.
  const orderIds = () => [...s.merchant.orders.keys()].reverse()
  const paymentIds = () => [...s.gateway.payments.keys()].reverse()
  for (const o of ops) {
    n += 1
    if (o.kind === 'order') {
      const lines = o.earbuds > 0 ? [{ skuId: 'sku-earbuds-anc', qty: o.earbuds }] : seedBody.lines
      const body = { ...seedBody, lines }
      step(
        s,
        createOrder(
          s.merchant,
          {
            orderId: `o${n}`,
            persona: o.who,
            idemKey: `k${o.key}`,
            fingerprint: JSON.stringify(body),
            body,
          },
          now,
        ),
      )
    } else if (o.kind === 'pay') {
      const orderId = orderIds()[o.order] ?? 'none'
      const persona = o.asOwner ? (s.merchant.orders.get(orderId)?.persona ?? o.who) : o.who
      const cmd = {
        persona,
        era: 'beta' as const,
        appVersion: '10.40.0',
        paymentId: `p${n}`,
        idemKey: `pk${o.key}`,
        fingerprint: orderId,
        orderId,
        method: 'alipay-balance' as const,
        huabeiPeriods: null,
      }
      step(s, openPayment(s, cmd, now))
    } else if (o.kind === 'confirm') {
      const paymentId = paymentIds()[o.payment] ?? 'none'
      const password = o.right > 0 ? '123456' : '999999'
      const persona = o.asOwner ? (s.gateway.payments.get(paymentId)?.owner ?? o.who) : o.who
      const result = step(
        s,
        confirmPayment(s.gateway, { paymentId, persona, password, transactionId: `t${n}` }, now),
      )
      if (result.ok) {
        const p = result.value.payment
        step(
          s,
          markPaid(s.merchant, {
            orderId: p.orderId,
            paymentId: p.id,
            method: p.method,
            amountFen: p.amountFen,
            transactionId: `t${n}`,
            paidAt: p.paidAt ?? '',
          }),
        )
      }
    } else {
      now += o.minutes * MINUTE_MS
      step(s, closeExpiredOrders(s.merchant, now))
      step(s, closeExpiredPayments(s.gateway, now))
    }
  }
  return s
}

describe('invariants under any sequence of commands', () => {
  it('one SUCCESS per order, money conserved, stock conserved, paid orders match the gateway', () => {
    let paidSeen = 0
    let closedSeen = 0
    fc.assert(
      fc.property(fc.array(op, { minLength: 20, maxLength: 80 }), (ops) => {
        const s = run(ops)
        const successes = [...s.gateway.payments.values()].filter((p) => p.status === 'SUCCESS')
        paidSeen += successes.length
        closedSeen += [...s.merchant.orders.values()].filter((o) => o.status === 'CLOSED').length
        expect(new Set(successes.map((p) => p.orderId)).size).toBe(successes.length)
        for (const who of personas) {
          const spent = successes
            .filter((p) => p.payer === who)
            .reduce((a, p) => a + p.amountFen, 0)
          const wallet = s.gateway.accounts[who].wallet.alipayBalanceFen
          expect(wallet).toBeGreaterThanOrEqual(0)
          expect(wallet + spent).toBe(PERSONAS[who].wallet.alipayBalanceFen)
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
        for (const order of s.merchant.orders.values()) {
          const success = successes.find((p) => p.orderId === order.id)
          expect(order.status === 'PAID').toBe(success !== undefined)
          if (success) expect(success.amountFen).toBe(order.totalFen)
        }
      }),
      { numRuns: 300 },
    )
    // The generator must reach the interesting states, or the property proves little.
    expect(paidSeen).toBeGreaterThan(50)
    expect(closedSeen).toBeGreaterThan(50)
  })
})
