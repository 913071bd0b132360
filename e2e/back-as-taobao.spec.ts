import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { OrdersPage } from './pages/orders-page.ts'
import { ResultPage } from './pages/result-page.ts'

// The browser's Back in the cashier, as on Taobao: one step at a time, "确定要放弃付款吗？" from the list,
// and never back to a 确认订单 that would place the same cart again.

test('Back goes one step back, asks to stay from the list, and leaves to the order, not the cart', async ({
  page,
}) => {
  // My orders first, so there is a page of ours before the order page to come back to.
  const orders = new OrdersPage(page)
  await orders.open()
  await page.getByRole('button', { name: /去下单|Place an order/ }).click()
  const order = new OrderPage(page)
  await expect(order.submit).toBeEnabled({ timeout: seconds(15) })
  await order.submit.click()
  const cashier = new Cashier(page)
  await expect(cashier.sheet).toBeVisible()

  // The password step is a step of its own: Back returns to the methods, the cashier stays.
  await cashier.choose('alipay-balance')
  await expect(cashier.pinPad).toBeVisible()
  await page.goBack()
  await expect(cashier.pinPad).toBeHidden()
  await expect(cashier.confirm).toBeVisible()

  // Back from the methods: the retention dialog; 继续支付 keeps the cashier, and Back asks again.
  await page.goBack()
  await expect(cashier.retainDialog).toBeVisible()
  await cashier.stay.click()
  await expect(cashier.retainDialog).toBeHidden()
  await expect(cashier.sheet).toBeVisible()
  await page.goBack()
  await expect(cashier.retainDialog).toBeVisible()

  // Leaving puts the orders (待付款: the two shops' of the seeded cart) where the cart was; Back from
  // there goes to my orders as they were, past any cart.
  await cashier.leave.click()
  await expect(page).toHaveURL(/\/orders\?tab=pending$/)
  await expect(orders.rows).toHaveCount(2)
  for (const row of await orders.rows.all()) {
    await expect(row).toHaveAttribute('data-status', 'PENDING_PAYMENT')
  }
  await page.goBack()
  await expect(page).toHaveURL(/\/orders$/)
  await expect(orders.rows).toHaveCount(2)
  await expect(order.submit).toHaveCount(0)
})

test('the QR step is an entry too: a reload keeps it, Back returns to the methods', async ({
  page,
}) => {
  const cashier = await new OrderPage(page).checkout({ era: 'beta' })
  await cashier.choose('wechat-scan')
  const code = page.getByTestId('wechat-qr')
  await expect(code).toBeVisible()
  await page.reload()
  await expect(code).toBeVisible()
  await page.goBack()
  await expect(code).toBeHidden()
  await expect(cashier.confirm).toBeVisible()
})

test('a reload on the password step opens the pad again, on the same payment; Back returns to the methods', async ({
  page,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout()
  await cashier.choose('alipay-balance')
  await expect(cashier.pinPad).toBeVisible()
  await page.reload()
  await expect(cashier.pinPad).toBeVisible()
  expect((await gateway.state()).payments).toHaveLength(1)
  await page.goBack()
  await expect(cashier.pinPad).toBeHidden()
  await expect(cashier.confirm).toBeVisible()
  await cashier.pay('alipay-balance')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  expect((await gateway.state()).payments).toHaveLength(1)
})

test('a paid cart is emptied: 返回首页 shows no items to buy again until the world is reset', async ({
  page,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout()
  await cashier.pay('alipay-balance')
  const result = new ResultPage(page).result
  await expect(result).toHaveAttribute('data-status', 'success')
  // Back from the result does not reopen a cashier or the cart it paid.
  await result.getByRole('button', { name: /返回首页|Home/ }).click()
  await expect(page.getByTestId('cart-empty')).toBeVisible()
  await expect(page.getByTestId('submit-order')).toHaveCount(0)

  await gateway.reset()
  await page.reload()
  await expect(page.getByTestId('submit-order')).toBeEnabled()
})
