import { describe, expect, it } from 'vitest'
import type { PaymentMethodId } from '../../../contract/payment.ts'
import { HOUR_MS, MINUTE_MS } from '../result.ts'
import { seedState } from '../seed.ts'
import {
  askFriend,
  balance,
  confirm,
  must,
  openAttempt,
  placeLongOrder,
  placeOrder,
  receivedTotal,
  step,
  sweep,
  T0,
  tryOpenAttempt,
  walletTotal,
} from '../testing.ts'
import { CHANNELS, SOURCES } from './channels.ts'
import { createPayment } from './payments.ts'
import { openSheet, sheetPayment, sheetView } from './sheets.ts'
import { tradeRequestFor } from '../merchant/trade.ts'

const launch = { era: 'launch' as const }

describe('every channel pays from its own source, once', () => {
  it.each<[PaymentMethodId, 'beta' | 'launch', keyof typeof SOURCES]>([
    ['alipay-balance', 'beta', 'alipay-balance'],
    ['alipay-card', 'beta', 'alipay-card'],
    ['huabei', 'beta', 'huabei'],
    ['unionpay', 'beta', 'unionpay-card'],
    ['wechat', 'launch', 'wechat-balance'],
    ['wechat-scan', 'beta', 'wechat-balance'],
  ])('%s (%s) debits %s by the amount', (method, era, source) => {
    const s = seedState()
    const total = walletTotal(s)
    const order = placeOrder(s)
    const p = openAttempt(s, order.id, 'shopper', T0, method, { era })
    const wallet = SOURCES[source].wallet
    const before = balance(s, 'shopper', wallet)
    const paid = must(confirm(s, p.id, '123456')).payment
    expect(paid).toMatchObject({ status: 'SUCCESS', payer: 'shopper', source, method })
    expect(balance(s, 'shopper', wallet)).toBe(before - order.totalFen)
    expect(walletTotal(s) + receivedTotal(s)).toBe(total)
    expect(confirm(s, p.id, '123456')).toMatchObject({ ok: false, error: { code: 'ORDERPAID' } })
    expect(balance(s, 'shopper', wallet)).toBe(before - order.totalFen)
  })

  it('gives sheet channels a token, the others none; only the scan code a code expiry', () => {
    const s = seedState()
    const order = placeOrder(s)
    for (const method of [
      'alipay-balance',
      'alipay-card',
      'huabei',
      'unionpay',
      'wechat-scan',
    ] as const) {
      const p = openAttempt(s, order.id, 'shopper', T0, method)
      expect(p.payToken !== null).toBe(CHANNELS[method].sheet !== 'none')
      expect(p.codeExpiresAt !== null).toBe(method === 'wechat-scan')
    }
    const jump = openAttempt(s, order.id, 'shopper', T0, 'wechat', launch)
    expect(jump.payToken).toBeTruthy()
    // A code lives 2 hours but never past the order's deadline (30 minutes here).
    const scan = openAttempt(s, order.id, 'shopper', T0, 'wechat-scan')
    expect(scan.codeExpiresAt).toBe(order.deadlineAt)
  })

  it('WeChat pays from 零钱 by default or from the card the payer picks, and never from Alipay', () => {
    const s = seedState()
    const order = placeOrder(s)
    const p = openAttempt(s, order.id, 'shopper', T0, 'wechat', launch)
    expect(confirm(s, p.id, '123456', 'shopper', T0, 'alipay-balance')).toMatchObject({
      ok: false,
      error: { code: 'PARAM_ERROR' },
    })
    must(confirm(s, p.id, '123456', 'shopper', T0, 'wechat-card'))
    expect(balance(s, 'shopper', 'wechatCardFen')).toBe(20_000_00 - order.totalFen)
    expect(balance(s, 'shopper', 'wechatBalanceFen')).toBe(2_000_00)
  })

  it('says NOTENOUGH per source: 零钱 short, the card still pays', () => {
    const s = seedState()
    s.gateway.accounts.shopper.wallet.wechatBalanceFen = 100
    const order = placeOrder(s)
    const p = openAttempt(s, order.id, 'shopper', T0, 'wechat', launch)
    expect(confirm(s, p.id, '123456')).toMatchObject({ ok: false, error: { code: 'NOTENOUGH' } })
    must(confirm(s, p.id, '123456', 'shopper', T0, 'wechat-card'))
  })

  it('keeps a lockout counter per realm: a locked Alipay does not lock UnionPay or WeChat', () => {
    const s = seedState()
    const order = placeOrder(s)
    const ali = openAttempt(s, order.id, 'shopper', T0, 'alipay-card')
    for (let i = 0; i < 5; i++) confirm(s, ali.id, '000000')
    expect(confirm(s, ali.id, '123456')).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } })
    const huabei = openAttempt(s, order.id, 'shopper', T0, 'huabei')
    expect(confirm(s, huabei.id, '123456')).toMatchObject({ error: { code: 'ACCOUNT_LOCKED' } })
    const union = openAttempt(s, order.id, 'shopper', T0, 'unionpay')
    expect(confirm(s, union.id, '000000')).toMatchObject({
      error: { code: 'PASSWORD_ERROR', triesLeft: 4 },
    })
    must(confirm(s, union.id, '123456'))
    expect(s.gateway.accounts.shopper.guards.alipay.lockedUntilMs).toBe(T0 + 3 * HOUR_MS)
  })

  it('Huabei keeps the chosen plan and charges the principal to the credit line', () => {
    const s = seedState()
    const order = placeOrder(s)
    const p = openAttempt(s, order.id, 'shopper', T0, 'huabei', { huabeiPeriods: 6 })
    expect(p.installment).toMatchObject({ periods: 6, feeRateBp: 450 })
    expect(p.installment?.schedule).toHaveLength(6)
    must(confirm(s, p.id, '123456'))
    expect(balance(s, 'shopper', 'huabeiAvailableFen')).toBe(3_000_00 - order.totalFen)
    const other = placeOrder(s)
    const full = openAttempt(s, other.id, 'shopper', T0, 'huabei')
    expect(full.installment).toMatchObject({ periods: 0, feeFen: 0 })
  })

  it('refuses methods the shopper cannot use: no Huabei, an old app, goods outside the beta', () => {
    const s = seedState()
    const low = placeOrder(s, 'low_balance')
    expect(tryOpenAttempt(s, low.id, 'low_balance', T0, 'huabei')).toMatchObject({
      error: { code: 'METHOD_UNAVAILABLE' },
    })
    const old = placeOrder(s, 'old_app')
    expect(
      tryOpenAttempt(s, old.id, 'old_app', T0, 'wechat', { era: 'launch', appVersion: '10.10.0' }),
    ).toMatchObject({
      error: { code: 'METHOD_UNAVAILABLE' },
    })
    expect(
      tryOpenAttempt(s, old.id, 'old_app', T0, 'wechat', { era: 'launch', appVersion: '10.38.0' })
        .ok,
    ).toBe(true)
    const earbuds = placeOrder(s, 'shopper', T0, {
      lines: [{ skuId: 'sku-earbuds-anc', qty: 1 }],
      addressId: 'addr-hz',
      note: '',
      invoice: { kind: 'none' },
    })
    expect(tryOpenAttempt(s, earbuds.id, 'shopper', T0, 'wechat-scan')).toMatchObject({
      error: { code: 'METHOD_UNAVAILABLE' },
    })
    const mine = placeOrder(s, 'not_invited')
    expect(tryOpenAttempt(s, mine.id, 'not_invited', T0, 'wechat-scan')).toMatchObject({
      error: { code: 'METHOD_UNAVAILABLE' },
    })
    expect(tryOpenAttempt(s, mine.id, 'not_invited', T0, 'friend-pay')).toMatchObject({
      error: { code: 'PARAM_ERROR' },
    })
  })
})

