import { describe, expect, it } from 'vitest'
import { openPayment } from '../cashier.ts'
import { tradeRequestFor } from '../merchant/trade.ts'
import { HOUR_MS, MINUTE_MS } from '../result.ts'
import { seedState } from '../seed.ts'
import { confirm, must, openAttempt, placeOrder, step, sweep, T0 } from '../testing.ts'
import { confirmPayment, createPayment, refundPayment } from './payments.ts'

const alipay = (
  s: ReturnType<typeof seedState>,
  persona: 'shopper' | 'friend' | 'low_balance' = 'shopper',
) => s.gateway.accounts[persona].wallet.alipayBalanceFen

describe('opening a payment', () => {
  it('opens in NOTPAY for the order amount and closes the persona’s older open attempts', () => {
    const s = seedState()
    const order = placeOrder(s)
    const first = openAttempt(s, order.id)
    expect(first).toMatchObject({
      status: 'NOTPAY',
      amountFen: order.totalFen,
      payer: null,
      expiresAt: order.deadlineAt,
    })
    const second = openAttempt(s, order.id, 'shopper', T0 + 1000)
    expect(s.gateway.payments.get(first.id)?.status).toBe('CLOSED')
    expect(s.gateway.payments.get(second.id)?.status).toBe('NOTPAY')
    expect(confirm(s, first.id, '123456')).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT_CLOSED' },
    })
  })

  it('replays the first payment for the same key and body; another body is a mismatch', () => {
    const s = seedState()
    const order = placeOrder(s)
    const cmd = {
      persona: 'shopper' as const,
      era: 'beta' as const,
      appVersion: '10.40.0',
      paymentId: 'p-a',
      idemKey: 'pay-key-1',
      fingerprint: 'fp',
      orderId: order.id,
      method: 'alipay-balance' as const,
      huabeiPeriods: null,
      payToken: '',
    }
    const first = must(step(s, openPayment(s, cmd, T0))).payment
    const again = openPayment(s, { ...cmd, paymentId: 'p-b' }, T0)
    expect(again).toMatchObject({
      ok: true,
      events: [],
      value: { payment: { id: first.id }, replayed: true },
    })
    expect(openPayment(s, { ...cmd, paymentId: 'p-c', fingerprint: 'other' }, T0)).toMatchObject({
      ok: false,
      error: { code: 'IDEMPOTENCY_MISMATCH' },
    })
    // Even once the order is paid, the retry gets its first answer.
    must(confirm(s, first.id, '123456'))
    expect(openPayment(s, { ...cmd, paymentId: 'p-d' }, T0)).toMatchObject({
      ok: true,
      value: { replayed: true },
    })
  })

  it('refuses methods the shopper cannot see, paid orders and closed orders', () => {
    const s = seedState()
    const order = placeOrder(s)
    expect(() => openAttempt(s, order.id, 'shopper', T0, 'wechat')).toThrow(/METHOD_UNAVAILABLE/)
    expect(() => openAttempt(s, 'nope')).toThrow(/ORDER_NOT_EXIST/)
    expect(() => openAttempt(s, order.id, 'friend')).toThrow(/ORDER_NOT_EXIST/)
    expect(() => openAttempt(s, order.id, 'shopper', Date.parse(order.deadlineAt))).toThrow(
      /ORDERCLOSED/,
    )
    const p = openAttempt(s, order.id)
    must(confirm(s, p.id, '123456'))
    expect(() => openAttempt(s, order.id)).toThrow(/ORDERPAID/)
  })

  it('lets a short balance open a payment: confirming it says NOTENOUGH', () => {
    const s = seedState()
    const order = placeOrder(s, 'low_balance')
    const p = openAttempt(s, order.id, 'low_balance')
    expect(confirm(s, p.id, '123456', 'low_balance')).toMatchObject({
      ok: false,
      error: { code: 'NOTENOUGH' },
    })
    expect(alipay(s, 'low_balance')).toBe(10_00)
  })
})

