import type { Wallet } from '../src/contract/payment.ts'
import { expect, test } from './fixtures.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { UnionPaySheet } from './pages/unionpay.ts'

/** Each method that pays at this cashier, and the one balance it must draw on. */
const METHODS = [
  { id: 'alipay-balance', wallet: 'alipayBalanceFen', name: /账户余额/ },
  { id: 'alipay-card', wallet: 'alipayCardFen', name: /储蓄卡\(8888\)/ },
  { id: 'huabei', wallet: 'huabeiAvailableFen', name: /花呗/ },
  { id: 'unionpay', wallet: 'unionpayCardFen', name: /云闪付/ },
] as const satisfies readonly { id: string; wallet: keyof Wallet; name: RegExp }[]

for (const method of METHODS) {
  test(`pays with ${method.id} and only its balance moves, by the amount`, async ({
    page,
    gateway,
  }) => {
    const before = await gateway.wallet('shopper')
    const orderPage = new OrderPage(page)
    await orderPage.open()
    await orderPage.submit.click()
    const cashier = new Cashier(page)
    await expect(cashier.method(method.id)).toContainText(method.name)
    const amount = await cashier.amountFen()

    if (method.id === 'unionpay') {
      await cashier.choose('unionpay')
      await new UnionPaySheet(page).payAndReturn()
    } else {
      await cashier.pay(method.id)
    }

    const result = new ResultPage(page).result
    await expect(result).toHaveAttribute('data-status', 'success')
    await expect(result).toContainText(method.id === 'alipay-card' ? /银行卡/ : method.name)
    const state = await gateway.state()
    expect(state.checkouts[0]).toMatchObject({ status: 'PAID', totalFen: amount })
    const paid = state.payments.filter((p) => p.status === 'SUCCESS')
    expect(paid).toEqual([expect.objectContaining({ channel: method.id, amountFen: amount })])
    const after = state.wallets.shopper
    for (const key of Object.keys(before) as (keyof Wallet)[]) {
      expect(after?.[key], key).toBe(key === method.wallet ? before[key] - amount : before[key])
    }
  })
}

test('UnionPay cancelled in its own sheet goes back to the cashier, unpaid', async ({
  page,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout()
  await cashier.choose('unionpay')
  const unionpay = new UnionPaySheet(page)
  await expect(unionpay.sheet).toBeVisible()
  await unionpay.cancel.click()
  await expect(unionpay.sheet).toBeHidden()
  await expect(cashier.error).toContainText('已取消')
  await expect(cashier.confirm).toBeEnabled()
  expect((await gateway.state()).checkouts[0]?.status).toBe('PENDING_PAYMENT')
})
