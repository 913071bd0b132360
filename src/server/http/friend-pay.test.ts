import { describe, expect, it } from 'vitest'
import {
  FriendPayViewSchema,
  FriendRequestListSchema,
  FriendRequestSchema,
} from '../../contract/friend-pay.ts'
import { PaymentSchema } from '../../contract/payment.ts'
import { harness } from './testing.ts'
import type { Harness } from './testing.ts'

async function ask(
  h: Harness,
  orderId: string,
  body: Record<string, unknown> = {},
  key = h.newKey(),
) {
  return h.json('POST', '/api/pay/friend-requests', {
    body: { orderId, message: '帮我付一下', via: 'wechat', ...body },
    headers: { 'idempotency-key': key },
  })
}

describe('pay-for-me over HTTP', () => {
  it('the shopper makes a link; the friend sees no address or phone, pays, and the order is PAID', async () => {
    const h = harness()
    const order = await h.order()
    const created = await ask(h, order.id)
    expect(created.status).toBe(201)
    const request = FriendRequestSchema.parse(created.body)
    expect(request).toMatchObject({ status: 'OPEN', amountFen: order.totalFen, via: 'wechat' })
    // At least 128 random bits, URL-safe; the amount is not in the link.
    expect(request.token).toMatch(/^[A-Za-z0-9_-]{22,}$/)
    expect(request.path).toBe(`/friend-pay/${request.token}`)
    expect(request.path).not.toContain(String(order.totalFen))

    const page = await h.json('GET', `/api/pay/friend-requests/${request.token}`, {
      headers: h.as('friend'),
    })
    const view = FriendPayViewSchema.parse(page.body)
    expect(view).toMatchObject({
      requester: '张**',
      message: '帮我付一下',
      amountFen: order.totalFen,
    })
    expect(JSON.stringify(page.body)).not.toMatch(/13812345678|文三路|addr-hz|张伟/)

    const paid = await h.json('POST', `/api/pay/friend-requests/${request.token}/pay`, {
      body: { password: '123456' },
      headers: h.as('friend'),
    })
    expect(paid.status).toBe(200)
    expect(PaymentSchema.parse(paid.body)).toMatchObject({
      method: 'friend-pay',
      payer: 'friend',
      source: 'wechat-balance',
      friendRequestToken: request.token,
    })
    h.settle()
    const state = await h.state()
    expect(state.orders[0]).toMatchObject({ status: 'PAID' })
    expect(state.friendRequests).toEqual([
      {
        token: request.token,
        orderId: order.id,
        status: 'PAID',
        endReason: 'PAID',
        requester: 'shopper',
        payer: 'friend',
      },
    ])
    // The shopper sees who paid; the friend's page says PAID; paying again is ORDERPAID.
    const mine = FriendRequestListSchema.parse(
      (await h.json('GET', `/api/pay/friend-requests?orderId=${order.id}`)).body,
    )
    expect(mine.requests[0]).toMatchObject({ status: 'PAID', payer: 'friend' })
    expect((await h.json('GET', `/api/pay/friend-requests/${request.token}`)).body).toMatchObject({
      status: 'PAID',
    })
    const again = await h.json('POST', `/api/pay/friend-requests/${request.token}/pay`, {
      body: { password: '123456', source: 'alipay-balance' },
      headers: h.as('not_invited'),
    })
    expect(again).toMatchObject({ status: 409, body: { code: 'ORDERPAID' } })
  })

  it('replays the same key; another body with it is 409 IDEMPOTENCY_MISMATCH', async () => {
    const h = harness()
    const order = await h.order()
    const first = await ask(h, order.id, {}, 'friend-key-0001')
    const again = await ask(h, order.id, {}, 'friend-key-0001')
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect((await ask(h, order.id, { message: 'other' }, 'friend-key-0001')).status).toBe(409)
  })

  it('validates: plain-text message of at most 100 characters, a known share channel, a known source', async () => {
    const h = harness()
    const order = await h.order()
    expect((await ask(h, order.id, { message: 'x'.repeat(101) })).status).toBe(400)
    expect((await ask(h, order.id, { message: 'bell\u0007' })).status).toBe(400)
    expect((await ask(h, order.id, { via: 'email' })).status).toBe(400)
    const ok = FriendRequestSchema.parse(
      (await ask(h, order.id, { message: '  两行\n文字  ' })).body,
    )
    expect(ok.message).toBe('两行\n文字')
    const bad = await h.json('POST', `/api/pay/friend-requests/${ok.token}/pay`, {
      body: { password: '123456', source: 'huabei' },
      headers: h.as('friend'),
    })
    expect(bad.status).toBe(400)
  })

  it('the race: the shopper pays first, the friend is told ORDERPAID and nothing is charged', async () => {
    const h = harness()
    const order = await h.order()
    const request = FriendRequestSchema.parse((await ask(h, order.id)).body)
    const payment = PaymentSchema.parse((await h.pay(order.id, 'alipay-balance')).body)
    // The shopper's new attempt left the request open.
    expect((await h.json('GET', `/api/pay/friend-requests/${request.token}`)).body).toMatchObject({
      status: 'OPEN',
    })
    await h.json('POST', `/api/pay/payments/${payment.id}/confirm`, {
      body: { password: '123456' },
    })
    const late = await h.json('POST', `/api/pay/friend-requests/${request.token}/pay`, {
      body: { password: '123456' },
      headers: h.as('friend'),
    })
    expect(late).toMatchObject({ status: 409, body: { code: 'ORDERPAID' } })
    expect((await h.json('GET', `/api/pay/friend-requests/${request.token}`)).body).toMatchObject({
      status: 'CANCELLED',
      endReason: 'ORDERPAID',
    })
    expect((await h.state()).wallets.friend?.wechatBalanceFen).toBe(10_000_00)
  })

  it('the requester cancels; others cannot; an unknown token is NOT_FOUND', async () => {
    const h = harness()
    const order = await h.order()
    const request = FriendRequestSchema.parse((await ask(h, order.id)).body)
    expect(
      (
        await h.json('POST', `/api/pay/friend-requests/${request.token}/cancel`, {
          headers: h.as('friend'),
        })
      ).status,
    ).toBe(404)
    const cancelled = await h.json('POST', `/api/pay/friend-requests/${request.token}/cancel`)
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', endReason: 'CANCELLED' })
    const pay = await h.json('POST', `/api/pay/friend-requests/${request.token}/pay`, {
      body: { password: '123456' },
      headers: h.as('friend'),
    })
    expect(pay.body).toMatchObject({ code: 'PAYMENT_CLOSED' })
    expect((await h.json('GET', '/api/pay/friend-requests/nope')).status).toBe(404)
    expect(
      (await h.json('POST', '/api/pay/friend-requests/nope/pay', { body: { password: '123456' } }))
        .status,
    ).toBe(404)
    expect(
      (
        await h.json('GET', `/api/pay/friend-requests?orderId=${order.id}`, {
          headers: h.as('friend'),
        })
      ).body,
    ).toEqual({ requests: [] })
  })

  it('closes with its order at the deadline: EXPIRED, and paying says ORDERCLOSED', async () => {
    const h = harness()
    const order = await h.order()
    const request = FriendRequestSchema.parse((await ask(h, order.id)).body)
    await h.json('POST', '/api/__test/clock', { body: { advanceMs: 30 * 60_000 } })
    expect((await h.json('GET', `/api/pay/friend-requests/${request.token}`)).body).toMatchObject({
      status: 'EXPIRED',
      endReason: 'ORDERCLOSED',
    })
    const pay = await h.json('POST', `/api/pay/friend-requests/${request.token}/pay`, {
      body: { password: '123456' },
      headers: h.as('friend'),
    })
    expect(pay).toMatchObject({ status: 409, body: { code: 'ORDERCLOSED' } })
  })
})
