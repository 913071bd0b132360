import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { FriendPayPage, FriendShare } from './pages/friend-pay.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { ScanCodePanel } from './pages/wechat.ts'

test.describe.configure({ timeout: seconds(60) })

test('the friend and a scan-code payment land together: exactly one succeeds, the other is told the order is paid, nobody is charged twice', async ({
  page,
  gateway,
  phones,
}) => {
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'fp-race-shopper' })
  const totalFen = await orderPage.totalFen()
  await orderPage.submit.click()
  await new Cashier(page).choose('friend-pay')
  const path = await new FriendShare(page).createLink()
  const token = path.split('/').pop() ?? ''

  // The shopper goes back and shows a scan code too: two ways to pay the same order are open.
  await page.getByRole('button', { name: '返回付款方式' }).click()
  await new Cashier(page).choose('wechat-scan')
  const payToken = await new ScanCodePanel(page).token()
  expect((await gateway.state()).friendRequests[0]).toMatchObject({ status: 'OPEN' })

  const friend = await phones.open({ persona: 'friend', device: 'fp-race-friend' })
  await friend.open(path)
  const friendPage = new FriendPayPage(friend.page)
  await expect(friendPage.confirm).toBeVisible()
  const before = await gateway.state()

  // Both confirms leave at once: the friend's link, and the shopper scanning their own code.
  const [viaLink, viaCode] = await Promise.all([
    friend.page.request.post(`/api/pay/friend-requests/${token}/pay`, {
      headers: { 'x-sim-persona': 'friend' },
      data: { password: '123456' },
    }),
    page.request.post(`/api/pay/sheets/${payToken}/confirm`, {
      headers: { 'x-sim-persona': 'shopper' },
      data: { password: '123456' },
    }),
  ])
  const answers = [viaLink, viaCode]
  expect(answers.filter((r) => r.ok())).toHaveLength(1)
  const loser = answers.find((r) => !r.ok())
  expect(((await loser?.json()) as { code: string }).code).toBe('ORDERPAID')

  const state = await gateway.state()
  expect(state.payments.filter((p) => p.status === 'SUCCESS')).toHaveLength(1)
  const friendSpent =
    (before.wallets.friend?.wechatBalanceFen ?? 0) - (state.wallets.friend?.wechatBalanceFen ?? 0)
  const shopperSpent =
    (before.wallets.shopper?.wechatBalanceFen ?? 0) - (state.wallets.shopper?.wechatBalanceFen ?? 0)
  expect(friendSpent + shopperSpent).toBe(totalFen)
  expect([friendSpent, shopperSpent]).toContain(0)

  // Both phones follow: the shopper's order is paid; the friend's page says why it cannot pay (or that it paid).
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  await expect(friendPage.confirm).toHaveCount(0)
  await expect(friendPage.ended).toContainText(viaLink.ok() ? '已帮付' : '订单已付款')
})
