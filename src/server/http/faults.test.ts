import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { FaultsSchema } from '../../contract/test-api.ts'
import { PaymentSchema } from '../../contract/payment.ts'
import { FaultSwitch } from './faults.ts'
import { harness } from './testing.ts'
import type { Harness } from './testing.ts'

/** An order paid at the gateway (Alipay balance), the notification left to the outbox. */
async function paidAtGateway(h: Harness, persona = 'shopper') {
  const order = await h.order(persona)
  const payment = PaymentSchema.parse((await h.pay(order.id, 'alipay-balance', { persona })).body)
  const res = await h.json('POST', `/api/pay/payments/${payment.id}/confirm`, {
    body: { password: '123456' },
    headers: h.as(persona),
  })
  expect(res.status).toBe(200)
  return { order, payment }
}

const merchantStatus = (h: Harness, orderId: string) =>
  h.store.state.merchant.orders.get(orderId)?.status
const faults = (h: Harness, body: unknown) => h.json('POST', '/api/__test/faults', { body })

describe('notifications: queued, signed, retried until acknowledged', () => {
  it('are asynchronous: the merchant hears of the payment just after the answer', async () => {
    const h = harness()
    const { order } = await paidAtGateway(h)
    expect(merchantStatus(h, order.id)).toBe('PENDING_PAYMENT')
    expect(h.outbox.size).toBe(1)
    h.settle()
    expect(merchantStatus(h, order.id)).toBe('PAID')
    expect(h.outbox.size).toBe(0)
  })

  it('drop: never delivered; the merchant queries once the notification is 2 s late (its GET does)', async () => {
    const h = harness()
    await faults(h, { notify: 'drop' })
    const { order, payment } = await paidAtGateway(h)
    h.settle()
    expect(merchantStatus(h, order.id)).toBe('PENDING_PAYMENT')
    h.clock.advance(1999)
    expect((await h.json('GET', `/api/shop/orders/${order.id}`)).body).toMatchObject({
      status: 'PENDING_PAYMENT',
    })
    h.clock.advance(1)
    expect((await h.json('GET', `/api/shop/orders/${order.id}`)).body).toMatchObject({
      status: 'PAID',
      paymentId: payment.id,
    })
  })

  it('drop: the merchant’s own sweep (a timer in production) settles it without any GET', async () => {
    const h = harness()
    await faults(h, { notify: 'drop' })
    const { order } = await paidAtGateway(h)
    h.clock.advance(2000)
    h.outbox.reconcile()
    expect(merchantStatus(h, order.id)).toBe('PAID')
  })

  it('retries with exponential backoff: 1 s, 2 s, 4 s…, delivered once the fault clears', async () => {
    const h = harness()
    await faults(h, { notify: 'drop' })
    const { order } = await paidAtGateway(h)
    h.settle() // attempt 1: dropped
    h.clock.advance(1000) // attempt 2: dropped
    h.clock.advance(2000) // attempt 3: dropped
    await faults(h, { notify: 'normal' })
    h.clock.advance(3999)
    expect(merchantStatus(h, order.id)).toBe('PENDING_PAYMENT')
    h.clock.advance(1) // attempt 4, at +4 s
    expect(merchantStatus(h, order.id)).toBe('PAID')
    expect(h.outbox.size).toBe(0)
  })

  it('duplicate: delivered twice, the order is marked paid once', async () => {
    const h = harness()
    await faults(h, { notify: 'duplicate' })
    const { order } = await paidAtGateway(h)
    h.settle()
    expect(merchantStatus(h, order.id)).toBe('PAID')
    const orderEvents = (h.live.since(order.id, 1) ?? []).filter((e) => e.type === 'order')
    expect(orderEvents.map((e) => e.type === 'order' && e.order.status)).toEqual(['PAID'])
  })

  it('delay: delivered after latencyMs (5 s by default)', async () => {
    const h = harness()
    expect((await faults(h, { notify: 'delay' })).body).toEqual({
      notify: 'delay',
      latencyMs: 0,
      failNextConfirm: null,
      notifySign: 'valid',
      wechatpayFailNext: null,
    })
    const { order } = await paidAtGateway(h)
    h.clock.advance(4999)
    expect(merchantStatus(h, order.id)).toBe('PENDING_PAYMENT')
    h.clock.advance(1)
    expect(merchantStatus(h, order.id)).toBe('PAID')
  })

  it('a payment that lands on an order closed meanwhile is refunded: money back, REFUND', async () => {
    const h = harness()
    await faults(h, { notify: 'delay' })
    const order = await h.order()
    const deadline = Date.parse(order.deadlineAt)
    h.clock.now = deadline - 1000
    const payment = PaymentSchema.parse((await h.pay(order.id, 'alipay-balance')).body)
    await h.json('POST', `/api/pay/payments/${payment.id}/confirm`, {
      body: { password: '123456' },
    })
    expect((await h.state()).wallets.shopper?.alipayBalanceFen).toBe(5_000_00 - order.totalFen)
    // The deadline passes before the delayed notification lands: the merchant closes the order.
    h.clock.now = deadline + 1000
    expect((await h.json('GET', `/api/shop/orders/${order.id}`)).body).toMatchObject({
      status: 'CLOSED',
    })
    h.clock.advance(5000)
    const state = await h.state()
    expect(state.payments.find((p) => p.id === payment.id)?.status).toBe('REFUND')
    expect(state.wallets.shopper?.alipayBalanceFen).toBe(5_000_00)
    expect(h.outbox.size).toBe(0)
  })

  it('after a restart, payments whose notification never got through are notified again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-outbox-'))
    try {
      const dropped = new FaultSwitch()
      dropped.set({ notify: 'drop' })
      const before = harness({ faults: dropped }, { data: dir })
      const { order } = await paidAtGateway(before)
      before.settle()
      before.store.close() // as good as kill -9 here: the answer went out, so the journal has it
      const after = harness({}, { data: dir })
      expect(merchantStatus(after, order.id)).toBe('PENDING_PAYMENT')
      expect(after.outbox.size).toBe(1)
      after.settle()
      expect(merchantStatus(after, order.id)).toBe('PAID')
      after.store.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the faults switch', () => {
  it('failNextConfirm: the next confirm fails with that code, charges nothing; the one after works', async () => {
    const h = harness()
    const set = await faults(h, { failNextConfirm: 'SYSTEMERROR' })
    expect(FaultsSchema.parse(set.body).failNextConfirm).toBe('SYSTEMERROR')
    const order = await h.order()
    const payment = PaymentSchema.parse((await h.pay(order.id, 'alipay-balance')).body)
    const confirm = () =>
      h.json('POST', `/api/pay/payments/${payment.id}/confirm`, { body: { password: '123456' } })
    expect(await confirm()).toMatchObject({ status: 503, body: { code: 'SYSTEMERROR' } })
    expect((await h.state()).wallets.shopper?.alipayBalanceFen).toBe(5_000_00)
    expect((await h.json('GET', '/api/__test/faults')).body).toMatchObject({
      failNextConfirm: null,
      notifySign: 'valid',
      wechatpayFailNext: null,
    })
    expect((await confirm()).status).toBe(200)
    await faults(h, { failNextConfirm: 'NOTENOUGH' })
    const other = await h.order()
    const q = PaymentSchema.parse((await h.pay(other.id, 'wechat-scan')).body)
    const scanned = await h.json('POST', `/api/pay/sheets/${q.payToken}/confirm`, {
      body: { password: '123456' },
      headers: h.as('friend'),
    })
    expect(scanned).toMatchObject({ status: 403, body: { code: 'NOTENOUGH' } })
  })

  it('latencyMs: every gateway answer takes that much longer; the merchant’s do not', async () => {
    const h = harness()
    await faults(h, { latencyMs: 400 })
    // The test's own clock (no timing on a busy machine): the wallet waits out the 400 ms, the catalog
    // answers without the clock moving at all.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      let answered = false
      const wallet = h.json('GET', '/api/pay/wallet').then((res) => {
        answered = true
        return res
      })
      await vi.advanceTimersByTimeAsync(399)
      expect(answered).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect((await wallet).status).toBe(200)
      expect((await h.json('GET', '/api/shop/catalog')).status).toBe(200)
    } finally {
      vi.useRealTimers()
    }
    expect((await faults(h, { latencyMs: -1 })).status).toBe(400)
  })

  it('reset brings back a healthy gateway', async () => {
    const h = harness()
    await faults(h, { notify: 'drop', latencyMs: 5, failNextConfirm: 'SYSTEMERROR' })
    await h.json('POST', '/api/__test/reset')
    expect((await h.json('GET', '/api/__test/faults')).body).toEqual({
      notify: 'normal',
      latencyMs: 0,
      failNextConfirm: null,
      notifySign: 'valid',
      wechatpayFailNext: null,
    })
  })

  it('flaky_gateway: the first confirm fails with SYSTEMERROR (503, no money moves), the retry succeeds', async () => {
    const h = harness()
    const order = await h.order('flaky_gateway')
    const payment = PaymentSchema.parse(
      (await h.pay(order.id, 'alipay-balance', { persona: 'flaky_gateway' })).body,
    )
    const confirm = () =>
      h.json('POST', `/api/pay/payments/${payment.id}/confirm`, {
        body: { password: '123456' },
        headers: h.as('flaky_gateway'),
      })
    expect(await confirm()).toMatchObject({ status: 503, body: { code: 'SYSTEMERROR' } })
    expect((await h.state()).wallets.flaky_gateway?.alipayBalanceFen).toBe(5_000_00)
    expect(await confirm()).toMatchObject({ status: 200, body: { status: 'SUCCESS' } })
    h.settle()
    expect(merchantStatus(h, order.id)).toBe('PAID')
  })
})
