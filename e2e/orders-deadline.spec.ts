import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import type { Gateway } from './fixtures.ts'
import { OrderPage } from './pages/order-page.ts'
import { OrdersPage } from './pages/orders-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { ordersPath, resultPath } from '../src/contract/paths.ts'

const THIRTY_MINUTES = 30 * 60 * 1000

/**
 * Checks out, closes the cashier and leaves: the seeded cart's two shops' orders stay 待付款 (in the
 * list); opens the first one's details. Answers it, from the gateway.
 */
async function leaveOrderPending(page: Page, gateway: Gateway) {
  const cashier = await new OrderPage(page).checkout()
  await cashier.close.click()
  await cashier.leave.click()
  const orders = new OrdersPage(page)
  await expect(orders.rows).toHaveCount(2)
  const [order] = (await gateway.state()).orders
  if (!order) throw new Error('no order was created')
  await orders.openDetail(order.id)
  return order
}

test('the order closes at its deadline while the cashier is open, and nothing can pay it', async ({
  page,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout()
  await cashier.method('alipay-balance').click()
  await expect(cashier.confirm).toBeEnabled()

  await gateway.advanceClock(THIRTY_MINUTES + 1000)

  await expect(cashier.sheet).toContainText('订单已关闭')
  await expect(cashier.confirm).toBeDisabled()
  await expect(cashier.method('alipay-balance')).toBeHidden()
  const [order] = (await gateway.state()).orders
  expect(order?.status).toBe('CLOSED')

  // Closing it now asks nothing: there is nothing left to pay.
  await cashier.close.click()
  await expect(cashier.sheet).toBeHidden()
  // Both shops' orders closed together, in 我的订单.
  await expect(page.getByTestId('order-row')).toHaveCount(2)
  for (const row of await page.getByTestId('order-row').all()) {
    await expect(row).toHaveAttribute('data-status', 'CLOSED')
    await expect(row).toContainText('交易关闭')
  }
  expect((await gateway.state()).payments.some((p) => p.status === 'SUCCESS')).toBe(false)
})

test('an open password pad turns to the closed state too', async ({ page, gateway }) => {
  const cashier = await new OrderPage(page).checkout()
  await cashier.choose('alipay-balance')
  await expect(cashier.pinPad).toBeVisible()

  await gateway.advanceClock(THIRTY_MINUTES + 1000)
  await expect(cashier.pinPad).toBeHidden()
  await expect(cashier.sheet).toContainText('订单已关闭')
  await expect(cashier.confirm).toBeDisabled()
})

test('/orders flips a waiting order to 已关闭 at its deadline, by itself', async ({
  page,
  gateway,
}) => {
  const order = await leaveOrderPending(page, gateway)

  const orders = new OrdersPage(page)
  await orders.open()
  const row = orders.row(order.id)
  await expect(row).toHaveAttribute('data-status', 'PENDING_PAYMENT')
  await expect(row.getByTestId('order-pay')).toBeVisible()

  await gateway.advanceClock(THIRTY_MINUTES + 1000)
  await expect(row).toHaveAttribute('data-status', 'CLOSED')
  await expect(row.getByTestId('order-pay')).toBeHidden()

  await orders.tab(/已关闭/).click()
  await expect(orders.row(order.id)).toBeVisible()
  await orders.tab(/待付款/).click()
  await expect(orders.row(order.id)).toBeHidden()

  // Its result page says why it can't be paid.
  await page.goto(resultPath(order.id))
  const result = new ResultPage(page).result
  await expect(result).toHaveAttribute('data-status', 'failed')
  await expect(result).toContainText('超时未付款')
})

test('an order detail open at the deadline shows it closed', async ({ page, gateway }) => {
  await leaveOrderPending(page, gateway)
  const banner = page.getByTestId('order-row')
  await expect(banner).toHaveAttribute('data-status', 'PENDING_PAYMENT')

  await gateway.advanceClock(THIRTY_MINUTES + 1000)
  await expect(banner).toHaveAttribute('data-status', 'CLOSED')
  await expect(page.getByTestId('order-pay')).toBeHidden()
})

test("a phone that opens /orders first counts a waiting order down on the gateway's clock", async ({
  page,
  gateway,
  phones,
}) => {
  const order = await leaveOrderPending(page, gateway)
  await gateway.advanceClock(20 * 60 * 1000)

  // The same shopper on a phone that has not talked to the gateway yet: the list alone sets its clock.
  const other = await phones.open({ persona: 'shopper', device: 'orders-first' })
  const orders = new OrdersPage(other.page)
  await other.open(ordersPath())
  await expect(orders.row(order.id).getByText(/剩余/)).toHaveText(/剩余 (09|10):\d\d/)
})
