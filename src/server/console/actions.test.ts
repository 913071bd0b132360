// The console's actions on Taobao's own orders and notifications, over HTTP: resend (the merchant stays
// paid once), refund in part then in full, close, the clock to the next deadline, the notify faults.
import { describe, expect, it } from 'vitest'
import { ResendAnswerSchema, TestRefundAnswerSchema } from '../../contract/console.ts'
import { OrderSchema } from '../../contract/order.ts'
import { PaymentSchema } from '../../contract/payment.ts'
import { harness } from '../http/testing.ts'
import type { Harness } from '../http/testing.ts'
import { timeline, typesOf } from './testing.ts'

/** An order paid from the Alipay balance, the merchant told (or not, with a fault). */
async function paidOrder(h: Harness) {
  const order = await h.order()
  const payment = PaymentSchema.parse((await h.pay(order.id, 'alipay-balance')).body)
  const paid = await h.json('POST', `/api/pay/payments/${payment.id}/confirm`, {
    body: { password: '123456' },
  })
  expect(paid.status).toBe(200)
  h.settle()
  await turn()
  return { order, payment }
}

const turn = () => new Promise((resolve) => setImmediate(resolve))

async function orderOf(h: Harness, id: string) {
  return OrderSchema.parse((await h.json('GET', `/api/shop/orders/${id}`)).body)
}

describe('resending a notification', { timeout: 30_000 }, () => {
  it('is one more delivery; the merchant is idempotent and the order stays paid once', async () => {
    const h = harness()
    const { order, payment } = await paidOrder(h)
    for (const notify of ['normal', 'duplicate'] as const) {
      await h.json('POST', '/api/__test/faults', { body: { notify } })
      const res = await h.json('POST', `/api/__test/notifications/${payment.id}/resend`)
      expect(res.status).toBe(200)
      const answer = ResendAnswerSchema.parse(res.body)
      expect(answer.channel).toBe('taobao')
      expect(answer.deliveries).toHaveLength(notify === 'duplicate' ? 2 : 1)
      expect(answer.deliveries[0]?.detail).toMatchObject({ outcome: 'delivered', note: 'resent' })
    }
    await turn()
    const { entries } = await timeline(h)
    expect(typesOf(entries).filter((t) => t === 'order.paid')).toHaveLength(1)
    expect(typesOf(entries).filter((t) => t === 'delivery')).toHaveLength(4)
    expect(
      entries
        .filter((e) => e.kind === 'delivery')
        .map((e) => (e.detail as { attempt: number }).attempt),
    ).toEqual([1, 2, 3, 3])
    const state = await h.state()
    expect(state.orders).toEqual([expect.objectContaining({ id: order.id, status: 'PAID' })])
    expect(state.payments.filter((p) => p.status === 'SUCCESS')).toHaveLength(1)
    const unknown = await h.json('POST', '/api/__test/notifications/nope/resend')
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } })
    // A payment that is not paid has no notification.
    const open = PaymentSchema.parse((await h.pay((await h.order()).id, 'alipay-balance')).body)
    expect((await h.json('POST', `/api/__test/notifications/${open.id}/resend`)).status).toBe(404)
  })
})

