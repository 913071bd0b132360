import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { FriendPayPage, FriendShare } from './pages/friend-pay.ts'
import { OrderPage } from './pages/order-page.ts'
import { friendLinkPath } from '../src/contract/paths.ts'

test.describe.configure({ timeout: seconds(60) })

const HOUR_MS = 3_600_000

async function shopperWithLink(page: Page, device: string) {
  const orderPage = new OrderPage(page)
  await orderPage.open({ device })
  await orderPage.submit.click()
  await new Cashier(page).choose('friend-pay')
  const share = new FriendShare(page)
  return { share, path: await share.createLink() }
}

test('the shopper cancels: both phones say cancelled, the friend cannot pay', async ({
  page,
  gateway,
  phones,
}) => {
  const { share, path } = await shopperWithLink(page, 'fp-cancel-shopper')
  const friend = await phones.open({ persona: 'friend', device: 'fp-cancel-friend' })
  await friend.open(path)
  const friendPage = new FriendPayPage(friend.page)
  await expect(friendPage.confirm).toBeVisible()

  await share.cancel.click()
  await expect(share.status).toHaveAttribute('data-status', 'CANCELLED')
  await expect(friendPage.status).toHaveAttribute('data-status', 'CANCELLED')
  await expect(friendPage.ended).toContainText('对方已取消代付')
  await expect(friendPage.confirm).toHaveCount(0)
  expect((await gateway.state()).friendRequests[0]).toMatchObject({ status: 'CANCELLED' })
})

test("past 24 hours the order's own 30-minute deadline has closed it first: the link says the order closed", async ({
  page,
  gateway,
  phones,
}) => {
  const { path } = await shopperWithLink(page, 'fp-expiry-shopper')
  const friend = await phones.open({ persona: 'friend', device: 'fp-expiry-friend' })
  await friend.open(path)
  const friendPage = new FriendPayPage(friend.page)
  await expect(friendPage.confirm).toBeVisible()

  await gateway.advanceClock(24 * HOUR_MS + 60_000)
  // The friend's page follows by itself (the request's event stream).
  await expect(friendPage.status).toHaveAttribute('data-status', 'EXPIRED')
  await expect(friendPage.ended).toContainText('订单已关闭')
  await expect(friendPage.confirm).toHaveCount(0)
  await expect(page.getByTestId('confirm-pay')).toBeDisabled()
  expect((await gateway.state()).friendRequests[0]).toMatchObject({
    status: 'EXPIRED',
    endReason: 'ORDERCLOSED',
  })
})

test('a forged or truncated token is a not-found page with nothing to pay', async ({
  page,
  gateway,
}) => {
  const { path } = await shopperWithLink(page, 'fp-forged-shopper')
  const friendPage = new FriendPayPage(page)
  for (const bad of [path.slice(0, -3), friendLinkPath('AAAAAAAAAAAAAAAAAAAAAA')]) {
    await friendPage.open(bad, 'fp-forged-friend')
    await expect(friendPage.status).toHaveAttribute('data-status', 'NOT_FOUND')
    await expect(friendPage.ended).toContainText('代付链接不存在')
    await expect(friendPage.confirm).toHaveCount(0)
  }
  expect((await gateway.state()).friendRequests[0]).toMatchObject({ status: 'OPEN' })
})

test('where the clipboard is refused, the link and message are selected in a read-only box to copy by hand', async ({
  page,
  gateway,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    })
  })
  const { share, path } = await shopperWithLink(page, 'fp-clip-shopper')
  await share.copy.click()
  await expect(page.getByRole('alert')).toContainText('请长按手动复制')
  const manual = page.getByTestId('friend-pay-manual')
  await expect(manual).toHaveAttribute('readonly', '')
  await expect(manual).toHaveValue(new RegExp(`${path}$`))
  await expect(manual).toBeFocused()
  expect((await gateway.state()).friendRequests).toHaveLength(1)
})
