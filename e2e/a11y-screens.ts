// The main screens the accessibility spec checks (a11y.spec.ts), each reached through the UI.
import { expect, type Page } from '@playwright/test'
import { seconds } from './timeouts.ts'
import type { Gateway, Phones, SimPhone } from './fixtures.ts'
import { FriendPayPage, FriendShare } from './pages/friend-pay.ts'
import { OrdersPage } from './pages/orders-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { SimPanel } from './pages/sim-panel.ts'
import { UnionPaySheet } from './pages/unionpay.ts'
import { Phone, ScanCodePanel, WeChat } from './pages/wechat.ts'
import { friendLinkInWechat, friendLinkToken } from '../src/contract/paths.ts'
import {
  friendLink,
  friendOpens,
  jumpToWechat,
  launch,
  openWechatTab,
  paidOrder,
} from './pages/journeys.ts'

export interface Reach {
  phone: SimPhone
  phones: Phones
  gateway: Gateway
}

/** Each main screen, reached through the UI; answers the page to check (the test's own, or another phone's). */
export const SCREENS: { name: string; reach: (at: Reach) => Promise<Page | undefined> }[] = [
  { name: 'order page /', reach: async ({ phone }) => void (await phone.orderPage()) },
  {
    name: 'address sheet',
    reach: async ({ phone }) => {
      const orderPage = await phone.orderPage()
      await orderPage.addressCard.click()
      await expect(phone.page.getByRole('dialog')).toBeVisible()
    },
  },
  {
    name: 'cashier (beta era, 微信扫码支付)',
    reach: async ({ phone }) => {
      const cashier = await phone.checkout()
      await expect(cashier.method('wechat-scan')).toBeVisible()
    },
  },
  {
    name: 'cashier (launch era, 微信支付)',
    reach: async ({ phone }) => {
      const cashier = await launch(phone).checkout()
      await expect(cashier.method('wechat')).toBeVisible()
    },
  },
  {
    name: 'Huabei plans',
    reach: async ({ phone }) => {
      const cashier = await phone.checkout()
      await cashier.method('huabei').click()
      await expect(cashier.huabeiPlan(3)).toBeVisible()
    },
  },
  {
    name: 'password step',
    reach: async ({ phone }) => {
      const cashier = await phone.checkout()
      await cashier.choose('alipay-balance')
      await expect(cashier.pinPad).toBeVisible()
    },
  },
  {
    name: 'scan-code QR panel',
    reach: async ({ phone }) => {
      await new ScanCodePanel(phone.page).showFrom(await phone.checkout())
    },
  },
  {
    name: 'UnionPay sheet',
    reach: async ({ phone }) => {
      await (await phone.checkout()).choose('unionpay')
      await expect(new UnionPaySheet(phone.page).sheet).toBeVisible()
    },
  },
  {
    name: 'UnionPay password',
    reach: async ({ phone }) => {
      await (await phone.checkout()).choose('unionpay')
      const unionpay = new UnionPaySheet(phone.page)
      await unionpay.pay.click()
      await expect(unionpay.pinPad).toBeVisible()
    },
  },
  {
    name: 'retention dialog',
    reach: async ({ phone }) => {
      const cashier = await phone.checkout()
      await cashier.close.click()
      await expect(cashier.retainDialog).toBeVisible()
    },
  },
  {
    name: 'result page (success)',
    reach: async ({ phone }) => {
      await (await phone.checkout()).pay('alipay-balance')
      await expect(new ResultPage(phone.page).result).toHaveAttribute('data-status', 'success')
    },
  },
  {
    name: '/orders',
    reach: async ({ phone }) => {
      await paidOrder(phone)
      await new OrdersPage(phone.page).open()
      // The seeded cart: an order per shop.
      await expect(phone.page.getByTestId('order-row')).toHaveCount(2)
    },
  },
  {
    name: '/orders/:id',
    reach: async ({ phone }) => {
      await paidOrder(phone)
      const orders = new OrdersPage(phone.page)
      await orders.open()
      await orders.rows.first().click()
      await expect(phone.page).toHaveURL(/\/orders\/[^/?]+/)
      // The details, not the list still on screen: one row.
      await expect(phone.page.getByTestId('order-row')).toHaveCount(1)
      await expect(phone.page.getByRole('heading').first()).toBeVisible()
    },
  },
  {
    name: 'WeChat chats list',
    reach: async ({ phone }) => {
      await phone.orderPage()
      await new Phone(phone.page).switchTo('wechat')
      await expect(phone.page).toHaveURL(/\/wechat$/)
    },
  },
  {
    name: 'WeChat chat',
    reach: async ({ phone }) => {
      await phone.orderPage()
      await new Phone(phone.page).switchTo('wechat')
      await new WeChat(phone.page).openChat(/文件传输助手|File Transfer/)
      await expect(phone.page).toHaveURL(/\/wechat\/chat\/filehelper$/)
    },
  },
  {
    name: 'WeChat 扫一扫',
    reach: async ({ phone }) => {
      await phone.orderPage()
      await new Phone(phone.page).switchTo('wechat')
      await new WeChat(phone.page).openScan()
      await expect(phone.page.getByRole('heading', { name: /^(扫一扫|Scan)$/ })).toBeVisible()
    },
  },
  {
    name: 'WeChat album picker',
    reach: async ({ phone }) => {
      await new ScanCodePanel(phone.page).screenshotFrom(await phone.checkout())
      await new Phone(phone.page).switchTo('wechat')
      await new WeChat(phone.page).openScan()
      await phone.page.getByRole('button', { name: /^(相册|Album)$/ }).click()
      await expect(phone.page.getByRole('dialog', { name: /图片和视频|Photos/ })).toBeVisible()
    },
  },
  {
    name: 'WeChat pay sheet',
    reach: async ({ phone }) => {
      // A jump opens on the password: closed, the sheet under it.
      await (await jumpToWechat(phone)).closePin()
    },
  },
  {
    name: 'WeChat pay password',
    reach: async ({ phone }) => {
      const wechat = await jumpToWechat(phone)
      await expect(wechat.pinPad).toBeVisible()
    },
  },
  {
    name: 'WeChat 支付成功',
    reach: async ({ phone }) => {
      await (await jumpToWechat(phone)).pay()
    },
  },
  {
    name: 'Taobao 已完成支付？ after the jump',
    reach: async ({ phone }) => {
      const wechat = await jumpToWechat(phone)
      await wechat.pay()
      await wechat.done()
      await expect(phone.page.getByTestId('wechat-return')).toBeVisible()
    },
  },
  {
    name: 'WeChat 我',
    reach: async ({ phone }) => {
      await openWechatTab(phone, /^(我|Me)$/)
    },
  },
  {
    name: 'WeChat 钱包',
    reach: async ({ phone }) => {
      await openWechatTab(phone, /^(我|Me)$/)
      await phone.page.getByRole('button', { name: /^(服务|Services)$/ }).click()
      await phone.page.getByRole('button', { name: /^(钱包|Wallet)/ }).click()
      await expect(
        phone.page.getByRole('button', { name: /^(账单|Transactions)$/ }).first(),
      ).toBeVisible()
    },
  },
  {
    name: 'WeChat 账单详情 (a bill)',
    reach: async ({ phone }) => {
      const wechat = await jumpToWechat(phone)
      await wechat.pay()
      await wechat.done()
      await new Phone(phone.page).switchTo('wechat')
      await wechat.openBills()
      await phone.page.getByTestId('wechat-bill').click()
      await expect(phone.page.getByTestId('wechat-voucher')).toBeVisible()
    },
  },
  {
    name: 'friend-pay share sheet',
    reach: async ({ phone }) => {
      await (await phone.checkout()).choose('friend-pay')
      await expect(new FriendShare(phone.page).create).toBeVisible()
    },
  },
  {
    name: 'friend-pay waiting view',
    reach: async ({ phone }) => {
      await friendLink(phone)
    },
  },
  {
    name: "friend's page (open)",
    reach: async ({ phone, phones }) => {
      const friend = await friendOpens(phone, phones)
      await expect(friend.confirm).toBeVisible()
      return friend.page
    },
  },
  {
    name: "friend's page (paid)",
    reach: async ({ phone, phones }) => {
      const friend = await friendOpens(phone, phones)
      await friend.pay()
      await expect(friend.status).toHaveAttribute('data-status', 'PAID')
      return friend.page
    },
  },
  {
    name: "friend's page (ended)",
    reach: async ({ phone, phones }) => {
      const friend = await friendOpens(phone, phones)
      await new FriendShare(phone.page).cancel.click()
      await expect(friend.ended).toBeVisible()
      return friend.page
    },
  },
  {
    name: "friend's page in WeChat (WeChat Pay)",
    reach: async ({ phone, phones }) => {
      const path = await friendLink(phone)
      const friend = await phones.open({ persona: 'friend', device: 'a11y-friend' })
      await friend.open(friendLinkInWechat(friendLinkToken(path) ?? ''))
      await expect(new FriendPayPage(friend.page).confirm).toBeVisible()
      return friend.page
    },
  },
  {
    name: 'simulator panel',
    reach: async ({ phone }) => {
      await phone.orderPage()
      await new SimPanel(phone.page).open()
    },
  },
  {
    name: '/stage (desktop)',
    reach: async ({ phones }) => {
      const desk = await phones.open({ screen: 'desktop' })
      await desk.page.goto('/stage')
      const shopper = desk.page.frameLocator('[data-testid="stage-shopper"]')
      const friend = desk.page.frameLocator('[data-testid="stage-friend"]')
      await expect(shopper.getByTestId('submit-order')).toBeEnabled({ timeout: seconds(15) })
      await expect(friend.locator('body')).not.toBeEmpty()
      return desk.page
    },
  },
]
