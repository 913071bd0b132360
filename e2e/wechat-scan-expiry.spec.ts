import type { Checkout } from '../src/contract/order.ts'
import type { Payment } from '../src/contract/payment.ts'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { ScanCodePanel, WeChat } from './pages/wechat.ts'
import { payCodePath } from '../src/contract/paths.ts'

test.describe.configure({ timeout: seconds(60) })

const HOUR = 3_600_000
const who = { headers: { 'x-sim-persona': 'shopper' } }

test('two hours later the order has closed before the code: the cashier says so and the code no longer opens', async ({
  page,
  gateway,
}) => {
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'expiry-2h' })
  await orderPage.submit.click()
  const cashier = new Cashier(page)
  await cashier.choose('wechat-scan')
  const code = new ScanCodePanel(page)
  const token = await code.token()

  // A code lives 2 hours but never past its order's deadline (30 minutes here): both end together.
  const [held] = (await gateway.state()).payments
  const payment = (await (
    await page.request.get(`/api/pay/payments/${held?.id}`, who)
  ).json()) as Payment
  // (The payment pays the checkout: the seeded cart's two shops' orders.)
  const order = (await (
    await page.request.get(`/api/shop/checkouts/${held?.orderId}`, who)
  ).json()) as Checkout
  expect(payment.codeUrl?.expiresAt).toBe(order.deadlineAt)
  await expect(code.countdown).toHaveText(/(29|30):\d{2}/)

  await gateway.advanceClock(2 * HOUR)
  // No refresh can help: the order itself closed, everywhere at once.
  await expect(page.getByRole('alert').filter({ hasText: /订单已关闭|Order closed/ })).toBeVisible()
  await expect(code.qr).toBeHidden()
  await expect(cashier.confirm).toBeDisabled()
  const state = await gateway.state()
  expect(state.checkouts[0]?.status).toBe('CLOSED')
  expect(state.payments[0]?.status).toBe('CLOSED')

  await page.goto(payCodePath(token))
  await expect(page.getByRole('alert')).toContainText(/二维码已过期|expired/)
  await expect(new WeChat(page).confirm).toBeHidden()
})

test('刷新二维码 makes a new code and closes the old one', async ({ page, gateway }) => {
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'expiry-refresh' })
  await orderPage.submit.click()
  await new Cashier(page).choose('wechat-scan')
  const code = new ScanCodePanel(page)
  const first = await code.token()

  await code.refresh.click()
  await expect(code.qr).not.toHaveAttribute('data-pay-token', first)
  const second = await code.token()
  await expect(code.status).toHaveAttribute('data-status', 'NOTPAY')
  const state = await gateway.state()
  expect(state.payments.map((p) => p.status).sort()).toEqual(['CLOSED', 'NOTPAY'])

  // The old code is dead in WeChat; the new one opens.
  await page.goto(payCodePath(first))
  await expect(page.getByRole('alert')).toContainText(/二维码已(失效|过期)|no longer valid|expired/)
  await page.goto(payCodePath(second))
  await expect(new WeChat(page).confirm).toBeEnabled()
})
