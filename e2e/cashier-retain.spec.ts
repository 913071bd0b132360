import { expect, test } from './fixtures.ts'
import { OrderPage } from './pages/order-page.ts'
import { OrdersPage } from './pages/orders-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { ORDERS_PATH } from '../src/contract/paths.ts'

test('closing the cashier asks to stay; 继续支付 and Escape keep it open', async ({
  page,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout()
  await cashier.method('alipay-balance').click()

  await cashier.close.click()
  await expect(cashier.retainDialog).toBeVisible()
  await expect(cashier.retainDialog).toContainText('确定要放弃付款吗？')
  await expect(cashier.retainDialog).toContainText(/订单将在\d{1,2}:\d{2}后关闭，请尽快完成支付/)
  await expect(cashier.stay).toBeFocused()
  await cashier.stay.click()
  await expect(cashier.retainDialog).toBeHidden()
  await expect(cashier.method('alipay-balance')).toHaveAttribute('aria-checked', 'true')

  // Escape on the cashier asks too; Escape on the question means "keep paying".
  await page.keyboard.press('Escape')
  await expect(cashier.retainDialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(cashier.retainDialog).toBeHidden()
  await expect(cashier.sheet).toBeVisible()

  // Focus stays inside the question while it is up.
  await cashier.close.click()
  await expect(cashier.retainDialog).toBeVisible()
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab')
    await expect(cashier.retainDialog.locator(':focus')).toHaveCount(1)
  }
  await cashier.stay.click()

  await cashier.pay('alipay-balance')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  expect((await gateway.state()).checkouts[0]?.status).toBe('PAID')
})

test('确认离开 keeps the order 待付款 with its countdown; it is paid later from /orders', async ({
  page,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout()
  await expect(cashier.sheet).toBeVisible()
  await cashier.close.click()
  await cashier.leave.click()
  await expect(cashier.sheet).toBeHidden()

  const [order, other] = (await gateway.state()).orders
  if (!order || !other) throw new Error('no orders were created')
  // Left from the order page: the seeded cart's two shops' orders wait in 待付款, counting down.
  await expect(page).toHaveURL(
    (url) => url.pathname === ORDERS_PATH && url.search === '?tab=pending',
  )
  const orders = new OrdersPage(page)
  await expect(orders.row(other.id)).toHaveAttribute('data-status', 'PENDING_PAYMENT')
  await orders.openDetail(order.id)
  const banner = page.getByTestId('order-row')
  await expect(banner).toHaveAttribute('data-status', 'PENDING_PAYMENT')
  await expect(banner).toContainText(/剩余 \d{1,2}:\d{2} 订单自动关闭/)

  await orders.open('pending')
  const row = orders.row(order.id)
  await expect(row).toHaveAttribute('data-status', 'PENDING_PAYMENT')
  await expect(row).toContainText(/剩余 \d{1,2}:\d{2}/)
  await row.getByTestId('order-pay').click()
  await cashier.pay('huabei')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')

  await orders.open('paid')
  await expect(orders.row(order.id)).toHaveAttribute('data-status', 'PAID')
  const state = await gateway.state()
  expect(state.checkouts).toHaveLength(1)
  expect(state.payments.filter((p) => p.status === 'SUCCESS')).toHaveLength(1)
})
