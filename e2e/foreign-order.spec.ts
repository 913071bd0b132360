import { orderPath, resultPath } from '../src/contract/paths.ts'
import { OrdersPage } from './pages/orders-page.ts'
import { expect, test } from './fixtures.ts'
import { expectAxeClean } from './pages/example-shop.ts'
import { SimPanel } from './pages/sim-panel.ts'
import { ResultPage } from './pages/result-page.ts'
import { ScanCodePanel } from './pages/wechat.ts'

test('with the QR shown as another persona, it says whose order it is, and 切换回去 brings the code back', async ({
  phone,
  gateway,
}) => {
  const { page } = phone
  const cashier = await phone.checkout()
  const code = new ScanCodePanel(page)
  const token = await code.showFrom(cashier)

  // The phone becomes another persona with the code still up (the panel does the same: see the test below).
  const url = new URL(page.url())
  url.searchParams.set('persona', 'friend')
  await page.goto(url.toString())

  const notice = page.getByTestId('foreign-order')
  await expect(notice).toContainText('这笔订单属于 张伟')
  await expect(notice).toHaveAttribute('data-owner', 'shopper')
  await expect(cashier.sheet).not.toContainText('订单已关闭')
  await expect(cashier.sheet).not.toContainText('超时未付款')
  await expectAxeClean(page)
  // Nothing changed on the gateway: the order still waits for its owner.
  expect((await gateway.state()).checkouts[0]?.status).toBe('PENDING_PAYMENT')

  await notice.getByRole('button', { name: '切换回去' }).click()
  await expect(notice).toBeHidden()
  expect(await code.token()).toBe(token)
})

test('the simulator button sits above the cashier: persona switched mid-payment, told whose order, switched back', async ({
  phone,
}) => {
  const { page } = phone
  const cashier = await phone.checkout()
  const code = new ScanCodePanel(page)
  const token = await code.showFrom(cashier)

  const panel = new SimPanel(page)
  await panel.open()
  await panel.choosePersona('friend')
  await panel.done()
  const notice = page.getByTestId('foreign-order')
  await expect(notice).toContainText('这笔订单属于 张伟')
  await expect(cashier.sheet).not.toContainText('订单已关闭')

  await notice.getByRole('button', { name: '切换回去' }).click()
  await expect(notice).toBeHidden()
  expect(await code.token()).toBe(token)
})

test("in English, the order's own page says so too, and switches back", async ({ phone }) => {
  const cashier = await phone.checkout()
  await cashier.close.click()
  await cashier.leave.click()
  // The seeded cart's two shops' orders wait in 待付款: the first one.
  await expect(phone.page).toHaveURL(/\/orders\?tab=pending/)
  const orderId =
    (await new OrdersPage(phone.page).rows.first().getAttribute('data-order-id')) ?? ''

  const friend = phone.with({ persona: 'friend', lang: 'en' })
  await friend.open(orderPath(orderId))
  const notice = friend.page.getByTestId('foreign-order')
  await expect(notice).toContainText('This order belongs to 张伟.')
  await expect(friend.page.getByTestId('missing')).toBeHidden()
  await expectAxeClean(friend.page)
  await notice.getByRole('button', { name: 'Switch back' }).click()
  await expect(friend.page.getByTestId('order-row')).toHaveAttribute('data-order-id', orderId)
  await expect(friend.page.getByTestId('order-pay')).toBeVisible()
})

test("switched in the panel on the order's page, then the result page: never closed or not found", async ({
  phone,
}) => {
  const { page } = phone
  const cashier = await phone.checkout()
  await cashier.close.click()
  await cashier.leave.click()
  // The seeded cart's two shops' orders wait in 待付款: the first one's page.
  await expect(page).toHaveURL(/\/orders\?tab=pending/)
  const orders = new OrdersPage(page)
  const orderId = (await orders.rows.first().getAttribute('data-order-id')) ?? ''
  await orders.openDetail(orderId)
  await expect(page.getByTestId('order-row')).toHaveAttribute('data-order-id', orderId)

  const panel = new SimPanel(page)
  await panel.open()
  await panel.choosePersona('friend')
  await panel.done()
  const notice = page.getByTestId('foreign-order')
  await expect(notice).toContainText('这笔订单属于 张伟')

  await phone.with({ persona: 'friend' }).open(resultPath(orderId))
  await expect(notice).toContainText('这笔订单属于 张伟')
  await expect(new ResultPage(page).result).toBeHidden()
  await expectAxeClean(page)
  await notice.getByRole('button', { name: '切换回去' }).click()
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'pending')
})
