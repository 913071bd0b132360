import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { Phone, ScanCodePanel, setWechatSettings, WeChat } from './pages/wechat.ts'
import { decodeQrPng, tokenOf } from './qr-decode.ts'
import { payCodePath } from '../src/contract/paths.ts'
import { at } from './pages/at.ts'

test.describe.configure({ timeout: seconds(60) })

const REFUSAL = /该商户暂不支持通过长按识别二维码完成支付|does not support paying by long-pressing/

test('save image: a PNG download and the album; 扫一扫 → 相册 → the saved code pays', async ({
  page,
  gateway,
}) => {
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'scan-save' })
  const totalFen = await orderPage.totalFen()
  await orderPage.submit.click()
  const code = new ScanCodePanel(page)
  const token = await code.showFrom(new Cashier(page))

  const download = page.waitForEvent('download')
  await code.save.click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^wechat-pay-.+\.png$/)
  const path = await file.path()
  // The downloaded PNG holds the very code on screen.
  const payload = decodeQrPng(await readFile(path))
  expect(payload).not.toBeNull()
  expect(tokenOf(payload ?? '')).toBe(token)

  const wechat = new WeChat(page)
  await wechat.switchInAndScanAlbum(/^(图片 1|Image 1)/)
  await expect(page).toHaveURL(at(payCodePath(token)))
  expect(await wechat.amountFen()).toBe(totalFen)
  await wechat.pay()
  await wechat.done()
  await expect(page).toHaveURL(/\/wechat$/)

  await new Phone(page).switchTo('taobao')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  expect((await gateway.state()).checkouts[0]?.status).toBe('PAID')
})

test('long-press 识别图中二维码 on a pay code in a chat: refused, unless the simulator allows it', async ({
  page,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout({ device: 'scan-press' })
  const token = await new ScanCodePanel(page).screenshotFrom(cashier)
  const phone = new Phone(page)

  await phone.switchTo('wechat')
  const wechat = new WeChat(page)
  await wechat.openChat(/文件传输助手|File Transfer/)
  await wechat.sendNewestPhoto()
  await wechat.longPressNewestImage()
  await wechat.identifyCode.click()
  await expect(wechat.notice).toContainText(REFUSAL)
  await wechat.notice.getByRole('button').click()
  await expect(wechat.notice).toBeHidden()
  await expect(page).toHaveURL(/\/wechat\/chat\/filehelper$/)
  // Nothing was opened at the gateway.
  expect((await gateway.state()).payments[0]?.status).toBe('NOTPAY')

  await setWechatSettings(page, { longPress: 'allow' })
  await wechat.longPressNewestImage()
  await wechat.identifyCode.click()
  await expect(page).toHaveURL(at(payCodePath(token)))
  await expect(wechat.confirm).toBeEnabled()
})
