import { describe, expect, it } from 'vitest'
import { openFriendRequest } from '../cashier.ts'
import { HOUR_MS, MINUTE_MS } from '../result.ts'
import { seedState } from '../seed.ts'
import {
  askFriend,
  balance,
  confirm,
  friendPays,
  must,
  openAttempt,
  placeLongOrder,
  placeOrder,
  receivedTotal,
  step,
  sweep,
  T0,
  walletTotal,
  placeCheckout,
} from '../testing.ts'
import {
  cancelFriendRequest,
  friendPayView,
  listFriendRequests,
  maskNickname,
} from './friend-pay.ts'

describe('asking a friend to pay', () => {
  it('opens a 24-hour request for the order amount, listed for the requester only', () => {
    const s = seedState()
    const order = placeOrder(s)
    const r = askFriend(s, order.id)
    expect(r).toMatchObject({
      orderId: order.id,
      requester: 'shopper',
      status: 'OPEN',
      amountFen: order.totalFen,
      expiresAt: new Date(T0 + 24 * HOUR_MS).toISOString(),
      orderExpiresAt: order.deadlineAt,
    })
    expect(listFriendRequests(s.gateway, order.id, 'shopper').map((x) => x.token)).toEqual([
      r.token,
    ])
    expect(listFriendRequests(s.gateway, order.id, 'friend')).toEqual([])
  })

  it('replays the same Idempotency-Key; another body is a mismatch; a new request replaces the old', () => {
    const s = seedState()
    const order = placeOrder(s)
    const cmd = {
      persona: 'shopper' as const,
      token: 'tok-1',
      idemKey: 'fk-1',
      fingerprint: 'f1',
      orderId: order.id,
      message: 'hi',
      via: 'qq' as const,
    }
    const first = must(step(s, openFriendRequest(s, cmd, T0))).request
    expect(openFriendRequest(s, { ...cmd, token: 'tok-2' }, T0)).toMatchObject({
      ok: true,
      events: [],
      value: { replayed: true, request: { token: first.token } },
    })
    expect(openFriendRequest(s, { ...cmd, token: 'tok-3', fingerprint: 'f2' }, T0)).toMatchObject({
      error: { code: 'IDEMPOTENCY_MISMATCH' },
    })
    const second = askFriend(s, order.id, 'shopper', T0 + 1000, 'again')
    expect(s.gateway.friendRequests.get(first.token)).toMatchObject({
      status: 'CANCELLED',
      endReason: 'REPLACED',
    })
    expect(s.gateway.friendRequests.get(second.token)?.status).toBe('OPEN')
  })

  it("refuses someone else's order, a paid one and a closed one", () => {
    const s = seedState()
    const order = placeOrder(s)
    expect(() => askFriend(s, order.id, 'friend')).toThrow(/ORDER_NOT_EXIST/)
    must(confirm(s, openAttempt(s, order.id).id, '123456'))
    expect(() => askFriend(s, order.id)).toThrow(/ORDERPAID/)
    const late = placeOrder(s)
    expect(() => askFriend(s, late.id, 'shopper', Date.parse(late.deadlineAt))).toThrow(
      /ORDERCLOSED/,
    )
  })

  it('shows the friend a masked nickname, the message, the goods, the amount, and no address or phone', () => {
    const s = seedState()
    // Two shops' orders: the friend pays the checkout, and sees all of its goods.
    const order = placeCheckout(s)
    const r = askFriend(s, order.checkoutId, 'shopper', T0, '亲爱的，帮我付一下<b>吧</b>')
    const view = must(friendPayView(s.gateway, r.token))
    expect(view).toMatchObject({
      requester: '张**',
      message: '亲爱的，帮我付一下<b>吧</b>',
      amountFen: order.totalFen,
      status: 'OPEN',
    })
    expect(view.items).toHaveLength(3)
    const first = order.orders[0]?.lines[0]
    expect(view.items[0]).toEqual({
      title: first?.title,
      spec: first?.spec,
      image: first?.image,
      unitFen: first?.unitFen,
      qty: first?.qty,
    })
    const text = JSON.stringify(view)
    expect(text).not.toContain(order.address.phone)
    expect(text).not.toContain(order.address.detail)
    expect(text).not.toContain('张伟')
    expect(friendPayView(s.gateway, 'nope')).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect(maskNickname('小美')).toBe('小**')
  })
})