describe('pay sheets', () => {
  it('a scanned code is paid by whoever scans it, from their own WeChat', () => {
    const s = seedState()
    const order = placeOrder(s)
    const p = openAttempt(s, order.id, 'shopper', T0, 'wechat-scan')
    const token = p.payToken ?? ''
    const view = must(sheetView(s.gateway, token, 'friend', T0))
    expect(view).toMatchObject({
      method: 'wechat-scan',
      status: 'NOTPAY',
      amountFen: order.totalFen,
    })
    expect(view.sources.map((x) => [x.id, x.balanceFen])).toEqual([
      ['wechat-balance', 10_000_00],
      ['wechat-card', 20_000_00],
    ])
    const opened = must(step(s, openSheet(s.gateway, token, 'friend', T0)))
    expect(opened.status).toBe('USERPAYING')
    expect(s.gateway.payments.get(p.id)?.status).toBe('USERPAYING')
    // Opening twice changes nothing more.
    expect(openSheet(s.gateway, token, 'friend', T0).events).toEqual([])
    const paid = must(confirm(s, p.id, '123456', 'friend')).payment
    expect(paid).toMatchObject({ payer: 'friend', status: 'SUCCESS' })
    expect(balance(s, 'friend', 'wechatBalanceFen')).toBe(10_000_00 - order.totalFen)
    expect(balance(s, 'shopper', 'wechatBalanceFen')).toBe(2_000_00)
  })

  it("a jump's or UnionPay's sheet is the shopper's own: others find nothing", () => {
    const s = seedState()
    const order = placeOrder(s)
    for (const [method, era] of [
      ['wechat', 'launch'],
      ['unionpay', 'beta'],
    ] as const) {
      const p = openAttempt(s, order.id, 'shopper', T0, method, { era })
      const token = p.payToken ?? ''
      expect(sheetView(s.gateway, token, 'friend', T0)).toMatchObject({
        error: { code: 'NOT_FOUND' },
      })
      expect(confirm(s, p.id, '123456', 'friend')).toMatchObject({
        error: { code: 'PAYMENT_NOT_EXIST' },
      })
      expect(must(sheetView(s.gateway, token, 'shopper', T0)).method).toBe(method)
    }
    expect(sheetView(s.gateway, 'nope', 'shopper', T0)).toMatchObject({
      error: { code: 'NOT_FOUND' },
    })
  })

  it('an expired code is refused with LINK_EXPIRED; a refreshed one works and the old one is closed', () => {
    const s = seedState()
    // A long pay window, so the code's own 2 hours run out first.
    const order = placeLongOrder(s, 5 * 60)
    const old = openAttempt(s, order.id, 'shopper', T0, 'wechat-scan')
    expect(old.codeExpiresAt).toBe(new Date(T0 + 2 * HOUR_MS).toISOString())
    const late = T0 + 2 * HOUR_MS
    expect(sheetPayment(s.gateway, old.payToken ?? '', 'friend', late)).toMatchObject({
      error: { code: 'LINK_EXPIRED' },
    })
    expect(confirm(s, old.id, '123456', 'friend', late)).toMatchObject({
      error: { code: 'LINK_EXPIRED' },
    })
    // The deadline sweep closes the expired code by itself, at its expiry.
    sweep(s, late)
    expect(s.gateway.payments.get(old.id)?.status).toBe('CLOSED')
    const fresh = openAttempt(s, order.id, 'shopper', late, 'wechat-scan')
    expect(fresh.payToken).not.toBe(old.payToken)
    must(confirm(s, fresh.id, '123456', 'friend', late + MINUTE_MS))
    expect(s.merchant.orders.get(order.id)?.status).toBe('PENDING_PAYMENT') // until notified
  })

  it('refreshing before expiry closes the old code: scanning it says PAYMENT_CLOSED', () => {
    const s = seedState()
    const order = placeOrder(s)
    const old = openAttempt(s, order.id, 'shopper', T0, 'wechat-scan')
    const fresh = openAttempt(s, order.id, 'shopper', T0 + 1000, 'wechat-scan')
    expect(s.gateway.payments.get(old.id)?.status).toBe('CLOSED')
    expect(confirm(s, old.id, '123456', 'friend')).toMatchObject({
      error: { code: 'PAYMENT_CLOSED' },
    })
    expect(openSheet(s.gateway, old.payToken ?? '', 'friend', T0).events).toEqual([])
    must(confirm(s, fresh.id, '123456', 'friend'))
  })
})

