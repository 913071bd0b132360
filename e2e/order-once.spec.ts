import { expect, test } from './fixtures.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'

test('a double tap on submit makes one order', async ({ page, gateway }) => {
  const orderPage = new OrderPage(page)
  await orderPage.open()
  // Two clicks in the same task, before React can re-render the button as busy.
  await orderPage.submit.evaluate((button: HTMLElement) => {
    button.click()
    button.click()
  })
  await expect(new Cashier(page).sheet).toBeVisible()
  await expect.poll(async () => (await gateway.state()).checkouts.length).toBe(1)
})

test('a reload on the cashier keeps the same order and pays it', async ({ page, gateway }) => {
  const cashier = await new OrderPage(page).checkout()
  await expect(cashier.sheet).toBeVisible()
  const amount = await cashier.amountFen()

  await page.reload()
  await expect(cashier.sheet).toBeVisible()
  expect(await cashier.amountFen()).toBe(amount)

  await cashier.pay('alipay-balance')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  const state = await gateway.state()
  expect(state.checkouts).toHaveLength(1)
  expect(state.checkouts[0]?.status).toBe('PAID')
})