describe('the friend pays', () => {
  it('from their own WeChat 零钱: one SUCCESS, the request PAID, only the friend charged', () => {
    const s = seedState()
    const total = walletTotal(s)
    const order = placeOrder(s)
    const r = askFriend(s, order.id)
    const { payment, request } = must(friendPays(s, r.token))
    expect(payment).toMatchObject({
      method: 'friend-pay',
      status: 'SUCCESS',
      payer: 'friend',
      source: 'wechat-balance',
      friendToken: r.token,
      owner: 'shopper',
    })
    expect(request).toMatchObject({ status: 'PAID', payer: 'friend', paymentId: payment.id })
    expect(s.gateway.friendRequests.get(r.token)).toMatchObject({
      status: 'PAID',
      endReason: 'PAID',
    })
    expect(balance(s, 'friend', 'wechatBalanceFen')).toBe(10_000_00 - order.totalFen)
    expect(balance(s, 'shopper', 'wechatBalanceFen')).toBe(2_000_00)
    expect(walletTotal(s) + receivedTotal(s)).toBe(total)
  })

  it('or with Alipay (outside WeChat); never from Huabei or UnionPay', () => {
    const s = seedState()
    const order = placeOrder(s)
    const r = askFriend(s, order.id)
    expect(friendPays(s, r.token, 'friend', T0, 'huabei')).toMatchObject({
      error: { code: 'PARAM_ERROR' },
    })
    expect(friendPays(s, r.token, 'friend', T0, 'unionpay-card')).toMatchObject({
      error: { code: 'PARAM_ERROR' },
    })
    must(friendPays(s, r.token, 'friend', T0, 'alipay-balance'))
    expect(balance(s, 'friend', 'alipayBalanceFen')).toBe(1_000_00 - order.totalFen)
  })

  it("checks the friend's password in the friend's realm, and their balance", () => {
    const s = seedState()
    const order = placeOrder(s)
    const r = askFriend(s, order.id)
    expect(friendPays(s, r.token, 'friend', T0, 'wechat-balance', '000000')).toMatchObject({
      error: { code: 'PASSWORD_ERROR', triesLeft: 4 },
    })
    expect(s.gateway.accounts.friend.guards.wechat.failedTries).toBe(1)
    expect(s.gateway.accounts.shopper.guards.wechat.failedTries).toBe(0)
    expect(friendPays(s, r.token, 'low_balance')).toMatchObject({ error: { code: 'NOTENOUGH' } })
    expect(s.gateway.friendRequests.get(r.token)?.status).toBe('OPEN')
    expect(s.gateway.payments.size).toBe(0)
  })

  it('is single use: a second payment is told ORDERPAID', () => {
    const s = seedState()
    const order = placeOrder(s)
    const r = askFriend(s, order.id)
    must(friendPays(s, r.token))
    expect(friendPays(s, r.token, 'not_invited')).toMatchObject({ error: { code: 'ORDERPAID' } })
    expect([...s.gateway.payments.values()].filter((p) => p.status === 'SUCCESS')).toHaveLength(1)
  })

  it('races the shopper: whoever pays first wins, the other is told ORDERPAID', () => {
    const s = seedState()
    // The shopper wins.
    const a = placeOrder(s)
    const ra = askFriend(s, a.id)
    const pa = openAttempt(s, a.id)
    must(confirm(s, pa.id, '123456'))
    expect(friendPays(s, ra.token)).toMatchObject({ error: { code: 'ORDERPAID' } })
    expect(s.gateway.friendRequests.get(ra.token)).toMatchObject({
      status: 'CANCELLED',
      endReason: 'ORDERPAID',
    })
    // The friend wins.
    const b = placeOrder(s)
    const rb = askFriend(s, b.id)
    const pb = openAttempt(s, b.id, 'shopper', T0, 'wechat-scan')
    must(friendPays(s, rb.token))
    expect(s.gateway.payments.get(pb.id)?.status).toBe('CLOSED')
    expect(confirm(s, pb.id, '123456', 'shopper')).toMatchObject({ error: { code: 'ORDERPAID' } })
  })
})

describe('cancelling and expiry', () => {
  it('the requester cancels; the link then says so; cancelling again is harmless', () => {
    const s = seedState()
    const order = placeOrder(s)
    const r = askFriend(s, order.id)
    expect(cancelFriendRequest(s.gateway, r.token, 'friend', T0)).toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
    must(step(s, cancelFriendRequest(s.gateway, r.token, 'shopper', T0)))
    expect(s.gateway.friendRequests.get(r.token)).toMatchObject({
      status: 'CANCELLED',
      endReason: 'CANCELLED',
    })
    expect(cancelFriendRequest(s.gateway, r.token, 'shopper', T0)).toMatchObject({
      ok: true,
      events: [],
    })
    expect(friendPays(s, r.token)).toMatchObject({ error: { code: 'PAYMENT_CLOSED' } })
    must(friendPays(s, askFriend(s, order.id).token))
    const paid = [...s.gateway.friendRequests.values()].find((x) => x.status === 'PAID')
    expect(cancelFriendRequest(s.gateway, paid?.token ?? '', 'shopper', T0)).toMatchObject({
      error: { code: 'ORDERPAID' },
    })
  })

  it('ends with its order: EXPIRED (ORDERCLOSED) at the deadline, and the friend is told ORDERCLOSED', () => {
    const s = seedState()
    const order = placeOrder(s)
    const r = askFriend(s, order.id)
    const deadline = Date.parse(order.deadlineAt)
    expect(friendPays(s, r.token, 'friend', deadline)).toMatchObject({
      error: { code: 'ORDERCLOSED' },
    })
    sweep(s, deadline + MINUTE_MS)
    expect(s.gateway.friendRequests.get(r.token)).toMatchObject({
      status: 'EXPIRED',
      endReason: 'ORDERCLOSED',
      endedAt: order.deadlineAt,
    })
    expect(friendPays(s, r.token)).toMatchObject({ error: { code: 'ORDERCLOSED' } })
  })

  it('expires on its own after 24 hours when the order lives longer: LINK_EXPIRED', () => {
    const s = seedState()
    const order = placeLongOrder(s, 48 * 60)
    const r = askFriend(s, order.id)
    const end = T0 + 24 * HOUR_MS
    expect(friendPays(s, r.token, 'friend', end)).toMatchObject({ error: { code: 'LINK_EXPIRED' } })
    sweep(s, end)
    expect(s.gateway.friendRequests.get(r.token)).toMatchObject({
      status: 'EXPIRED',
      endReason: 'EXPIRED',
    })
    expect(s.merchant.orders.get(order.id)?.status).toBe('PENDING_PAYMENT')
    expect(friendPays(s, r.token, 'friend', end)).toMatchObject({ error: { code: 'LINK_EXPIRED' } })
  })
})