describe('settling an order at the gateway', () => {
  it('a success closes the other open attempts (ORDERPAID) and cancels open pay-for-me requests', () => {
    const s = seedState()
    const order = placeOrder(s)
    const request = askFriend(s, order.id)
    // An attempt opened by someone else on the same order (the gateway allows it; the cashier doesn't).
    const trade = must(tradeRequestFor(s.merchant, 'shopper', order.id, T0))
    const theirs = must(
      step(
        s,
        createPayment(
          s.gateway,
          {
            persona: 'friend',
            era: 'beta',
            appVersion: '10.40.0',
            paymentId: 'p-theirs',
            idemKey: 'k-theirs',
            fingerprint: 'f',
            method: 'wechat-scan',
            huabeiPeriods: null,
            payToken: 'tok-theirs',
            trade,
          },
          T0,
        ),
      ),
    ).payment
    const scan = openAttempt(s, order.id, 'shopper', T0, 'wechat-scan')
    const winner = openAttempt(s, order.id, 'shopper', T0, 'unionpay')
    expect(s.gateway.payments.get(scan.id)?.status).toBe('CLOSED') // superseded by the newer attempt
    expect(s.gateway.payments.get(theirs.id)?.status).toBe('NOTPAY') // not the shopper's to supersede
    const decision = confirm(s, winner.id, '123456')
    must(decision)
    expect(decision.events).toEqual([
      expect.objectContaining({ type: 'payment.succeeded', paymentId: winner.id }),
      expect.objectContaining({
        type: 'payment.closed',
        paymentId: theirs.id,
        reason: 'ORDERPAID',
      }),
      expect.objectContaining({ type: 'friend.ended', token: request.token, reason: 'ORDERPAID' }),
    ])
    expect(s.gateway.friendRequests.get(request.token)).toMatchObject({
      status: 'CANCELLED',
      endReason: 'ORDERPAID',
    })
    expect(confirm(s, theirs.id, '123456', 'friend')).toMatchObject({
      error: { code: 'ORDERPAID' },
    })
  })

  it('a new attempt closes only the same shopper’s older ones, never a pay-for-me request', () => {
    const s = seedState()
    const order = placeOrder(s)
    const request = askFriend(s, order.id)
    const first = openAttempt(s, order.id)
    const second = openAttempt(s, order.id, 'shopper', T0, 'alipay-card')
    expect(s.gateway.payments.get(first.id)?.status).toBe('CLOSED')
    expect(s.gateway.payments.get(second.id)?.status).toBe('NOTPAY')
    expect(s.gateway.friendRequests.get(request.token)?.status).toBe('OPEN')
  })
})