describe(
  'the notify faults, on Taobao’s own outbox as on the sandboxes’',
  { timeout: 30_000 },
  () => {
    it('a wrong signature is refused and retried; a SIGNTEST probe goes first and is refused', async () => {
      const h = harness()
      await h.json('POST', '/api/__test/faults', { body: { notifySign: 'wrong' } })
      const { order } = await paidOrder(h)
      expect((await orderOf(h, order.id)).status).toBe('PENDING_PAYMENT')
      const failed = (await timeline(h, {}, 'kind=delivery')).entries
      expect(failed.map((e) => e.detail)).toEqual([
        expect.objectContaining({ outcome: 'failed', status: 401, note: 'wrong-signature' }),
      ])
      expect((failed[0]?.detail as { nextRetryAt: string | null }).nextRetryAt).not.toBeNull()
      await h.json('POST', '/api/__test/faults', { body: { notifySign: 'signtest' } })
      // The next retry, on the world's clock: the probe, refused, then the real one, delivered.
      const moved = await h.json('POST', '/api/__test/clock', { body: { to: 'next-retry' } })
      expect(moved.status).toBe(200)
      await turn()
      const after = (await timeline(h, {}, 'kind=delivery')).entries.slice(1)
      expect(after.map((e) => e.detail)).toEqual([
        expect.objectContaining({ outcome: 'failed', status: 401, note: 'probe' }),
        expect.objectContaining({ outcome: 'delivered', status: 200, attempt: 2 }),
      ])
      expect((await orderOf(h, order.id)).status).toBe('PAID')
      expect(
        await h.json('POST', '/api/__test/clock', { body: { to: 'next-retry' } }),
      ).toMatchObject({
        status: 409,
        body: { code: 'NOTHING_DUE' },
      })
    })

    it('drop: a dropped attempt is logged as such, with its retry', async () => {
      const h = harness()
      await h.json('POST', '/api/__test/faults', { body: { notify: 'drop' } })
      await paidOrder(h)
      const [dropped] = (await timeline(h, {}, 'kind=delivery')).entries
      expect(dropped?.detail).toMatchObject({ outcome: 'dropped', status: null })
    })
  },
)

describe('refunds (the test API’s)', { timeout: 30_000 }, () => {
  it('a part keeps the order PAID with its refunded amount; the rest makes it REFUNDED', async () => {
    const h = harness()
    const { order, payment } = await paidOrder(h)
    const before = (await h.state()).wallets.shopper?.alipayBalanceFen ?? 0
    const part = await h.json('POST', `/api/__test/orders/${order.id}/refund`, {
      body: { amountFen: 10_00 },
    })
    expect(part.status).toBe(200)
    expect(TestRefundAnswerSchema.parse(part.body)).toMatchObject({
      order: { status: 'PAID', refundedFen: 10_00 },
      refund: { amountFen: 10_00, refundedFen: 10_00, full: false, paymentId: payment.id },
    })
    const over = await h.json('POST', `/api/__test/orders/${order.id}/refund`, {
      body: { amountFen: order.totalFen },
    })
    expect(over).toMatchObject({ status: 409, body: { code: 'REFUND_TOO_LARGE' } })
    const rest = await h.json('POST', `/api/__test/orders/${order.id}/refund`, { body: {} })
    expect(TestRefundAnswerSchema.parse(rest.body)).toMatchObject({
      order: { status: 'REFUNDED', refundedFen: order.totalFen },
      refund: { amountFen: order.totalFen - 10_00, full: true },
    })
    const again = await h.json('POST', `/api/__test/orders/${order.id}/refund`, { body: {} })
    expect(again).toMatchObject({ status: 409, body: { code: 'REFUND_TOO_LARGE' } })
    const state = await h.state()
    expect(state.orders).toEqual([
      {
        id: order.id,
        checkoutId: order.id,
        status: 'REFUNDED',
        totalFen: order.totalFen,
        refundedFen: order.totalFen,
      },
    ])
    expect(state.wallets.shopper?.alipayBalanceFen).toBe(before + order.totalFen)
    expect((await orderOf(h, order.id)).status).toBe('REFUNDED')
    const refunds = (await timeline(h)).entries.filter((e) => e.type === 'order.refunded')
    expect(refunds.map((e) => e.refs.orderId)).toEqual([order.id, order.id])
    const pending = await h.order()
    expect(
      await h.json('POST', `/api/__test/orders/${pending.id}/refund`, { body: {} }),
    ).toMatchObject({
      status: 409,
      body: { code: 'ORDER_NOT_PAID' },
    })
    expect((await h.json('POST', '/api/__test/orders/nope/refund', { body: {} })).status).toBe(404)
    const bad = await h.json('POST', `/api/__test/orders/${order.id}/refund`, {
      body: { amountFen: -1 },
    })
    expect(bad).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } })
  })
})

