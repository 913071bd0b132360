import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { UnionPaySheet } from './pages/unionpay.ts'

// Five wrong passwords, a lock, a reset: many steps, on a runner that may be shared.
test.describe.configure({ timeout: seconds(60) })

test('five wrong passwords lock every Alipay method; UnionPay, its own app, still pays', async ({
  page,
  gateway,
}) => {
  const before = await gateway.wallet('shopper')
  const cashier = await new OrderPage(page).checkout()
  const amount = await cashier.amountFen()
  await cashier.choose('alipay-card')
  for (let left = 4; left >= 1; left--) {
    await cashier.enterPassword('000000')
    await expect(cashier.error).toContainText(`还可以输入${left}次`)
  }
  await cashier.enterPassword('000000')
  await expect(cashier.error).toContainText('锁定')

  // Back on the list the lock shows at once on the methods of Alipay's realm, and after a reload too.
  await cashier.backToMethods()
  const alipayRealm = ['alipay-balance', 'alipay-card', 'huabei'] as const
  for (const id of alipayRealm) await expect(cashier.method(id)).toContainText('已锁定')
  await page.reload()
  for (const id of alipayRealm) {
    await expect(cashier.method(id)).toHaveAttribute('aria-disabled', 'true')
    await expect(cashier.method(id)).toContainText('已锁定')
  }
  await expect(cashier.method('unionpay')).not.toHaveAttribute('aria-disabled', 'true')
  expect((await gateway.state()).wallets.shopper).toEqual(before)

  await cashier.choose('unionpay')
  await new UnionPaySheet(page).payAndReturn()
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  const after = await gateway.wallet('shopper')
  expect(after.unionpayCardFen).toBe(before.unionpayCardFen - amount)
  expect(after.alipayCardFen).toBe(before.alipayCardFen)
})
