import { describe, expect, it } from 'vitest'
import { confirmPayment } from '../domain/gateway/payments.ts'
import { sweepExpired } from '../domain/expiry.ts'
import { must, openAttempt, placeOrder, T0 } from '../domain/testing.ts'
import { openStore } from '../store/store.ts'
import { receiveNotification, signNotification, verifyNotification } from './notify.ts'
import type { PaymentNotification } from './notify.ts'

const SECRET = 'test-secret'

/** A store with one pending seeded-cart order and a SUCCESS payment for it, not yet notified. */
function paidAtGateway(now = T0) {
  const store = openStore('memory', () => now)
  const order = placeOrder(store.state, 'shopper', now)
  const attempt = openAttempt(store.state, order.id, 'shopper', now)
  const payment = must(
    store.run((s, at) =>
      confirmPayment(
        s.gateway,
        {
          paymentId: attempt.id,
          persona: 'shopper',
          password: '123456',
          source: null,
          transactionId: 'tx-1',
        },
        at,
      ),
    ),
  ).payment
  const note: PaymentNotification = {
    paymentId: payment.id,
    orderId: order.id,
    method: payment.method,
    amountFen: payment.amountFen,
    transactionId: 'tx-1',
    paidAt: payment.paidAt ?? '',
    tradeState: 'SUCCESS',
  }
  return { store, order, payment, note }
}

describe('gateway → merchant notifications', () => {
  it('verifies what was signed with the same secret', () => {
    const { note } = paidAtGateway()
    const signed = signNotification(SECRET, note, T0)
    expect(verifyNotification(SECRET, signed)).toEqual(note)
    expect(verifyNotification('other-secret', signed)).toBeNull()
  })

  it('rejects a tampered body or signature with SIGN_ERROR and leaves the order unpaid', () => {
    const { store, order, note } = paidAtGateway()
    const signed = signNotification(SECRET, note, T0)
    const tamperedBody = { ...signed, body: signed.body.replace(String(note.amountFen), '1') }
    const tamperedSig = {
      ...signed,
      signature: signed.signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    }
    for (const bad of [
      tamperedBody,
      tamperedSig,
      { ...signed, signature: 'zz' },
      { ...signed, nonce: 'x' },
    ]) {
      expect(receiveNotification(store, SECRET, bad)).toMatchObject({
        ok: false,
        error: { code: 'SIGN_ERROR' },
      })
    }
    expect(store.state.merchant.orders.get(order.id)?.status).toBe('PENDING_PAYMENT')
  })

  it('marks the order paid once, however often the notification comes', () => {
    const { store, order, note, payment } = paidAtGateway()
    const signed = signNotification(SECRET, note, T0)
    must(receiveNotification(store, SECRET, signed))
    must(receiveNotification(store, SECRET, signed))
    must(receiveNotification(store, SECRET, signNotification(SECRET, note, T0 + 1000)))
    expect(store.state.merchant.orders.get(order.id)).toMatchObject({
      status: 'PAID',
      paymentId: payment.id,
    })
  })

  it('refunds money that lands on an order the merchant already closed', () => {
    const { store, order, note, payment } = paidAtGateway()
    store.run((s) => sweepExpired(s, Date.parse(order.deadlineAt)))
    const answer = receiveNotification(store, SECRET, signNotification(SECRET, note, T0))
    expect(answer).toMatchObject({ ok: false, error: { code: 'ORDERCLOSED' } })
    expect(store.state.gateway.payments.get(payment.id)?.status).toBe('REFUND')
    expect(store.state.gateway.accounts.shopper.wallet.alipayBalanceFen).toBe(5_000_00)
  })
})
