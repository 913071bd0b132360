import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'

test('flaky_gateway: the first confirm says 系统繁忙，请重试; the password again pays the same payment', async ({
  page,
  phone,
  gateway,
}) => {
  const before = await gateway.wallet('flaky_gateway')
  const cashier = await phone.with({ persona: 'flaky_gateway' }).checkout()
  const amount = await cashier.amountFen()
  await cashier.pay('alipay-balance')
  await expect(cashier.error).toHaveText('系统繁忙，请重试')
  // Still on the pad, cleared: only the password is typed again.
  await expect(cashier.pinPad).toBeVisible()
  await cashier.enterPassword('123456')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')

  const state = await gateway.state()
  expect(state.payments).toHaveLength(1)
  expect(state.payments[0]).toMatchObject({ status: 'SUCCESS', amountFen: amount })
  const after = state.wallets.flaky_gateway
  expect(after?.alipayBalanceFen).toBe(before.alipayBalanceFen - amount)
})

test('slow_network: the cashier shows it is working, and a double tap opens one payment', async ({
  page,
  phone,
  gateway,
}) => {
  test.slow()
  const cashier = await phone.with({ persona: 'slow_network' }).checkout()
  await expect(cashier.sheet).toBeVisible()
  await expect(cashier.sheet.locator('[aria-busy="true"]')).toBeVisible()
  await cashier.method('alipay-balance').click()

  await cashier.confirm.evaluate((button: HTMLElement) => {
    button.click()
    button.click()
  })
  await expect(cashier.confirm).toHaveAttribute('aria-busy', 'true')
  await expect(cashier.confirm).toBeDisabled()
  await cashier.enterPassword('123456')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success', {
    timeout: seconds(15),
  })
  const state = await gateway.state()
  expect(state.payments).toHaveLength(1)
  expect(state.payments[0]?.status).toBe('SUCCESS')
})

test('a late notification shows "checking…" and turns to success by itself', async ({
  page,
  request,
  gateway,
}) => {
  const res = await request.post('/api/__test/faults', { data: { notify: 'drop' } })
  expect(res.ok()).toBe(true)
  const cashier = await new OrderPage(page).checkout()
  await cashier.pay('alipay-balance')
  const result = new ResultPage(page).result
  await expect(result).toHaveAttribute('data-status', 'pending')
  await expect(result).toContainText('正在确认支付结果')
  // The merchant queries the gateway when the notification is late; the page follows by itself.
  await expect(result).toHaveAttribute('data-status', 'success', { timeout: seconds(10) })
  expect((await gateway.state()).checkouts[0]?.status).toBe('PAID')
})
