import type { Payment } from '../src/contract/payment.ts'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { Phone, ScanCodePanel, setWechatSettings, WeChat } from './pages/wechat.ts'
import { decodeQrPng, tokenOf } from './qr-decode.ts'
import { payCodePath, payCodeUrls } from '../src/contract/paths.ts'
import { at } from './pages/at.ts'

test.describe.configure({ timeout: seconds(60) })

test('the code on the cashier, read from a screenshot of the page, names the payment the gateway holds; another phone pays it and the status turns by itself', async ({
  page,
  gateway,
  phones,
}) => {
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'decode-shopper' })
  const totalFen = await orderPage.totalFen()
  await orderPage.submit.click()
  await new Cashier(page).choose('wechat-scan')
  const code = new ScanCodePanel(page)
  await expect(code.qr.locator('svg')).toBeVisible()

  // Real pixels, decoded in Node.
  const payload = decodeQrPng(await page.screenshot())
  // The web form of BRIEF §5: ORIGIN/wechat/pay?pr=TOKEN.
  const token = tokenOf(payload ?? '')
  expect(token).toMatch(/^(w[\w-]{22}\.)?[\w-]+$/)
  expect(payload).toBe(payCodeUrls(new URL(payload ?? '').origin, token ?? '').web)

  const [held] = (await gateway.state()).payments
  expect(held).toMatchObject({ channel: 'wechat-scan', status: 'NOTPAY', amountFen: totalFen })
  const res = await page.request.get(`/api/pay/payments/${held?.id}`, {
    headers: { 'x-sim-persona': 'shopper' },
  })
  const payment = (await res.json()) as Payment
  expect(payment.payToken).toBe(token)
  expect(payment.codeUrl?.web).toBe(payload)

  // 小美 scans it on her own phone (the code opens for whoever scans it) and pays.
  const friendPhone = await phones.open({ persona: 'friend', device: 'decode-friend' })
  await friendPhone.open(payCodePath(token ?? ''))
  const friend = new WeChat(friendPhone.page)
  expect(await friend.amountFen()).toBe(totalFen)
  await expect(code.status).toHaveAttribute('data-status', 'USERPAYING')
  await friend.pay()

  // The shopper's screen follows by itself.
  // (The code's own 支付成功 lasts a second before the result page: the friend's success screen can
  // outlast it, so the result page, reached without a reload, is what says the status turned.)
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  const state = await gateway.state()
  expect(state.payments[0]).toMatchObject({ status: 'SUCCESS', payer: 'friend' })
  expect(state.wallets.friend?.wechatBalanceFen).toBe(1_000_000 - totalFen)
})

test("WeChat's own form weixin://wxpay/bizpayurl?pr= is drawn when set, and the simulated WeChat reads it", async ({
  page,
  gateway,
}) => {
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'decode-weixin' })
  await setWechatSettings(page, { qrPayload: 'weixin' })
  await orderPage.submit.click()
  await new Cashier(page).choose('wechat-scan')
  const code = new ScanCodePanel(page)
  const token = await code.token()

  const payload = decodeQrPng(await page.screenshot())
  expect(payload).toBe(payCodeUrls('', token).weixin)
  expect((await gateway.state()).payments).toHaveLength(1)

  await new Phone(page).screenshot()
  const wechat = new WeChat(page)
  await wechat.switchInAndScanAlbum()
  await expect(page).toHaveURL(at(payCodePath(token)))
  await expect(wechat.confirm).toBeEnabled()
})
