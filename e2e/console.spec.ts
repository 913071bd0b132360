// The console (/console): a world's timeline, live, on a desktop beside the phone that pays; a
// notification sent again from it; an external merchant's notify_url failing, retried on the test clock
// from the console, then delivered.
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { ConsolePage } from './pages/console.ts'
import { expectAxeClean, startShop } from './pages/example-shop.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { Phone, ScanCodePanel, WeChat } from './pages/wechat.ts'

test.describe.configure({ timeout: seconds(90) })

test("the QR paid on a phone: the order's story shows live in the console; a notification sent again leaves Taobao paid once", async ({
  page,
  phones,
  gateway,
}) => {
  const desk = await phones.open({ screen: 'desktop' })
  await desk.open('/console')
  const view = new ConsolePage(desk.page)
  await view.expectLive()
  await expect(desk.page.getByTestId('console-empty')).toBeVisible()
  await expectAxeClean(desk.page)

  // The phone: order, QR, a screenshot scanned in WeChat, paid.
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'console-qr' })
  await orderPage.submit.click()
  await expect(view.rowsOf('order.created')).toHaveCount(2)
  const code = new ScanCodePanel(page)
  await code.screenshotFrom(new Cashier(page))
  await expect(view.rowsOf('payment.created')).toHaveCount(1)
  await new Phone(page).switchTo('wechat')
  const wechat = new WeChat(page)
  await wechat.openScan()
  await wechat.scanFromAlbum()
  await wechat.pay()
  await new Phone(page).switchTo('taobao')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')

  // Live on the console, without a reload: the payment, the order paid, Taobao's notification.
  await expect(view.rowsOf('payment.succeeded')).toHaveCount(1)
  await expect(view.rowsOf('order.paid')).toHaveCount(2)
  await expect(view.rowsOf('delivery').first()).toBeVisible()
  await view.openNewest('delivery')
  await expect(desk.page.getByTestId('console-outcome')).toHaveText(/已送达|delivered/)
  await expectAxeClean(desk.page)

  // Sent again from the console: a second attempt, and the order is still paid once.
  const deliveries = await view.rowsOf('delivery').count()
  await desk.page.getByTestId('console-resend').click()
  await expect(view.rowsOf('delivery')).toHaveCount(deliveries + 1)
  const state = await gateway.state()
  expect(state.checkouts).toEqual([expect.objectContaining({ status: 'PAID' })])
  expect(state.payments.filter((p) => p.status === 'SUCCESS')).toHaveLength(1)
  await expect(view.rowsOf('order.paid')).toHaveCount(2)

  // The order's whole story, one click away.
  await view.openNewest('order.paid')
  await view.detail.getByRole('link', { name: /订单|Order/ }).click()
  await expect(view.object).toBeVisible()
  await expect(
    view.object.getByTestId('console-row').and(desk.page.locator('[data-type="order.created"]')),
  ).toHaveCount(1)
  await expect(desk.page.getByTestId('console-object-state')).toContainText('"PAID"')
  await expectAxeClean(desk.page)
})

test("an external merchant's failing notify_url: seen failing in the console, retried on the clock from it, delivered once fixed", async ({
  page,
  phones,
  baseURL,
  world,
}) => {
  const shop = await startShop(baseURL ?? '', world)
  try {
    await page.goto(shop.url)
    const outTradeNo = await page.getByTestId('order-id').innerText()
    const desk = await phones.open({ screen: 'desktop' })
    await desk.open('/console')
    const view = new ConsolePage(desk.page)
    await view.expectLive()
    await expect(view.rowsOf('call').first()).toBeVisible()

    // The shop goes down: its notify_url answers nothing.
    await shop.stop()
    const headers = { 'x-sim-world': world }
    const keys = await page.request.get('/api/__test/wechatpay/keys', { headers })
    const { merchant } = (await keys.json()) as { merchant: { mchid: string } }
    const paid = await page.request.post('/api/__test/wechatpay/pay', {
      headers,
      data: { mchid: merchant.mchid, out_trade_no: outTradeNo },
    })
    expect(paid.status()).toBe(200)
    await expect(view.rowsOf('delivery').first()).toBeVisible()
    await view.openNewest('delivery')
    await expect(desk.page.getByTestId('console-outcome')).toHaveText(/失败|failed/)

    // Back up where the notify_url points; the console moves the clock to the retry.
    const again = await startShop(baseURL ?? '', world, shop.port)
    try {
      await desk.page.getByTestId('console-next-retry').click()
      await expect(async () => {
        await view.openNewest('delivery')
        await expect(desk.page.getByTestId('console-outcome')).toHaveText(/已送达|delivered/, {
          timeout: 1000,
        })
      }).toPass()
      await view.detail.getByRole('link', { name: /商户|Merchant/ }).click()
      await expect(view.object).toBeVisible()
      await expect(desk.page.getByTestId('console-object-state')).toContainText(merchant.mchid)
      await expectAxeClean(desk.page)
    } finally {
      await again.stop()
    }
  } finally {
    await shop.stop()
  }
})

test('an unknown world and an unknown order are said on the page, not shown empty', async ({
  phones,
  browser,
  baseURL,
}) => {
  const desk = await phones.open({ screen: 'desktop' })
  await desk.open('/console/order/no-such-order')
  await expect(desk.page.getByTestId('console-object-missing')).toContainText('no-such-order')
  await expectAxeClean(desk.page)
  // A world that was never made (well-formed, so the browser takes it): the page names it. A browser
  // of its own, without the kit's world header on every request.
  const bare = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    extraHTTPHeaders: {},
  })
  try {
    const nowhere = `w${'x'.repeat(22)}`
    const page = await bare.newPage()
    await page.goto(`/console?world=${nowhere}`)
    await expect(page.getByTestId('console-problem')).toContainText(nowhere)
    await expect(page.getByTestId('console-row')).toHaveCount(0)
  } finally {
    await bare.close()
  }
})