describe('confirming with the password', () => {
  it('debits the wallet exactly once, by exactly the amount', () => {
    const s = seedState()
    const order = placeOrder(s)
    const p = openAttempt(s, order.id)
    const paid = must(confirm(s, p.id, '123456', 'shopper', T0 + 5000)).payment
    expect(paid).toMatchObject({
      status: 'SUCCESS',
      payer: 'shopper',
      paidAt: new Date(T0 + 5000).toISOString(),
    })
    expect(paid.transactionId).toBeTruthy()
    expect(alipay(s)).toBe(5_000_00 - order.totalFen)
    expect(confirm(s, p.id, '123456')).toMatchObject({ ok: false, error: { code: 'ORDERPAID' } })
    expect(alipay(s)).toBe(5_000_00 - order.totalFen)
  })

  it('counts wrong passwords, locks on the fifth for three hours by the clock, then unlocks', () => {
    const s = seedState()
    const order = placeOrder(s)
    const p = openAttempt(s, order.id)
    for (const triesLeft of [4, 3, 2, 1]) {
      expect(confirm(s, p.id, '000000')).toMatchObject({
        ok: false,
        error: { code: 'PASSWORD_ERROR', triesLeft },
      })
    }
    const lockedUntil = new Date(T0 + 3 * HOUR_MS).toISOString()
    expect(confirm(s, p.id, '000000')).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', lockedUntil },
    })
    // The right password does not help while locked, on any order.
    const almost = T0 + 3 * HOUR_MS - 1
    const meanwhile = openAttempt(s, placeOrder(s, 'shopper', almost).id, 'shopper', almost)
    expect(confirm(s, meanwhile.id, '123456', 'shopper', almost)).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_LOCKED', lockedUntil },
    })
    // Another persona's wallet is not locked.
    const theirs = placeOrder(s, 'not_invited')
    const q = openAttempt(s, theirs.id, 'not_invited')
    expect(confirm(s, q.id, '123456', 'not_invited')).toMatchObject({ ok: true })
    // Three hours later a fresh set of five tries (the order has long closed; use a new one).
    const later = T0 + 3 * HOUR_MS
    const order2 = placeOrder(s, 'shopper', later)
    const p2 = openAttempt(s, order2.id, 'shopper', later)
    expect(confirm(s, p2.id, '000000', 'shopper', later)).toMatchObject({
      error: { code: 'PASSWORD_ERROR', triesLeft: 4 },
    })
    expect(confirm(s, p2.id, '123456', 'shopper', later)).toMatchObject({ ok: true })
  })

  it('resets the count after a success', () => {
    const s = seedState()
    const a = openAttempt(s, placeOrder(s).id)
    confirm(s, a.id, '000000')
    confirm(s, a.id, '000000')
    must(confirm(s, a.id, '123456'))
    expect(s.gateway.accounts.shopper.guards.alipay).toEqual({
      failedTries: 0,
      lockedUntilMs: null,
    })
    const b = openAttempt(s, placeOrder(s).id)
    expect(confirm(s, b.id, '000000')).toMatchObject({
      error: { code: 'PASSWORD_ERROR', triesLeft: 4 },
    })
  })

  it('allows at most one SUCCESS per order, however many attempts are open', () => {
    const s = seedState()
    const order = placeOrder(s)
    const trade = must(tradeRequestFor(s.merchant, 'shopper', order.id, T0))
    // Two attempts by different payers (as a pay-for-me request will allow), both open.
    const base = {
      era: 'beta' as const,
      appVersion: '10.40.0',
      method: 'alipay-balance' as const,
      huabeiPeriods: null,
      payToken: '',
      trade,
    }
    const mine = must(
      step(
        s,
        createPayment(
          s.gateway,
          { ...base, persona: 'shopper', paymentId: 'p-m', idemKey: 'k1', fingerprint: 'f' },
          T0,
        ),
      ),
    ).payment
    const theirs = must(
      step(
        s,
        createPayment(
          s.gateway,
          { ...base, persona: 'friend', paymentId: 'p-f', idemKey: 'k2', fingerprint: 'f' },
          T0,
        ),
      ),
    ).payment
    must(confirm(s, theirs.id, '123456', 'friend'))
    expect(confirm(s, mine.id, '123456', 'shopper')).toMatchObject({
      ok: false,
      error: { code: 'ORDERPAID' },
    })
    expect([...s.gateway.payments.values()].filter((p) => p.status === 'SUCCESS')).toHaveLength(1)
    expect(alipay(s)).toBe(5_000_00)
    expect(alipay(s, 'friend')).toBe(1_000_00 - order.totalFen)
  })

  it("hides another persona's payment and refuses after the order's deadline", () => {
    const s = seedState()
    const order = placeOrder(s)
    const p = openAttempt(s, order.id)
    expect(confirm(s, p.id, '123456', 'friend')).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT_NOT_EXIST' },
    })
    expect(confirm(s, p.id, '123456', 'shopper', T0 + 30 * MINUTE_MS)).toMatchObject({
      ok: false,
      error: { code: 'ORDERCLOSED' },
    })
    expect(alipay(s)).toBe(5_000_00)
  })

  it('decides without touching the state it reads', () => {
    const s = seedState()
    const p = openAttempt(s, placeOrder(s).id)
    const before = structuredClone(s)
    confirmPayment(
      s.gateway,
      { paymentId: p.id, persona: 'shopper', password: '000000', source: null, transactionId: 't' },
      T0,
    )
    confirmPayment(
      s.gateway,
      { paymentId: p.id, persona: 'shopper', password: '123456', source: null, transactionId: 't' },
      T0,
    )
    expect(s).toEqual(before)
  })
})

describe('closing and refunding', () => {
  it('closes open payments at their deadline', () => {
    const s = seedState()
    const order = placeOrder(s)
    const p = openAttempt(s, order.id)
    expect(sweep(s, Date.parse(order.deadlineAt) - 1).events).toEqual([])
    expect(must(sweep(s, Date.parse(order.deadlineAt))).closedOrders).toEqual([order.id])
    expect(s.gateway.payments.get(p.id)?.status).toBe('CLOSED')
    expect(s.gateway.openPayments.size).toBe(0)
  })

  it('refunds a success once, back to the wallet it came from', () => {
    const s = seedState()
    const p = openAttempt(s, placeOrder(s).id)
    must(confirm(s, p.id, '123456'))
    must(step(s, refundPayment(s.gateway, p.id, T0)))
    expect(refundPayment(s.gateway, p.id, T0)).toMatchObject({ ok: true, events: [] })
    expect(s.gateway.payments.get(p.id)?.status).toBe('REFUND')
    expect(alipay(s)).toBe(5_000_00)
  })
})
