import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test, type Gateway, type Phones, type SimPhone } from './fixtures.ts'
import { FriendPayPage, FriendShare } from './pages/friend-pay.ts'
import { OrdersPage } from './pages/orders-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { SimPanel } from './pages/sim-panel.ts'
import { UnionPaySheet } from './pages/unionpay.ts'
import { Phone, ScanCodePanel, WeChat } from './pages/wechat.ts'

test.describe.configure({ timeout: 60_000 })
test.use({ reducedMotion: 'reduce' })

/** One rule's violation as axe reports it. */
type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

interface Reach {
  phone: SimPhone
  phones: Phones
  gateway: Gateway
}

/** Each main screen, reached through the UI; answers the page to check (the test's own, or another phone's). */
const SCREENS: { name: string; reach: (at: Reach) => Promise<Page | undefined> }[] = [
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
      await expect(phone.page.getByTestId('order-row')).toHaveCount(1)
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
      await jumpToWechat(phone)
    },
  },
  {
    name: 'WeChat pay password',
    reach: async ({ phone }) => {
      const wechat = await jumpToWechat(phone)
      await wechat.confirm.click()
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
      await friend.open(`/wechat${path}`)
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
      await expect(shopper.getByTestId('submit-order')).toBeEnabled()
      await expect(friend.locator('body')).not.toBeEmpty()
      return desk.page
    },
  },
]

for (const screen of SCREENS) {
  test(`a11y: ${screen.name}`, async ({ phone, phones, gateway }, testInfo) => {
    const page = (await screen.reach({ phone, phones, gateway })) ?? phone.page
    await expectNoSeriousViolations(page, screen.name, testInfo)
  })
}

function launch(phone: SimPhone): SimPhone {
  return phone.with({ era: 'launch' })
}

async function paidOrder(phone: SimPhone) {
  await (await phone.checkout()).pay('alipay-balance')
  await expect(new ResultPage(phone.page).result).toHaveAttribute('data-status', 'success')
}

/** Launch era: 微信支付 jumps to WeChat's pay sheet on the same phone. */
async function jumpToWechat(phone: SimPhone): Promise<WeChat> {
  await (await launch(phone).checkout()).choose('wechat')
  const wechat = new WeChat(phone.page)
  await expect(wechat.confirm).toBeEnabled()
  return wechat
}

async function openWechatTab(phone: SimPhone, tab: RegExp) {
  await phone.orderPage()
  await new Phone(phone.page).switchTo('wechat')
  await phone.page.getByRole('button', { name: tab }).click()
}

async function friendLink(phone: SimPhone): Promise<string> {
  await (await phone.checkout()).choose('friend-pay')
  return new FriendShare(phone.page).createLink()
}

async function friendOpens(phone: SimPhone, phones: Phones): Promise<FriendPayPage> {
  const path = await friendLink(phone)
  const friend = await phones.open({ persona: 'friend', device: 'a11y-friend' })
  await friend.open(path)
  const friendPage = new FriendPayPage(friend.page)
  await expect(friendPage.status).toHaveAttribute('data-status', 'OPEN')
  return friendPage
}

/** Runs axe once the screen has stopped moving; fails on serious or critical, reports every impact. */
async function expectNoSeriousViolations(page: Page, screen: string, testInfo: TestInfo) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  )
  // Best-practice rules are reported, never failed on: the bar is WCAG 2.1 A/AA.
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze()
  const isWcag = (v: Result) => v.tags.some((tag) => WCAG_TAGS.includes(tag))
  const violations = results.violations.filter(isWcag)
  const advisory = results.violations.filter((v) => !isWcag(v))
  const summary = {
    screen,
    wcag: countByImpact(violations),
    bestPractice: countByImpact(advisory),
    violations: violations.map(describe),
    advisory: advisory.map(describe),
  }
  console.log(
    `[axe] ${screen} → wcag ${JSON.stringify(summary.wcag)}, best-practice ${JSON.stringify(summary.bestPractice)}` +
      [...summary.violations, ...summary.advisory.map((d) => `(bp) ${d}`)]
        .map((d) => `\n  ${d}`)
        .join(''),
  )
  await testInfo.attach('axe', {
    body: JSON.stringify(summary, null, 2),
    contentType: 'application/json',
  })
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    blocking.map(describe),
    `serious/critical axe violations on ${screen}:\n${summary.violations.join('\n')}`,
  ).toEqual([])
}

/** Rules violated, by impact (a rule counts once however many elements break it). */
function countByImpact(
  violations: Result[],
): Record<'critical' | 'serious' | 'moderate' | 'minor', number> {
  const count = (impact: string) => violations.filter((v) => v.impact === impact).length
  return {
    critical: count('critical'),
    serious: count('serious'),
    moderate: count('moderate'),
    minor: count('minor'),
  }
}

/** "serious color-contrast: .a, .b" — the rule and where it breaks. */
function describe(v: Result): string {
  return `${v.impact ?? '?'} ${v.id}: ${v.nodes.map((n) => n.target.join(' >> ')).join(', ')}`
}