describe('closing an order', { timeout: 30_000 }, () => {
  it('closes a pending one as cancelled, with its open attempts; a paid one is a 409', async () => {
    const h = harness()
    const order = await h.order()
    const payment = PaymentSchema.parse((await h.pay(order.id, 'wechat-scan')).body)
    const closed = await h.json('POST', `/api/__test/orders/${order.id}/close`)
    expect(OrderSchema.parse(closed.body)).toMatchObject({
      status: 'CLOSED',
      closeReason: 'CANCELLED',
    })
    const again = await h.json('POST', `/api/__test/orders/${order.id}/close`)
    expect(again.status).toBe(200)
    const state = await h.state()
    expect(state.payments.find((p) => p.id === payment.id)?.status).toBe('CLOSED')
    const { order: paid } = await paidOrder(h)
    const refused = await h.json('POST', `/api/__test/orders/${paid.id}/close`)
    expect(refused).toMatchObject({ status: 409, body: { code: 'ORDERPAID' } })
    expect((await h.json('POST', '/api/__test/orders/nope/close')).body.code).toBe(
      'ORDER_NOT_EXIST',
    )
  })
})

describe('the clock to the next deadline', { timeout: 30_000 }, () => {
  it('moves to the next order or payment deadline, which closes; with none ahead: 409 NOTHING_DUE', async () => {
    const h = harness()
    const order = await h.order()
    const moved = await h.json('POST', '/api/__test/clock', { body: { to: 'next-deadline' } })
    expect(moved.body.now).toBe(order.deadlineAt)
    expect((await orderOf(h, order.id)).status).toBe('CLOSED')
    const none = await h.json('POST', '/api/__test/clock', { body: { to: 'next-deadline' } })
    expect(none).toMatchObject({ status: 409, body: { code: 'NOTHING_DUE' } })
    const both = await h.json('POST', '/api/__test/clock', {
      body: { to: 'next-retry', advanceMs: 1 },
    })
    expect(both).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } })
  })
})

describe('fail-next', { timeout: 30_000 }, () => {
  it('refuses a merchant of no world of the caller’s, and a code that is no error code', async () => {
    const h = harness()
    const mchid = h.worlds.default.wechatpay.mchid
    const appId = h.worlds.default.alipay.appId
    const unknown = await h.json('POST', '/api/__test/merchants/1234567890/fail-next', {
      body: { code: 'SYSTEM_ERROR' },
    })
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } })
    const world = String((await h.json('POST', '/api/__test/worlds', { body: {} })).body.world)
    const elsewhere = await h.json('POST', `/api/__test/merchants/${mchid}/fail-next`, {
      body: { code: 'SYSTEM_ERROR' },
      headers: { 'x-sim-world': world },
    })
    expect(elsewhere.status).toBe(404)
    const bad = await h.json('POST', `/api/__test/merchants/${mchid}/fail-next`, {
      body: { code: 'NO_SUCH' },
    })
    expect(bad).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } })
    const badAlipay = await h.json('POST', `/api/__test/merchants/${appId}/fail-next`, {
      body: { code: 'nope' },
    })
    expect(badAlipay.status).toBe(400)
    const set = await h.json('POST', `/api/__test/merchants/${appId}/fail-next`, {
      body: { code: 'ACQ.SYSTEM_ERROR' },
    })
    expect(set).toMatchObject({
      status: 200,
      body: { merchant: appId, api: 'alipay', code: 'ACQ.SYSTEM_ERROR' },
    })
    const [logged] = (await timeline(h)).entries.filter((e) => e.type === 'faults.changed')
    expect(logged?.refs).toEqual({ merchant: appId })
  })
})
