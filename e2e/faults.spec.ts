import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { cuttableLink } from './pages/cuttable-link.ts'
import { CHECKING, setFaults, showScanCodeAt } from './pages/faults.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { WeChat } from './pages/wechat.ts'
import { payCodePath, withSim } from '../src/contract/paths.ts'

// The gateway misbehaving while a shopper pays, seen on screen: the merchant still ends every order paid,
// exactly once. The result page's "checking" state lasts until the merchant knows; the gateway's clock
// (not a sleep) moves it past the point where the merchant queries a late notification. The clock is
// stopped first, so however slow the page, "checking" holds until the test moves it.
const LATE_MS = 2500 // past LATE_NOTIFICATION_MS (2 s): the merchant asks the gateway itself

test.describe.configure({ timeout: seconds(60) })

test('notification dropped: the result says checking, then paid through the merchant’s own query', async ({
  page,
  request,
  gateway,
}) => {
  await setFaults(request, { notify: 'drop' })
  await gateway.freezeClock()
  const before = await gateway.wallet('shopper')
  const cashier = await new OrderPage(page).checkout({ device: 'faults-drop' })
  const totalFen = await cashier.amountFen()
  await cashier.pay('alipay-balance')

  const result = new ResultPage(page).result
  await expect(result).toHaveAttribute('data-status', 'pending')
  await expect(result.getByRole('heading', { name: CHECKING })).toBeVisible()
  // The gateway took the money; the merchant has not heard (the notification never comes).
  let state = await gateway.state()
  expect(state.payments).toEqual([expect.objectContaining({ status: 'SUCCESS' })])
  expect(state.checkouts[0]?.status).toBe('PENDING_PAYMENT')

  await gateway.advanceClock(LATE_MS)
  await expect(result).toHaveAttribute('data-status', 'success')
  await expect(result.getByRole('heading', { name: /支付成功|Payment successful/ })).toBeVisible()
  state = await gateway.state()
  expect(state.checkouts[0]).toMatchObject({ status: 'PAID', totalFen })
  expect(state.wallets.shopper?.alipayBalanceFen).toBe(before.alipayBalanceFen - totalFen)
})

test('notification duplicated: paid once, charged once', async ({ page, request, gateway }) => {
  await setFaults(request, { notify: 'duplicate' })
  const before = await gateway.wallet('shopper')
  const cashier = await new OrderPage(page).checkout({ device: 'faults-dup' })
  const totalFen = await cashier.amountFen()
  await cashier.payWithHuabei(3)

  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  await expect(page.getByTestId('pay-result-plan')).toBeVisible()
  const state = await gateway.state()
  expect(state.checkouts).toEqual([expect.objectContaining({ status: 'PAID', totalFen })])
  expect(state.payments).toEqual([
    expect.objectContaining({ status: 'SUCCESS', channel: 'huabei', amountFen: totalFen }),
  ])
  const after = state.wallets.shopper
  expect(after?.huabeiAvailableFen).toBe(before.huabeiAvailableFen - totalFen)
  expect({ ...after, huabeiAvailableFen: 0 }).toEqual({ ...before, huabeiAvailableFen: 0 })
  // The orders list shows the checkout's two shops' orders, paid.
  await page.getByRole('button', { name: /查看订单|View orders/ }).click()
  await expect(page.getByTestId('order-row')).toHaveCount(2)
  for (const row of await page.getByTestId('order-row').all()) {
    await expect(row).toHaveAttribute('data-status', 'PAID')
  }
})

test('notification delayed: the result says checking…, then paid, without a reload', async ({
  page,
  request,
  gateway,
}) => {
  await setFaults(request, { notify: 'delay' }) // 5 s late on the world's clock
  await gateway.freezeClock()
  const cashier = await new OrderPage(page).checkout({ device: 'faults-delay', lang: 'en' })
  await cashier.pay('alipay-card')

  const result = new ResultPage(page).result
  await expect(result).toHaveAttribute('data-status', 'pending')
  await expect(result.getByRole('heading', { name: 'Checking the payment result' })).toBeVisible()
  await expect(result).toContainText(/do not pay again/i)

  await gateway.advanceClock(LATE_MS)
  await expect(result).toHaveAttribute('data-status', 'success')
  const state = await gateway.state()
  expect(state.checkouts[0]?.status).toBe('PAID')
  expect(state.payments.filter((p) => p.status === 'SUCCESS')).toHaveLength(1)
})

test('the event stream cut mid-payment: the cashier falls back and still shows the code paid', async ({
  page,
  gateway,
  phones,
  baseURL,
}) => {
  test.skip(!!process.env.BASE_URL, 'puts a proxy in front of its own worker server')
  const link = await cuttableLink(Number(new URL(baseURL ?? '').port))
  const failed: string[] = []
  page.on('requestfailed', (r) => {
    if (r.url().includes('/events')) failed.push(r.failure()?.errorText ?? '?')
  })
  let pollsAfterCut = 0
  page.on('request', (r) => {
    // The fallback polls the checkout (GET /api/shop/checkouts/:id).
    if (link.streamsCut() > 0 && /\/api\/shop\/checkouts\/[^/?]+$/.test(r.url())) pollsAfterCut += 1
  })
  // The shopper's phone talks through the link (the order, the code, the event stream, the polls).
  const { token, totalFen } = await showScanCodeAt(page, link.origin, 'faults-sse')

  // The network drops mid-payment, once the shopper's event stream is open through the link: every
  // connection is reset, the open stream with them, and from then on no event stream gets through
  // (polling does). The link checks and cuts in one step, so the stream cannot close in between.
  await expect
    .poll(() => link.cutOpenStreams(), { message: 'an event stream open through the link, cut' })
    .toBeGreaterThan(0)
  await expect.poll(() => failed.length).toBeGreaterThan(0)

  // Meanwhile 小美 scans the code on her own phone and pays.
  const friend = await phones.open({ persona: 'friend', device: 'faults-sse-friend' })
  await friend.page.goto(
    withSim(payCodePath(token), { persona: 'friend', device: 'faults-sse-friend' }),
  )
  const wechat = new WeChat(friend.page)
  expect(await wechat.amountFen()).toBe(totalFen)
  await wechat.pay()

  // Without any stream, the cashier's fallback finds the order paid.
  // (The code's own 支付成功 lasts a second before the result page: the friend's success screen can
  // outlast it, so the result page, reached without a reload, is what says the status turned.)
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  expect(pollsAfterCut).toBeGreaterThan(0)
  expect(link.streamsAfterCut()).toBe(0)
  const state = await gateway.state()
  expect(state.payments).toEqual([
    expect.objectContaining({ status: 'SUCCESS', payer: 'friend', channel: 'wechat-scan' }),
  ])
  expect(state.checkouts[0]?.status).toBe('PAID')
  await link.close()
})
