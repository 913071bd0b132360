// The example merchant (examples/merchant) paid with Alipay through the simulator: its wap.pay button
// (alipay-sdk's pageExec URL) through the simulated Alipay cashier and back to return_url, the order's
// page turning paid. The shop runs in the test's world (SIM_WORLD), so its alipay-sdk calls (an app_id
// registered there), the payments and the notifications all land there.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { expectAxeClean, shopTest } from './pages/example-shop.ts'

test.describe.configure({ timeout: seconds(60) })

/** The simulated Alipay cashier: the shop's trade, 余额 / 花呗 / 银行卡, the password, 支付成功, 完成. */
async function payOnCashier(page: Page, method: 'alipay-balance' | 'huabei' | 'alipay-card') {
  await expect(page.getByTestId('alipay-pay-merchant')).toHaveText('示例小店 Example Shop')
  await expect(page.getByTestId('alipay-pay-subject')).toHaveText('手冲咖啡豆 200g')
  await expect(page.getByTestId('alipay-pay-amount')).toHaveText('¥59.00')
  await page.getByTestId(`alipay-method-${method}`).getByRole('radio').check()
  await page.getByTestId('alipay-pay-confirm').click()
  const pad = page.getByTestId('alipay-pin-pad')
  await expect(pad).toBeVisible()
  await expectAxeClean(page)
  for (const digit of '123456') await pad.getByRole('button', { name: digit, exact: true }).click()
  await expect(page.getByTestId('alipay-pay-success')).toBeVisible()
  await expect(page.getByTestId('alipay-success-amount')).toHaveText('¥59.00')
  await expectAxeClean(page)
  await page.getByTestId('alipay-pay-done').click()
}

shopTest(
  'wap.pay: the shop sends the browser to the Alipay cashier, which returns to return_url signed',
  async ({ page, shop }) => {
    await page.goto(shop)
    await page.getByTestId('pay-alipay-wap').click()
    await expect(page).toHaveURL(/\/alipay\/pay\?token=/)
    await expect(page.getByTestId('alipay-pay-sheet')).toHaveAttribute('data-product', 'WAP')
    await expectAxeClean(page)
    await payOnCashier(page, 'huabei')
    // return_url with Alipay's signed synchronous return; the shop asks Alipay before it says paid.
    await expect(page).toHaveURL(
      new RegExp(`^${shop}/orders/EX\\w+\\?.*method=alipay\\.trade\\.wap\\.pay\\.return`),
    )
    await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'paid')
  },
)

shopTest(
  'wap.pay: a wrong password is said on the pad; back to the merchant before paying leaves it unpaid',
  async ({ page, shop }) => {
    await page.goto(shop)
    await page.getByTestId('pay-alipay-wap').click()
    await page.getByTestId('alipay-pay-confirm').click()
    const pad = page.getByTestId('alipay-pin-pad')
    for (const digit of '111111')
      await pad.getByRole('button', { name: digit, exact: true }).click()
    await expect(pad.getByTestId('pay-error')).toContainText('4')
    await page.getByTestId('alipay-pin-close').click()
    await expect(pad).toBeHidden()
    await page.getByTestId('alipay-pay-quit').click()
    await expect(page).toHaveURL(new RegExp(`^${shop}/orders/EX`))
    await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'pending')
  },
)

shopTest(
  "precreate: the shop's qr_code, opened as a phone's camera opens it, pays; the notify turns it paid",
  async ({ page, shop }) => {
    const shopPage = await page.context().newPage()
    await shopPage.goto(`${shop}/?qr=alipay`)
    const qr = shopPage.getByTestId('alipay-qr')
    await expect(qr.locator('svg')).toBeVisible()
    const codeUrl = (await qr.getAttribute('data-code-url')) ?? ''
    expect(codeUrl).toMatch(/\/alipay\/pay\?token=/)

    await page.goto(codeUrl)
    await expect(page.getByTestId('alipay-pay-sheet')).toHaveAttribute('data-product', 'QR')
    await payOnCashier(page, 'alipay-balance')
    // No return_url for a code: the phone goes home. The shop hears it from the signed notification.
    await expect(page.getByTestId('alipay-cashier')).toBeHidden()
    await expect(shopPage.getByTestId('order-status')).toHaveAttribute('data-status', 'paid')
  },
)
