// The test clock stopped and started again: what waits on the world's time waits with it, and a
// restart brings the clock back as it was, stopped or running.
import { describe, expect, it } from 'vitest'
import { tempDirs } from '../../../test/support/temp-dirs.ts'
import { openStore } from '../store/store.ts'
import { harness } from './testing.ts'

const tempDir = tempDirs('gateway-clock-')
const quiet = () => {}

describe('POST /api/__test/clock with frozen', () => {
  it('stops the clock while real time goes on, moves it while stopped, and starts it from there', async () => {
    const h = harness()
    const start = h.clock.now
    const stopped = await h.json('POST', '/api/__test/clock', { body: { frozen: true } })
    expect(stopped).toEqual({
      status: 200,
      body: { now: new Date(start).toISOString(), frozen: true },
    })
    h.clock.now += 60_000
    expect(h.store.now()).toBe(start)

    const moved = await h.json('POST', '/api/__test/clock', { body: { advanceMs: 5000 } })
    expect(moved.body).toEqual({ now: new Date(start + 5000).toISOString(), frozen: true })

    const running = await h.json('POST', '/api/__test/clock', { body: { frozen: false } })
    expect(running.body).toEqual({ now: new Date(start + 5000).toISOString(), frozen: false })
    h.clock.now += 1000
    expect(h.store.now()).toBe(start + 6000)
  })

  it('keeps a late notification late: the merchant does not query until the clock is moved', async () => {
    const h = harness()
    await h.json('POST', '/api/__test/faults', { body: { notify: 'drop' } })
    await h.json('POST', '/api/__test/clock', { body: { frozen: true } })
    const order = await h.order()
    const payment = await h.pay(order.id, 'alipay-balance')
    await h.json('POST', `/api/pay/payments/${String(payment.body.id)}/confirm`, {
      body: { password: '123456' },
      headers: h.as('shopper'),
    })
    h.clock.now += 60_000 // a minute of real time: the world's clock stands still
    const waiting = await h.json('GET', `/api/shop/orders/${order.id}`, {
      headers: h.as('shopper'),
    })
    expect(waiting.body).toMatchObject({ status: 'PENDING_PAYMENT' })

    await h.json('POST', '/api/__test/clock', { body: { advanceMs: 2500 } })
    const paid = await h.json('GET', `/api/shop/orders/${order.id}`, { headers: h.as('shopper') })
    expect(paid.body).toMatchObject({ status: 'PAID' })
  })

  it('answers PARAM_ERROR to a body with neither advanceMs nor frozen', async () => {
    const h = harness()
    const empty = await h.json('POST', '/api/__test/clock', { body: {} })
    expect(empty).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } })
    const wrong = await h.json('POST', '/api/__test/clock', { body: { frozen: 'yes' } })
    expect(wrong).toMatchObject({ status: 400, body: { code: 'PARAM_ERROR' } })
  })

  it('comes back stopped after a restart, and a reset starts it again', async () => {
    const dir = tempDir()
    const h = harness({}, { data: dir, journal: { log: quiet } })
    await h.json('POST', '/api/__test/clock', { body: { frozen: true, advanceMs: 1000 } })
    const stoppedAt = h.store.now()
    await h.store.durable()
    h.store.close()
    h.clock.now += 3_600_000

    const reopened = openStore(dir, () => h.clock.now)
    expect(reopened.now()).toBe(stoppedAt)
    expect(reopened.clockFrozen).toBe(true)
    reopened.reset()
    expect(reopened.clockFrozen).toBe(false)
    expect(reopened.now()).toBe(h.clock.now)
    reopened.close()
  })
})

describe('x-sim-now', () => {
  it("is on every answer of a world's routes: the world's clock, moved by the test clock", async () => {
    const h = harness()
    await h.json('POST', '/api/__test/clock', { body: { advanceMs: 20 * 60_000 } })
    const order = await h.app.request('/api/shop/orders', { headers: h.as('shopper') })
    expect(order.headers.get('x-sim-now')).toBe(new Date(h.clock.now + 20 * 60_000).toISOString())
    // A refusal says it too (an unknown order after a reload still teaches the phone the time).
    const missing = await h.app.request('/api/shop/orders/nope', { headers: h.as('shopper') })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('x-sim-now')).toBe(new Date(h.clock.now + 20 * 60_000).toISOString())
  })
})
