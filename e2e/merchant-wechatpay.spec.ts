// The example merchant (examples/merchant) against the simulator: its product page's QR scanned from an
// image file in the simulated WeChat, the H5 round trip back to redirect_url, and a JSAPI payment through
// the WeixinJSBridge stand-in, and a cancel. The shop runs in the test's world (SIM_WORLD), so its
// wechatpay-axios-plugin calls, the payments and the notifications all land there.
import type { FrameLocator, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { expectAxeClean, shopTest } from './pages/example-shop.ts'

test.describe.configure({ timeout: seconds(60) })

/** WeChat's pay sheet (on the phone, or in WeixinJSBridge's frame): 确认支付, the password, 支付成功, 完成. */
async function payOnSheet(sheet: Page | FrameLocator) {
  await expect(sheet.getByTestId('wechat-pay-merchant')).toHaveText('示例小店')
  await expect(sheet.getByTestId('wechat-pay-description')).toHaveText('手冲咖啡豆 200g')
  await expect(sheet.getByTestId('wechat-pay-amount')).toHaveText('¥59.00')
  await sheet.getByTestId('wechat-pay-confirm').click()
  const pad = sheet.getByTestId('wechat-pin-pad')
  await expect(pad).toBeVisible()
  for (const digit of '123456') await pad.getByRole('button', { name: digit, exact: true }).click()
  await expect(sheet.getByTestId('wechat-pay-success')).toBeVisible()
  await sheet.getByTestId('wechat-pay-done').click()
}

shopTest(
  'native: the QR of the shop page, scanned from an image file, pays the order',
  async ({ phone, page, shop }) => {
    const shopPage = await page.context().newPage()
    await shopPage.goto(shop)
    await expect(shopPage.getByTestId('merchant-qr').locator('svg')).toBeVisible()
    await expect(shopPage.getByTestId('merchant-qr')).toHaveAttribute(
      'data-code-url',
      /^weixin:\/\/wxpay\/bizpayurl\?pr=/,
    )
    const orderId = await shopPage.getByTestId('order-id').innerText()
    // A screenshot of the merchant's own page, handed to WeChat's album as a file from the computer.
    const screenshot = await shopPage.screenshot()

    await phone.open('/wechat/scan')
    await page.getByTestId('wechat-scan-album').click()
    await expectAxeClean(page)
    await page.getByTestId('wechat-album-file').setInputFiles({
      name: 'shop.png',
      mimeType: 'image/png',
      buffer: screenshot,
    })
    await expect(page.getByTestId('wechat-merchant-sheet')).toHaveAttribute(
      'data-trade-type',
      'NATIVE',
    )
    await expectAxeClean(page)
    await payOnSheet(page)

    // The shop hears it from WeChat's notification: its page turns paid by itself.
    await expect(shopPage.getByTestId('order-status')).toHaveAttribute('data-status', 'paid')
    // The payer's 账单 has the voucher: the merchant, the amount, the shop's order number.
    await phone.open('/wechat/bills')
    await page
      .getByRole('button', { name: /示例小店/ })
      .first()
      .click()
    const voucher = page.getByTestId('wechat-voucher')
    await expect(voucher).toContainText('示例小店')
    await expect(voucher).toContainText(orderId)
    await expect(page.getByTestId('wechat-voucher-amount')).toContainText('59.00')
  },
)

shopTest(
  'H5: the h5_url opens the WeChat H5 cashier, which returns to redirect_url',
  async ({ page, shop }) => {
    await page.goto(shop)
    await page.getByTestId('pay-h5').click()
    await expect(page).toHaveURL(/\/wechat\/h5pay\?prepay_id=.+&redirect_url=/)
    await expect(page.getByTestId('wechat-merchant-sheet')).toHaveAttribute(
      'data-trade-type',
      'MWEB',
    )
    await expectAxeClean(page)
    await payOnSheet(page)
    await expect(page).toHaveURL(new RegExp(`^${shop}/orders/EX`))
    await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'paid')
  },
)

const bridgeFrame = (page: Page) => page.frameLocator('iframe[title="WeChat Pay · 微信支付"]')

shopTest(
  'JSAPI: WeixinJSBridge opens the pay sheet over the page and answers ok',
  async ({ page, shop }) => {
    await page.goto(shop)
    await page.getByTestId('pay-jsapi').click()
    const sheet = bridgeFrame(page)
    // The frame is a cold load of the simulator's app.
    await expect(sheet.getByTestId('wechat-merchant-sheet')).toHaveAttribute(
      'data-trade-type',
      'JSAPI',
      { timeout: seconds(15) },
    )
    await expectAxeClean(page)
    await payOnSheet(sheet)
    await expect(page).toHaveURL(new RegExp(`^${shop}/orders/EX`))
    await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'paid')
  },
)

shopTest(
  'JSAPI: closing the pay sheet answers get_brand_wcpay_request:cancel',
  async ({ page, shop }) => {
    await page.goto(shop)
    await page.getByTestId('pay-jsapi').click()
    const sheet = bridgeFrame(page)
    await expect(sheet.getByTestId('wechat-pay-amount')).toHaveText('¥59.00', {
      timeout: seconds(15),
    })
    await sheet.getByTestId('wechat-pay-close').click()
    await expect(page.getByTestId('jsapi-result')).toHaveAttribute(
      'data-result',
      'get_brand_wcpay_request:cancel',
    )
    await expect(page.locator('iframe')).toHaveCount(0)
    await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'pending')
  },
)
