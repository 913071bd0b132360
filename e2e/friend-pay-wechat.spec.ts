import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { FriendShare } from './pages/friend-pay.ts'
import { OrderPage } from './pages/order-page.ts'
import { Phone } from './pages/wechat.ts'
import { friendLinkInWechat, friendLinkToken } from '../src/contract/paths.ts'
import { at } from './pages/at.ts'

test.describe.configure({ timeout: seconds(60) })

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
  // The link is WeChat's link card (docs/chats.md), in the world's chat with 小美.
  const card = page.getByTestId('wechat-link-card')
  await expect(card).toContainText('请帮我付款')

  // Tapping the link opens it in WeChat's own browser: WeChat Pay, and the phone is still in WeChat.
  await card.click()
  await expect(page).toHaveURL(at(friendLinkInWechat(friendLinkToken(path) ?? '')))
  await expect(page.getByRole('group', { name: '微信支付' })).toBeVisible()
  await page.getByRole('button', { name: '切换应用' }).click()
  await expect(
    page.getByRole('dialog', { name: '最近使用的应用' }).getByRole('button', { name: '微信' }),
  ).toHaveAttribute('aria-current', 'true')
  await page.keyboard.press('Escape')
  await page.goBack()

  await new Phone(page).switchTo('taobao')
  await expect(share.status).toHaveAttribute('data-status', 'OPEN')
  await expect(share.link).toContainText(path)
  expect((await gateway.state()).friendRequests).toHaveLength(1)
})
