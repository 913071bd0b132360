import { expect, test } from './fixtures.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'

test('an order left in the cashier waits in /orders and can be paid later', async ({
  page,
  gateway,
}) => {
  const orderPage = new OrderPage(page)
  await orderPage.open()
  await orderPage.submit.click()
  const cashier = new Cashier(page)
  await expect(cashier.sheet).toBeVisible()
  await cashier.close.click()
  // The retention dialog asks first (cashier-retain.spec.ts): leave.
  await cashier.leave.click()
  await expect(cashier.sheet).toBeHidden()

  const [order] = (await gateway.state()).orders
  if (!order) throw new Error('no order was created')
  await page.goto('/orders')
  const row = page.locator(`[data-testid="order-row"][data-order-id="${order.id}"]`)
  await expect(row).toHaveAttribute('data-status', 'PENDING_PAYMENT')

  await row.getByTestId('order-pay').click()
  await cashier.pay('alipay-balance')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')

  await page.goto('/orders')
  await expect(row).toHaveAttribute('data-status', 'PAID')
  expect((await gateway.state()).orders).toHaveLength(1)
})
