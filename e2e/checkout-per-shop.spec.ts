// Issue 23: a cart of two shops is an order per shop, paid together (合并付款) by one payment.
import { expect, test } from './fixtures.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { OrdersPage } from './pages/orders-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { expectAxeClean as axeClean } from './pages/example-shop.ts'

test('two shops: two orders, paid once by one payment, both PAID', async ({ page, gateway }) => {
  const orderPage = new OrderPage(page)
  const cashier = await orderPage.checkout()
  // The cashier names the goods and says it pays two orders, for the cart's whole total.
  await expect(cashier.sheet.getByText('合并付款 2 笔订单')).toBeVisible()
  await expect(cashier.sheet.getByTestId('cashier-title')).toContainText('等5件')
  const { checkouts } = await gateway.state()
  expect(checkouts).toHaveLength(1)
  const [checkout] = checkouts
  expect(checkout?.orderIds).toHaveLength(2)
  expect(await cashier.amountFen()).toBe(checkout?.totalFen)
  await axeClean(page)

  await cashier.pay('alipay-balance')
  const result = new ResultPage(page).result
  await expect(result).toHaveAttribute('data-status', 'success')
  // Both orders' numbers under the result.
  const numbers = page.getByTestId('pay-result-orders')
  for (const id of checkout?.orderIds ?? []) await expect(numbers).toContainText(id)

  const state = await gateway.state()
  const paid = state.payments.filter((p) => p.status === 'SUCCESS')
  expect(paid).toHaveLength(1)
  expect(paid[0]).toMatchObject({
    checkoutId: checkout?.checkoutId,
    orderIds: checkout?.orderIds,
    amountFen: checkout?.totalFen,
  })
  await expect
    .poll(async () => (await gateway.state()).orders.map((o) => [o.status, o.checkoutId]))
    .toEqual([
      ['PAID', checkout?.checkoutId],
      ['PAID', checkout?.checkoutId],
    ])
  // 我的订单: a row per shop's order, each paid.
  const orders = new OrdersPage(page)
  await orders.open()
  await expect(orders.rows).toHaveCount(2)
  for (const id of checkout?.orderIds ?? []) {
    await expect(orders.row(id)).toHaveAttribute('data-status', 'PAID')
  }
})

test('pay later: 立即付款 on one pending order pays its checkout’s pending orders with it', async ({
  page,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout({ lang: 'en' })
  await expect(cashier.sheet.getByText('2 orders paid together')).toBeVisible()
  await expect(cashier.sheet.getByTestId('cashier-title')).toContainText('and more (5 items)')
  // Leave unpaid: both shops' orders wait in 待付款.
  await cashier.close.click()
  await cashier.leave.click()
  await expect(page).toHaveURL(/\/orders\?tab=pending/)
  const orders = new OrdersPage(page)
  await expect(orders.rows).toHaveCount(2)
  const [checkout] = (await gateway.state()).checkouts
  const second = checkout?.orderIds[1] ?? ''
  await axeClean(page)

  await orders.row(second).getByTestId('order-pay').click()
  const again = new Cashier(page)
  await expect(again.sheet).toBeVisible()
  expect(await again.amountFen()).toBe(checkout?.totalFen)
  await again.pay('alipay-balance')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  await expect
    .poll(async () => (await gateway.state()).orders.map((o) => o.status))
    .toEqual(['PAID', 'PAID'])
})

test('取消订单 on one shop’s order: the other is paid alone, for its own total', async ({
  page,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout()
  await cashier.close.click()
  await cashier.leave.click()
  const orders = new OrdersPage(page)
  await expect(orders.rows).toHaveCount(2)
  const before = await gateway.state()
  const [first, second] = before.orders
  if (!first || !second) throw new Error('two orders expected')

  await orders.row(first.id).getByTestId('order-cancel').click()
  const dialog = page.getByTestId('order-cancel-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: '暂不取消' })).toBeFocused()
  await axeClean(page)
  // Escape keeps it; 确定取消 closes it.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await orders.row(first.id).getByTestId('order-cancel').click()
  await page.getByTestId('order-cancel-confirm').click()
  await expect(orders.row(first.id)).toHaveCount(0)
  await orders.open()
  await expect(orders.row(first.id)).toHaveAttribute('data-status', 'CLOSED')

  await orders.row(second.id).getByTestId('order-pay').click()
  const again = new Cashier(page)
  await expect(again.sheet).toBeVisible()
  await expect(again.sheet.getByText('淘宝订单')).toBeVisible()
  expect(await again.amountFen()).toBe(second.totalFen)
  await again.pay('alipay-balance')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  const after = await gateway.state()
  expect(after.payments.filter((p) => p.status === 'SUCCESS')).toEqual([
    expect.objectContaining({ amountFen: second.totalFen, orderIds: [second.id] }),
  ])
  await expect
    .poll(async () => (await gateway.state()).orders.map((o) => o.status))
    .toEqual(['CLOSED', 'PAID'])
})
