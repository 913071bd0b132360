import { expect, test } from './fixtures.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'

test('a wrong password says how many tries are left, then the right one pays', async ({
  page,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout()
  await cashier.pay('alipay-balance', '111111')
  await expect(cashier.error).toContainText('4')

  await cashier.enterPassword('123456')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  expect((await gateway.state()).checkouts[0]?.status).toBe('PAID')
})

test('five wrong passwords lock the wallet and nothing is paid', async ({ page, gateway }) => {
  const before = await gateway.wallet('shopper')
  const cashier = await new OrderPage(page).checkout()
  await cashier.choose('alipay-balance')
  for (let left = 4; left >= 1; left--) {
    await cashier.enterPassword('000000')
    await expect(cashier.error).toContainText(String(left))
  }
  await cashier.enterPassword('000000')
  await expect(cashier.error).toContainText(/锁定|locked/i)

  // Locked, the pad takes nothing, not even the right password.
  await expect(cashier.pinPad).toHaveAttribute('data-locked', 'true')
  await expect(cashier.pinPad.getByRole('button', { name: '1', exact: true })).toBeDisabled()
  await expect(cashier.error).toContainText(/锁定|locked/i)

  const state = await gateway.state()
  expect(state.checkouts[0]?.status).toBe('PENDING_PAYMENT')
  expect(state.payments.some((p) => p.status === 'SUCCESS')).toBe(false)
  expect(state.wallets.shopper).toEqual(before)
})
