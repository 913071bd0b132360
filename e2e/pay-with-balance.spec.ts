import { expect, test } from './fixtures.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'

test('pays the seeded cart with the Alipay balance', async ({ page, gateway }) => {
  const before = await gateway.wallet('shopper')
  const orderPage = new OrderPage(page)
  await orderPage.open()
  await expect(orderPage.addressCard).toContainText('****')
  const totalFen = await orderPage.totalFen()

  await orderPage.submit.click()
  const cashier = new Cashier(page)
  await expect(cashier.sheet).toBeVisible()
  expect(await cashier.amountFen()).toBe(totalFen)
  await expect(cashier.countdown).toHaveText(/\d{1,2}:\d{2}/)

  await cashier.pay('alipay-balance')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')

  const state = await gateway.state()
  expect(state.checkouts).toHaveLength(1)
  expect(state.checkouts[0]).toMatchObject({ status: 'PAID', totalFen })
  expect(state.payments.filter((p) => p.status === 'SUCCESS')).toHaveLength(1)
  const after = state.wallets.shopper
  expect(after?.alipayBalanceFen).toBe(before.alipayBalanceFen - totalFen)
  expect(after?.wechatBalanceFen).toBe(before.wechatBalanceFen)
})

test('a changed quantity changes the total the cashier charges', async ({ page, gateway }) => {
  const orderPage = new OrderPage(page)
  await orderPage.open()
  const before = await orderPage.totalFen()
  await page
    .getByRole('button', { name: /增加|increase/i })
    .first()
    .click()
  await expect.poll(() => orderPage.totalFen()).not.toBe(before)
  const totalFen = await orderPage.totalFen()

  await orderPage.submit.click()
  const cashier = new Cashier(page)
  await expect.poll(() => cashier.amountFen()).toBe(totalFen)
  expect((await gateway.state()).checkouts[0]?.totalFen).toBe(totalFen)
})

test('支付成功 shows without waiting for the payment’s details, which fill in after', async ({
  page,
}) => {
  // Issue 25: the result page waited for a second call (the payment) before it said anything. Here that
  // call is held until the page already says 支付成功; then it answers, and the page keeps saying it.
  const result = new ResultPage(page).result
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/api\/pay\/payments\/[^/?]+(\?.*)?$/, async (route) => {
    if (route.request().method() === 'GET' && page.url().includes('/pay/result/')) await held
    await route.continue()
  })
  const orderPage = new OrderPage(page)
  await orderPage.open()
  await orderPage.submit.click()
  await new Cashier(page).pay('alipay-balance')
  await expect(result).toHaveAttribute('data-status', 'success')
  release()
  await expect(result).toHaveAttribute('data-status', 'success')
})
