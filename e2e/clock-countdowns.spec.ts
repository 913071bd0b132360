import { expect, test } from './fixtures.ts'
import type { Locator } from '@playwright/test'
import { FriendPayPage, FriendShare } from './pages/friend-pay.ts'
import { OrderPage } from './pages/order-page.ts'
import { OrdersPage } from './pages/orders-page.ts'

// Every countdown follows the gateway's clock: at once when the test clock moves (the order's live
// stream tells the phone), and the same after a reload, to the second (give or take the tick).
const MINUTES_20 = 20 * 60

/** The seconds a countdown shows ("29:43" → 1783). */
async function secondsOf(timer: Locator): Promise<number> {
  const text = await timer.innerText()
  const match = /(?:(\d+):)?(\d+):(\d\d)/.exec(text)
  if (!match) throw new Error(`no time in "${text}"`)
  const [, h, m, s] = match
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s)
}

test('the QR and the cashier count down against the test clock at once, and after a reload', async ({
  page,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout()
  const cashierTimer = cashier.countdown
  const before = await secondsOf(cashierTimer)
  await cashier.choose('wechat-scan')
  const qrTimer = page.getByTestId('qr-countdown')
  await expect(qrTimer).toBeVisible()
  const qrBefore = await secondsOf(qrTimer)
  expect(qrBefore).toBeGreaterThan(MINUTES_20)

  await gateway.advanceClock(MINUTES_20 * 1000)
  // Within a tick or two of the move, without any tap.
  await expect
    .poll(() => secondsOf(qrTimer), { message: 'the QR countdown after the clock moved' })
    .toBeLessThanOrEqual(qrBefore - MINUTES_20 + 2)
  const moved = await secondsOf(qrTimer)
  expect(moved).toBeGreaterThan(qrBefore - MINUTES_20 - 10)

  await page.reload()
  await expect(qrTimer).toBeVisible()
  const reloaded = await secondsOf(qrTimer)
  expect(Math.abs(reloaded - moved)).toBeLessThanOrEqual(3)

  // Back on the list, the cashier's own countdown says the same 20 minutes are gone.
  await page.goBack()
  await expect(cashierTimer).toBeVisible()
  expect(await secondsOf(cashierTimer)).toBeLessThanOrEqual(before - MINUTES_20 + 2)
})

test('the order details count down against the test clock at once', async ({ page, gateway }) => {
  const cashier = await new OrderPage(page).checkout()
  await cashier.close.click()
  await cashier.leave.click()
  // The seeded cart's two shops' orders wait in 待付款; the first one's details.
  const orders = new OrdersPage(page)
  await expect(orders.rows).toHaveCount(2)
  const orderId = (await orders.rows.first().getAttribute('data-order-id')) ?? ''
  await orders.rows.first().getByRole('button').first().click()
  await expect(page).toHaveURL(/\/orders\/[^/?]+$/)
  // The details are on screen (the list is gone): one row, this order's.
  const banner = page.getByTestId('order-row')
  await expect(banner).toHaveCount(1)
  await expect(banner).toHaveAttribute('data-order-id', orderId)
  const before = await secondsOf(banner)
  await gateway.advanceClock(MINUTES_20 * 1000)
  await expect.poll(() => secondsOf(banner)).toBeLessThanOrEqual(before - MINUTES_20 + 2)
  await page.reload()
  expect(Math.abs((await secondsOf(banner)) - (before - MINUTES_20))).toBeLessThanOrEqual(5)
})

test('the friend’s link counts down against the test clock at once; its pad has 忘记密码？', async ({
  page,
  phones,
  gateway,
}) => {
  const cashier = await new OrderPage(page).checkout({ device: 'clock-fp-shopper' })
  await cashier.choose('friend-pay')
  const path = await new FriendShare(page).createLink()
  const friend = await phones.open({ persona: 'friend', device: 'clock-fp-friend' })
  await friend.open(path)
  const expiry = friend.page.getByTestId('friend-pay-expiry')
  await expect(expiry).toBeVisible()
  const before = await secondsOf(expiry)
  await gateway.advanceClock(MINUTES_20 * 1000)
  await expect.poll(() => secondsOf(expiry)).toBeLessThanOrEqual(before - MINUTES_20 + 2)

  const friendPage = new FriendPayPage(friend.page)
  await friendPage.confirm.click()
  await expect(friend.page.getByTestId('pin-pad')).toBeVisible()
  await expect(friend.page.getByRole('button', { name: '忘记密码？' })).toBeVisible()
})
