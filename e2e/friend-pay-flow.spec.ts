import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { FriendPayPage, FriendShare } from './pages/friend-pay.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { WeChat } from './pages/wechat.ts'

test.describe.configure({ timeout: seconds(60) })

test('the shopper sends a link, a friend on another phone pays it, the shopper sees paid without a reload; a third phone cannot pay again', async ({
  page,
  gateway,
  phones,
  baseURL,
}) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'fp-shopper' })
  const totalFen = await orderPage.totalFen()
  const before = await gateway.state()
  await orderPage.submit.click()
  await new Cashier(page).choose('friend-pay')

  const share = new FriendShare(page)
  await expect(share.message).toHaveValue('这件宝贝我很喜欢，帮我付一下吧～')
  await share.message.fill('帮我付一下 <b>谢谢</b>')
  const path = await share.createLink()
  await share.copy.click()
  const clip = await page.evaluate(() => navigator.clipboard.readText())
  expect(clip).toContain(`${new URL(baseURL ?? '').origin}${path}`)
  expect(clip).toContain('帮我付一下 <b>谢谢</b>')
  const [request] = (await gateway.state()).friendRequests
  expect(request).toMatchObject({ status: 'OPEN', requester: 'shopper' })
  expect(path).not.toContain(String(totalFen))

  // 小美 taps it in WeChat on her own phone: WeChat's browser, so WeChat Pay pays.
  const friend = await phones.open({ persona: 'friend', device: 'fp-friend' })
  const friendPage = new FriendPayPage(friend.page)
  await friendPage.open(path, 'fp-friend', 'friend', { inWechat: true })
  await expect(friendPage.status).toHaveAttribute('data-status', 'OPEN')
  await expect(friend.page.getByRole('group', { name: '微信支付' })).toBeVisible()
  await expect.poll(() => friendPage.sources()).toEqual(['微信零钱', '建设银行储蓄卡(1234)'])
  await expect(friendPage.amount).toContainText(`${(totalFen / 100).toFixed(2)}`)
  // The message is text, never markup; no address, no phone.
  await expect(friend.page.getByText('帮我付一下 <b>谢谢</b>')).toBeVisible()
  await expect(friend.page.locator('.fp b')).toHaveCount(0)
  const body = await friend.page.locator('body').innerText()
  expect(body).not.toMatch(/1[3-9]\d[\d*]{8}|收货地址|省|市.*区/)

  await friendPage.pay()
  await expect(friendPage.status).toHaveAttribute('data-status', 'PAID')
  await expect(friendPage.ended).toContainText('已帮付')
  await expect(friendPage.confirm).toHaveCount(0)

  // The shopper's screen follows by itself.
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  await expect(page.getByTestId('pay-result-method')).toHaveText('好友已帮你付款')

  const state = await gateway.state()
  expect(state.friendRequests[0]).toMatchObject({ status: 'PAID', payer: 'friend' })
  expect(state.wallets.friend?.wechatBalanceFen).toBe(
    (before.wallets.friend?.wechatBalanceFen ?? 0) - totalFen,
  )
  expect(state.wallets.shopper).toEqual(before.wallets.shopper)

  // 小美's WeChat 账单 lists the payment she made for her friend.
  const paid = state.payments.find((p) => p.status === 'SUCCESS')
  expect(paid?.payer).toBe('friend')
  // Back from WeChat's browser to WeChat itself.
  await friend.page.getByRole('button', { name: '返回' }).click()
  await expect(friend.page).toHaveURL(/\/wechat$/)
  await new WeChat(friend.page).openBills()
  await expect(friend.page.getByTestId('wechat-bill')).toHaveAttribute(
    'data-payment-id',
    paid?.id ?? '',
  )

  // A third phone on the same link: already paid, nothing to pay.
  const third = await phones.open({ persona: 'low_balance', device: 'fp-third' })
  const thirdPage = new FriendPayPage(third.page)
  await thirdPage.open(path, 'fp-third', 'low_balance')
  await expect(thirdPage.status).toHaveAttribute('data-status', 'PAID')
  await expect(thirdPage.ended).toContainText('已有人帮忙付款')
  await expect(thirdPage.confirm).toHaveCount(0)
})

test('opened in a browser rather than WeChat, the link is paid with Alipay, and says WeChat Pay needs WeChat', async ({
  page,
  gateway,
  phones,
}) => {
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'fp-alipay-shopper' })
  const totalFen = await orderPage.totalFen()
  await orderPage.submit.click()
  await new Cashier(page).choose('friend-pay')
  const path = await new FriendShare(page).createLink()
  const before = await gateway.state()

  const friend = await phones.open({ persona: 'friend', device: 'fp-alipay-friend' })
  const friendPage = new FriendPayPage(friend.page)
  await friendPage.open(path, 'fp-alipay-friend')
  await expect(friend.page.getByRole('group', { name: '支付宝付款' })).toBeVisible()
  await expect.poll(() => friendPage.sources()).toEqual(['支付宝余额', '招商银行储蓄卡(8888)'])
  await expect(friend.page.getByText('在微信中打开此链接，可用微信支付')).toBeVisible()

  await friendPage.pay()
  await expect(friendPage.status).toHaveAttribute('data-status', 'PAID')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')

  const after = await gateway.state()
  expect(after.wallets.friend?.alipayBalanceFen).toBe(
    (before.wallets.friend?.alipayBalanceFen ?? 0) - totalFen,
  )
  expect(after.wallets.friend?.wechatBalanceFen).toBe(before.wallets.friend?.wechatBalanceFen)
  expect(after.wallets.shopper).toEqual(before.wallets.shopper)
})
