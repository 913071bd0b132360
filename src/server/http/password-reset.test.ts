import { describe, expect, it } from 'vitest'
import { ApiErrorSchema } from '../../contract/errors.ts'
import { CashierSchema, PasswordStatusSchema, PaymentSchema } from '../../contract/payment.ts'
import { HOUR_MS } from '../domain/result.ts'
import { harness, type Harness } from './testing.ts'

const reset = (h: Harness, body: unknown, persona = 'shopper') =>
  h.call('POST', '/api/pay/password/reset', { body, headers: h.as(persona) })

const confirm = (h: Harness, paymentId: string, password: string) =>
  h.call('POST', `/api/pay/payments/${paymentId}/confirm`, { body: { password } })

async function lockedAttempt(h: Harness) {
  const order = await h.order()
  const payment = PaymentSchema.parse((await h.pay(order.id, 'alipay-balance')).body)
  for (let i = 0; i < 5; i++) await confirm(h, payment.id, '000000')
  return { order, payment }
}

describe('POST /api/pay/password/reset', () => {
  it('unlocks the realm: the cashier offers its methods again and the password pays', async () => {
    const h = harness()
    const { order, payment } = await lockedAttempt(h)
    const locked = CashierSchema.parse(
      (await h.json('GET', `/api/pay/cashier?orderId=${order.id}`)).body,
    )
    expect(locked.methods.find((m) => m.id === 'huabei')).toMatchObject({
      enabled: false,
      reason: 'LOCKED',
      lockedUntil: new Date(h.clock.now + 3 * HOUR_MS).toISOString(),
    })

    const res = await reset(h, { realm: 'alipay' })
    expect(res.status).toBe(200)
    expect(PasswordStatusSchema.parse(await res.json())).toEqual({
      realm: 'alipay',
      locked: false,
      lockedUntil: null,
      triesLeft: 5,
    })
    const open = CashierSchema.parse(
      (await h.json('GET', `/api/pay/cashier?orderId=${order.id}`)).body,
    )
    expect(open.methods.find((m) => m.id === 'alipay-balance')).toMatchObject({
      enabled: true,
      reason: null,
    })
    expect(open.methods.find((m) => m.id === 'alipay-balance')).not.toHaveProperty('lockedUntil')
    expect((await confirm(h, payment.id, '123456')).status).toBe(200)
  })

  it('refuses anything but a known realm, as PARAM_ERROR', async () => {
    const h = harness()
    for (const body of [{}, { realm: 'bank' }, { realm: 'alipay', extra: 1 }]) {
      const res = await reset(h, body)
      expect(res.status).toBe(400)
      expect(ApiErrorSchema.parse(await res.json()).code).toBe('PARAM_ERROR')
    }
    const text = await h.call('POST', '/api/pay/password/reset', {
      body: 'realm=alipay',
      headers: { 'content-type': 'text/plain' },
    })
    expect(text.status).toBe(400)
  })
})

describe("another persona's order", () => {
  it('the order GET and the cashier answer 403 ORDER_OF_OTHER_PERSONA naming the owner', async () => {
    const h = harness()
    const order = await h.order('shopper')
    for (const path of [`/api/shop/orders/${order.id}`, `/api/pay/cashier?orderId=${order.id}`]) {
      const res = await h.call('GET', path, { headers: h.as('friend') })
      expect(res.status, path).toBe(403)
      expect(ApiErrorSchema.parse(await res.json())).toMatchObject({
        code: 'ORDER_OF_OTHER_PERSONA',
        owner: { persona: 'shopper', nickname: '张伟' },
      })
    }
    // What does not exist stays a 404; paying another's order stays ORDER_NOT_EXIST.
    const missing = await h.call('GET', '/api/shop/orders/nope', { headers: h.as('friend') })
    expect(missing.status).toBe(404)
    const pay = await h.pay(order.id, 'alipay-balance', { persona: 'friend' })
    expect(pay).toMatchObject({ status: 404, body: { code: 'ORDER_NOT_EXIST' } })
  })
})
