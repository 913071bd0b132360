import type { TestState } from '../../src/contract/test-api.ts'

/**
 * Every fen in every wallet plus what the merchants received (Taobao's SUCCESS payments, and what the
 * WeChat Pay APIv3 merchants were paid less what they refunded): conserved by every command.
 */
export function moneyInPlay(state: TestState): number {
  let total = 0
  for (const wallet of Object.values(state.wallets))
    for (const fen of Object.values(wallet)) total += fen
  for (const p of state.payments) if (p.status === 'SUCCESS') total += p.amountFen
  for (const t of state.wechatpay?.transactions ?? []) {
    if (t.payer !== null) total += t.totalFen - t.refundedFen
  }
  return total
}

/** The money invariants between two snapshots of the test API's state. */
export function audit(before: TestState, after: TestState) {
  // Keyed by the trade: the checkout (a payment pays all of its waiting orders).
  const successes = new Map<string, number>()
  for (const p of after.payments) {
    if (p.status === 'SUCCESS') successes.set(p.orderId, (successes.get(p.orderId) ?? 0) + 1)
  }
  const orders = new Map(after.orders.map((o) => [o.id, o]))
  return {
    /** Orders with more than one SUCCESS payment. */
    doubles: [...successes.values()].filter((count) => count > 1).length,
    /** SUCCESS payments (one per checkout) with an order they pay not PAID. */
    unpaid: after.payments.filter(
      (p) => p.status === 'SUCCESS' && p.orderIds.some((id) => orders.get(id)?.status !== 'PAID'),
    ).length,
    /** PAID orders without a SUCCESS payment of their checkout. */
    paidWithoutPayment: after.orders.filter(
      (o) => o.status === 'PAID' && !successes.has(o.checkoutId),
    ).length,
    /** Wallets + merchant receipts, after minus before: 0 when every fen is accounted for. */
    drift: moneyInPlay(after) - moneyInPlay(before),
    successes: [...successes.values()].reduce((a, b) => a + b, 0),
  }
}
