import { describe, expect, it } from 'vitest'
import { ApiErrorSchema } from '../../contract/errors.ts'
import {
  BillListSchema,
  CashierSchema,
  PaySheetSchema,
  PaymentSchema,
} from '../../contract/payment.ts'
import { HOUR_MS } from '../domain/result.ts'
import { harness, receivedTotal, walletsTotal } from './testing.ts'

const launch = { 'x-sim-era': 'launch' }

describe('every channel over HTTP', () => {
  it.each([
    ['alipay-balance', {}, 'alipayBalanceFen'],
    ['alipay-card', {}, 'alipayCardFen'],
    ['huabei', {}, 'huabeiAvailableFen'],
    ['unionpay', {}, 'unionpayCardFen'],
    ['wechat', launch, 'wechatBalanceFen'],
  ] as const)(
    '%s: create, confirm with the password, the order is PAID',
    async (method, headers, wallet) => {
      const h = harness()
      const before = await h.state()
      const order = await h.order()
      const created = await h.pay(order.id, method, { headers })
      expect(created.status).toBe(201)
      const payment = PaymentSchema.parse(created.body)
      const confirmed = await h.json('POST', `/api/pay/payments/${payment.id}/confirm`, {
        body: { password: '123456' },
      })
      expect(confirmed.status).toBe(200)
      expect(PaymentSchema.parse(confirmed.body)).toMatchObject({ status: 'SUCCESS', method })
      h.settle()
      const after = await h.state()
      expect(after.orders[0]?.status).toBe('PAID')
      expect(after.wallets.shopper?.[wallet]).toBe(
        (before.wallets.shopper?.[wallet] ?? 0) - order.totalFen,
      )
      expect(walletsTotal(after) + receivedTotal(after)).toBe(walletsTotal(before))
    },
  )

  it('wechat (jump): a prepay_id-like token opens the shopper’s own WeChat sheet; 零钱 or card', async () => {
    const h = harness()
    const order = await h.order()
    const payment = PaymentSchema.parse((await h.pay(order.id, 'wechat', { headers: launch })).body)
    expect(payment.payToken).toMatch(/^wx\d{14}[0-9a-f]{32}$/)
    expect(payment.codeUrl).toBeNull()
    const sheet = PaySheetSchema.parse(
      (await h.json('GET', `/api/pay/sheets/${payment.payToken}`)).body,
    )
    expect(sheet).toMatchObject({ method: 'wechat', amountFen: order.totalFen, status: 'NOTPAY' })
    expect(sheet.sources.map((s) => s.id)).toEqual(['wechat-balance', 'wechat-card'])
    expect(
      (await h.json('GET', `/api/pay/sheets/${payment.payToken}`, { headers: h.as('friend') }))
        .status,
    ).toBe(404)
    const opened = await h.json('POST', `/api/pay/sheets/${payment.payToken}/open`)
    expect(opened.body).toMatchObject({ status: 'USERPAYING' })
    const paid = await h.json('POST', `/api/pay/sheets/${payment.payToken}/confirm`, {
      body: { password: '123456', source: 'wechat-card' },
    })
    expect(PaymentSchema.parse(paid.body)).toMatchObject({
      status: 'SUCCESS',
      source: 'wechat-card',
    })
  })

  it('wechat: an old app is refused, the header can say the version', async () => {
    const h = harness()
    const order = await h.order('old_app')
    const refused = await h.pay(order.id, 'wechat', { persona: 'old_app', headers: launch })
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ code: 'METHOD_UNAVAILABLE' })
    const updated = await h.pay(order.id, 'wechat', {
      persona: 'old_app',
      headers: { ...launch, 'x-sim-app-version': '10.38.0' },
    })
    expect(updated.status).toBe(201)
    expect((await h.pay(order.id, 'wechat', { persona: 'old_app' })).status).toBe(403) // beta: no wechat
  })

  it('wechat-scan: a code_url in both forms; the friend scans it and pays; the scanner is the payer', async () => {
    const h = harness()
    const order = await h.order()
    const payment = PaymentSchema.parse((await h.pay(order.id, 'wechat-scan')).body)
    const token = payment.payToken ?? ''
    expect(token.length).toBeGreaterThanOrEqual(22)
    expect(payment.codeUrl).toEqual({
      web: `http://localhost/wechat/pay?pr=${token}`,
      weixin: `weixin://wxpay/bizpayurl?pr=${token}`,
      expiresAt: order.deadlineAt,
    })
    const opened = await h.json('POST', `/api/pay/sheets/${token}/open`, {
      headers: h.as('friend'),
    })
    expect(PaySheetSchema.parse(opened.body)).toMatchObject({
      status: 'USERPAYING',
      payee: '淘宝 Taobao',
    })
    const seen = await h.json('GET', `/api/pay/payments/${payment.id}`)
    expect(seen.body).toMatchObject({ status: 'USERPAYING' })
    const paid = await h.json('POST', `/api/pay/sheets/${token}/confirm`, {
      body: { password: '123456' },
      headers: h.as('friend'),
    })
    expect(PaymentSchema.parse(paid.body)).toMatchObject({ status: 'SUCCESS', payer: 'friend' })
    h.settle()
    const state = await h.state()
    expect(state.orders[0]?.status).toBe('PAID')
    expect(state.wallets.friend?.wechatBalanceFen).toBe(10_000_00 - order.totalFen)
    // The payer sees it in their bills; the shopper, who did not pay, does not.
    const bills = BillListSchema.parse(
      (await h.json('GET', '/api/pay/bills?app=wechat', { headers: h.as('friend') })).body,
    )
    expect(bills.bills).toEqual([
      expect.objectContaining({
        paymentId: payment.id,
        amountFen: order.totalFen,
        source: 'wechat-balance',
      }),
    ])
    expect(BillListSchema.parse((await h.json('GET', '/api/pay/bills')).body).bills).toEqual([])
    expect(
      BillListSchema.parse(
        (await h.json('GET', '/api/pay/bills?app=alipay', { headers: h.as('friend') })).body,
      ).bills,
    ).toEqual([])
  })

  it('wechat-scan: an expired code says LINK_EXPIRED; a refresh makes a new code and closes the old', async () => {
    const h = harness()
    // A long pay window, so the code's 2 hours run out before the order.
    const sku = h.store.state.merchant.skus.get('sku-mug-150')
    if (sku) sku.payWindowMinutes = 5 * 60
    const order = await h.order('shopper', [{ skuId: 'sku-mug-150', qty: 1 }])
    const old = PaymentSchema.parse((await h.pay(order.id, 'wechat-scan')).body)
    h.clock.now += 2 * HOUR_MS
    const expired = await h.json('POST', `/api/pay/sheets/${old.payToken}/confirm`, {
      body: { password: '123456' },
      headers: h.as('friend'),
    })
    expect(expired.status).toBe(410)
    expect(ApiErrorSchema.parse(expired.body).code).toBe('LINK_EXPIRED')
    const fresh = PaymentSchema.parse((await h.pay(order.id, 'wechat-scan')).body)
    expect(fresh.payToken).not.toBe(old.payToken)
    expect((await h.json('GET', `/api/pay/payments/${old.id}`)).body).toMatchObject({
      status: 'CLOSED',
    })
    const paid = await h.json('POST', `/api/pay/sheets/${fresh.payToken}/confirm`, {
      body: { password: '123456' },
      headers: h.as('friend'),
    })
    expect(paid.status).toBe(200)
  })

  it('wechat-scan in beta only, for the invited, on eligible goods', async () => {
    const h = harness()
    const order = await h.order('not_invited')
    const cashier = CashierSchema.parse(
      (
        await h.json('GET', `/api/pay/cashier?orderId=${order.id}`, {
          headers: h.as('not_invited'),
        })
      ).body,
    )
    expect(cashier.methods.map((m) => m.id)).not.toContain('wechat-scan')
    expect((await h.pay(order.id, 'wechat-scan', { persona: 'not_invited' })).status).toBe(403)
    const mine = await h.order()
    expect((await h.pay(mine.id, 'wechat-scan', { headers: launch })).status).toBe(403)
  })

  it('huabei: plans in the cashier, the chosen plan in the payment, fee rates from the settings', async () => {
    const h = harness()
    const order = await h.order()
    const cashier = CashierSchema.parse(
      (await h.json('GET', `/api/pay/cashier?orderId=${order.id}`)).body,
    )
    const huabei = cashier.methods.find((m) => m.id === 'huabei')
    expect(huabei?.plans?.map((p) => [p.periods, p.feeRateBp])).toEqual([
      [0, 0],
      [3, 250],
      [6, 450],
      [12, 880],
    ])
    const set = await h.json('POST', '/api/__test/settings', {
      body: { huabeiFeeBp: { '6': 300 } },
    })
    expect(set.body).toEqual({ huabeiFeeBp: { '3': 250, '6': 300, '12': 880 } })
    const payment = PaymentSchema.parse(
      (await h.pay(order.id, 'huabei', { huabeiPeriods: 6 })).body,
    )
    expect(payment.installment).toMatchObject({ periods: 6, feeRateBp: 300 })
    const sum = payment.installment?.schedule.reduce((a, s) => a + s.principalFen + s.feeFen, 0)
    expect(sum).toBe(payment.installment?.totalFen)
    expect((await h.json('GET', '/api/__test/settings')).body).toEqual(set.body)
    expect((await h.pay(order.id, 'huabei', { huabeiPeriods: 5 })).status).toBe(400)
  })

  it('unionpay: a jump to its own sheet, its own password realm', async () => {
    const h = harness()
    const order = await h.order()
    const payment = PaymentSchema.parse((await h.pay(order.id, 'unionpay')).body)
    expect(payment.payToken).toMatch(/^\d{53}$/)
    const sheet = PaySheetSchema.parse(
      (await h.json('GET', `/api/pay/sheets/${payment.payToken}`)).body,
    )
    expect(sheet.sources).toEqual([
      {
        id: 'unionpay-card',
        balanceFen: 20_000_00,
        card: { bank: '工商银行储蓄卡', last4: '6666' },
        enabled: true,
      },
    ])
    const wrong = await h.json('POST', `/api/pay/sheets/${payment.payToken}/confirm`, {
      body: { password: '000000' },
    })
    expect(wrong.body).toMatchObject({ code: 'PASSWORD_ERROR', triesLeft: 4 })
    expect(h.store.state.gateway.accounts.shopper.guards.unionpay.failedTries).toBe(1)
    expect(h.store.state.gateway.accounts.shopper.guards.alipay.failedTries).toBe(0)
  })

  it('friend-pay is not opened as a payment', async () => {
    const h = harness()
    const order = await h.order()
    const res = await h.pay(order.id, 'friend-pay')
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'PARAM_ERROR' })
  })
})
