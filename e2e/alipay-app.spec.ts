// The phone's 支付宝 app: the example merchant's precreate QR, screenshotted into the phone's album, scanned
// from there and paid with the password, the shop's page turning paid; the trade in 账单 with its voucher,
// beside a Taobao order paid with the Alipay balance. The shop runs in the test's world (SIM_WORLD).
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { AlipayApp } from './pages/alipay-app.ts'
import { expectAxeClean, shopTest } from './pages/example-shop.ts'
import { ResultPage } from './pages/result-page.ts'
import { Phone } from './pages/wechat.ts'

test.describe.configure({ timeout: seconds(60) })

shopTest(
  "the shop's precreate QR, from the album, paid in 支付宝; the shop turns paid; the bill in 账单",
  async ({ phone, page, shop, gateway }) => {
    const before = await gateway.wallet('shopper')
    const shopPage = await page.context().newPage()
    await shopPage.goto(`${shop}/?qr=alipay`)
    const qr = shopPage.getByTestId('alipay-qr')
    await expect(qr.locator('svg')).toBeVisible()
    const orderId = await shopPage.getByTestId('order-id').innerText()
    // A screenshot of the shop's code, as a shopper would take it on the computer.
    const png = await qr.screenshot()

    await phone.open('/')
    const alipay = new AlipayApp(page)
    // The phone's switcher has the three apps.
    await page.getByTestId('phone-switcher').click()
    for (const app of ['taobao', 'wechat', 'alipay'])
      await expect(page.getByTestId(`phone-app-${app}`)).toBeVisible()
    await page.getByTestId('phone-app-alipay').click()
    await expect(alipay.home).toBeVisible()
    await expectAxeClean(page)

    await alipay.openAlbum()
    await expectAxeClean(page)
    await alipay.importPhoto(png)
    await expect(alipay.photos.first()).toHaveAttribute('data-origin', 'saved')
    await alipay.scanNewest()

    await expect(alipay.paySheet).toHaveAttribute('data-product', 'QR')
    await expect(alipay.merchant).toHaveText('示例小店 Example Shop')
    await expect(alipay.subject).toHaveText('手冲咖啡豆 200g')
    await expect(alipay.amount).toHaveText('¥59.00')
    await expectAxeClean(page)

    // A wrong password is said on the pad, with the tries left of Alipay's realm (shared with Taobao's).
    await alipay.confirm.click()
    await alipay.enterPassword('111111')
    await expect(alipay.pinPad.getByTestId('pay-error')).toContainText('4')
    await expectAxeClean(page)
    await page.getByTestId('alipay-pin-close').click()
    await expect(alipay.pinPad).toBeHidden()

    await alipay.pay('alipay-balance')
    await expect(page.getByTestId('alipay-app-success-amount')).toHaveText('¥59.00')
    const tradeNo = await page.getByTestId('alipay-app-trade-no').innerText()
    await expectAxeClean(page)
    await expect(shopPage.getByTestId('order-status')).toHaveAttribute('data-status', 'paid')
    expect((await gateway.wallet('shopper')).alipayBalanceFen).toBe(before.alipayBalanceFen - 5900)

    // 查看账单: the voucher of the trade.
    await page.getByTestId('alipay-app-pay-bill').click()
    await expect(alipay.voucher).toBeVisible()
    await expect(page.getByTestId('alipay-voucher-amount')).toHaveText('-59.00')
    await expect(page.getByTestId('alipay-voucher-order')).toHaveText(orderId)
    await expect(page.getByTestId('alipay-voucher-transaction')).toHaveText(tradeNo)
    await expectAxeClean(page)
    await page.getByRole('button', { name: /^(返回|Back)$/ }).click()
    // Each Back lands before the next tap (a tap on a screen still leaving would be its own Back again).
    await expect(page).toHaveURL(/\/alipay\/bills(\?|$)/)
    await expect(alipay.bill(tradeNo)).toBeVisible()
    await expect(alipay.bill(tradeNo).getByTestId('alipay-bill-amount')).toHaveText('-59.00')
    await expectAxeClean(page)

    // The same code again: the trade is paid, nothing is charged twice.
    await page.getByRole('button', { name: /^(返回|Back)$/ }).click()
    await expect(page).toHaveURL(/\/alipay(\?|$)/)
    await expect(alipay.home).toBeVisible()
    await alipay.openAlbum()
    await alipay.scanNewest()
    await expect(page.getByTestId('alipay-app-pay-ended')).toBeVisible()
    await expectAxeClean(page)
  },
)

test('a Taobao order paid with the Alipay balance shows in 支付宝 账单, with its voucher', async ({
  phone,
  page,
}) => {
  const cashier = await phone.checkout()
  await cashier.pay('alipay-balance')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  const orderId = new URL(page.url()).pathname.split('/').pop() ?? ''

  const alipay = new AlipayApp(page)
  await alipay.switchIn()
  await alipay.openBills()
  await expect(alipay.bills).toHaveCount(1)
  await expectAxeClean(page)
  await alipay.bills.first().click()
  await expect(alipay.voucher).toContainText(/淘宝|Taobao/)
  await expect(page.getByTestId('alipay-voucher-order')).toHaveText(orderId)
  await expect(page.getByTestId('alipay-voucher-method')).toHaveText(/账户余额|Balance/)
})

test('a code that is not an Alipay trade is said, not opened', async ({ phone, page }) => {
  await phone.open('/alipay/scan')
  const alipay = new AlipayApp(page)
  await page.getByTestId('alipay-scan-album').click()
  // The phone's own screenshot of the scan screen: no code in it.
  await new Phone(page).screenshot()
  await expect(alipay.photos).toHaveCount(1)
  await alipay.scanNewest()
  await expect(alipay.notice).toBeVisible()
  await expectAxeClean(page)
  await alipay.notice.getByRole('button').click()
  await expect(alipay.notice).toBeHidden()
})
