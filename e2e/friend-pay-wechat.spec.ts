import { expect, test } from './fixtures.ts'
import { Cashier } from './pages/cashier.ts'
import { FriendShare } from './pages/friend-pay.ts'
import { OrderPage } from './pages/order-page.ts'
import { Phone } from './pages/wechat.ts'

test.describe.configure({ timeout: 60_000 })

test('微信好友: the link goes into a chat of the simulated WeChat, and back in Taobao the request is still waiting', async ({
  page,
  gateway,
}) => {
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'fp-wechat-shopper' })
  await orderPage.submit.click()
  await new Cashier(page).choose('friend-pay')
  const share = new FriendShare(page)
  const path = await share.createLink('微信好友')

  await page.getByTestId('friend-pay-wechat').click()
  await expect(page.getByTestId('wechat-share-pick')).toBeVisible()
  await page.getByRole('button', { name: /小美/ }).click()
  await expect(page).toHaveURL(/\/wechat\/chat\/xiaomei$/)
  await expect(page.getByText(path, { exact: false })).toBeVisible()

  await new Phone(page).switchTo('taobao')
  await expect(share.status).toHaveAttribute('data-status', 'OPEN')
  await expect(share.link).toContainText(path)
  expect((await gateway.state()).friendRequests).toHaveLength(1)
})
