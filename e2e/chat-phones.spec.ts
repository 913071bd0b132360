// Phones that chat (issue 23, docs/chats.md): the world's WeChat messages go from one phone (a browser
// context) to another, live: the pay-for-me link, a text, an album image; 小美 pays from her chat.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { FriendPayPage, FriendShare } from './pages/friend-pay.ts'
import { ResultPage } from './pages/result-page.ts'
import { Phone, WeChat } from './pages/wechat.ts'
import { WeChatChats } from './pages/wechat-chats.ts'

test.describe.configure({ timeout: seconds(90) })

const XIAOMEI = /小美|Xiaomei/
const XIAOCHEN = /小陈|Chen/

/** axe's WCAG 2.1 A/AA rules: nothing serious or critical on the screen. */
async function expectAxeClean(page: Page, screen: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(blocking, `axe on ${screen}`).toEqual([])
}

test('the shopper shares the pay link into 小美’s chat; 小美’s phone sees it live, opens it from her chat and pays; the shopper sees paid', async ({
  phone,
  phones,
  gateway,
}) => {
  // 小美's phone is open on WeChat's chats before anything is sent: the link arrives live.
  const friend = await phones.open({ persona: 'friend', device: 'chat-friend' })
  await friend.open('/wechat')
  const hers = new WeChatChats(friend.page)
  await expect(hers.list).toHaveAttribute('aria-busy', 'false')
  // No chat with 小陈 yet: WeChat lists the chats that have something in them.
  await expect(hers.row(XIAOCHEN)).toHaveCount(0)

  const cashier = await phone.checkout()
  await cashier.choose('friend-pay')
  const share = new FriendShare(phone.page)
  const path = await share.createLink('微信好友')
  await phone.page.getByTestId('friend-pay-wechat').click()
  await expect(phone.page.getByTestId('wechat-share-pick')).toBeVisible()
  await new WeChatChats(phone.page).row(XIAOMEI).click()
  await expect(phone.page).toHaveURL(/\/wechat\/chat\/xiaomei(\?|$)/)
  const mine = new WeChatChats(phone.page)
  await expect(mine.linkCards).toHaveCount(1)
  await expect(mine.linkCards).toContainText('请帮我付款')

  // On 小美's phone: the chat list says so, with an unread badge, without a reload.
  await expect(hers.unread(XIAOCHEN)).toHaveText('1')
  await expect(hers.row(XIAOCHEN)).toContainText('[链接] 请帮我付款')
  await expect(friend.page.getByTestId('wechat-unread-total')).toHaveText('1')
  await expectAxeClean(friend.page, 'chat list with an unread link')
  await hers.row(XIAOCHEN).click()
  await expect(hers.linkCards).toHaveCount(1)
  await expectAxeClean(friend.page, 'chat with a link card')
  await hers.linkCards.click()

  // The link opens in WeChat's browser on her phone: WeChat Pay pays.
  const friendPage = new FriendPayPage(friend.page)
  await expect(friendPage.status).toHaveAttribute('data-status', 'OPEN')
  expect(friend.page.url()).toContain(path.split('/').at(-1) ?? '')
  await friendPage.pay()
  await expect(friendPage.status).toHaveAttribute('data-status', 'PAID')

  // The shopper goes back to Taobao, which shows it paid.
  await new Phone(phone.page).switchTo('taobao')
  await expect(new ResultPage(phone.page).result).toHaveAttribute('data-status', 'success')
  const state = await gateway.state()
  expect(state.friendRequests[0]).toMatchObject({ status: 'PAID', payer: 'friend' })
})

test('a text and an album image go from the shopper’s phone to 小美’s, and her answer comes back, live', async ({
  phone,
  phones,
}) => {
  const friend = await phones.open({ persona: 'friend', device: 'chat-friend-2' })
  await friend.open('/wechat')
  const hers = new WeChatChats(friend.page)
  await expect(hers.list).toHaveAttribute('aria-busy', 'false')

  // A screenshot into the shopper's album, then WeChat → 小美.
  await phone.open('/wechat')
  const shopperPhone = new Phone(phone.page)
  await shopperPhone.screenshot()
  const mine = new WeChatChats(phone.page)
  // A first chat with 小美: from 通讯录.
  await phone.page.getByRole('button', { name: /^(通讯录|Contacts)$/ }).click()
  await phone.page.getByRole('button', { name: XIAOMEI }).click()
  await mine.sendText('在吗？帮我看看这个')
  await new WeChat(phone.page).sendNewestPhoto()
  await expect(mine.images).toHaveCount(1)
  await mine.expectImageLoaded()

  await expect(hers.unread(XIAOCHEN)).toHaveText('2')
  await expect(hers.row(XIAOCHEN)).toContainText('[图片]')
  await hers.row(XIAOCHEN).click()
  await expect(hers.chat.getByText('在吗？帮我看看这个', { exact: true })).toBeVisible()
  await expect(hers.images).toHaveCount(1)
  await hers.expectImageLoaded()
  await expectAxeClean(friend.page, 'chat with an image')

  await hers.sendText('好的，马上看')
  await expect(mine.chat.getByText('好的，马上看', { exact: true })).toBeVisible()
  // Read on the shopper's screen as it arrives: no badge for what is open.
  await phone.page.getByRole('button', { name: /^(返回|Back)$/ }).click()
  await expect(mine.unread(XIAOMEI)).toHaveCount(0)

  // A reload keeps the chats: they are the world's, not the phone's.
  await friend.page.reload()
  await expect(hers.images).toHaveCount(1)
  await expect(hers.chat.getByText('好的，马上看', { exact: true })).toBeVisible()
})
