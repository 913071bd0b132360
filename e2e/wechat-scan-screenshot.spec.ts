import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { Phone, ScanCodePanel, WeChat } from './pages/wechat.ts'
import { payCodePath } from '../src/contract/paths.ts'
import { at } from './pages/at.ts'

test.describe.configure({ timeout: seconds(60) })

test('scan-code via a screenshot: cashier → screenshot → WeChat → 扫一扫 → 相册 → pay → paid in Taobao', async ({
  page,
  gateway,
}) => {
  const before = await gateway.wallet('shopper')
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'scan-shot' })
  const totalFen = await orderPage.totalFen()
  await orderPage.submit.click()

  const code = new ScanCodePanel(page)
  const token = await code.screenshotFrom(new Cashier(page))
  await expect(code.status).toHaveAttribute('data-status', 'NOTPAY')
  await expect(code.countdown).toHaveText(/\d{2}:\d{2}/)

  const phone = new Phone(page)
  await phone.switchTo('wechat')
  await expect(page).toHaveURL(/\/wechat$/)

  const wechat = new WeChat(page)
  await wechat.openScan()
  await wechat.scanFromAlbum()
  // The code was read from the screenshot's pixels: it names this payment.
  await expect(page).toHaveURL(at(payCodePath(token)))
  expect(await wechat.amountFen()).toBe(totalFen)
  // Opening the sheet tells the gateway the code was scanned.
  await expect
    .poll(
      async () => (await gateway.state()).payments.find((p) => p.channel === 'wechat-scan')?.status,
    )
    .toBe('USERPAYING')
  await wechat.pay()

  await phone.switchTo('taobao')
  // The same page, never reloaded: the cashier learns the payment landed and shows the result.
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')

  const state = await gateway.state()
  expect(state.checkouts[0]).toMatchObject({ status: 'PAID', totalFen })
  const paid = state.payments.filter((p) => p.status === 'SUCCESS')
  expect(paid).toEqual([
    expect.objectContaining({ channel: 'wechat-scan', payer: 'shopper', source: 'wechat-balance' }),
  ])
  expect(state.wallets.shopper?.wechatBalanceFen).toBe(before.wechatBalanceFen - totalFen)
  expect(state.wallets.shopper?.alipayBalanceFen).toBe(before.alipayBalanceFen)
})

test('the phone keeps each app where it was, across a reload, with the album', async ({
  page,
  gateway,
}) => {
  const code = new ScanCodePanel(page)
  const token = await code.screenshotFrom(
    await new OrderPage(page).checkout({ device: 'scan-keep' }),
  )
  const phone = new Phone(page)

  await phone.switchTo('wechat')
  const wechat = new WeChat(page)
  await wechat.openScan()
  await page.reload()
  // WeChat reopens on 扫一扫, and the album still has the screenshot.
  await expect(page.getByRole('heading', { name: /^(扫一扫|Scan)$/ })).toBeVisible()
  await page.getByRole('button', { name: /^(相册|Album)$/ }).click()
  await expect(wechat.albumPhoto(/截屏|Screenshot/)).toBeVisible()
  await wechat.closeAlbum()

  // Back in Taobao: the cashier is open again on the same code.
  await phone.switchTo('taobao')
  await expect(code.qr.locator('svg')).toBeVisible()
  expect(await code.token()).toBe(token)
  expect((await gateway.state()).payments).toHaveLength(1)
})
