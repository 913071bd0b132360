import type { Page } from '@playwright/test'
import type { PersonaId } from '../src/contract/sim.ts'
import { expect, test, type SimPhone } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { untilStill } from './pages/motion.ts'
import { ResultPage } from './pages/result-page.ts'
import { WeChat } from './pages/wechat.ts'
import { payCodePath, paySheetOf } from '../src/contract/paths.ts'
import { at } from './pages/at.ts'

test.describe.configure({ timeout: seconds(60) })

/** The order page in era launch (微信支付 is a normal method), as `persona`, on its own phone. */
async function openLaunch(phone: SimPhone, persona: PersonaId, device: string) {
  const orderPage = await phone.with({ persona, era: 'launch', device }).orderPage()
  const totalFen = await orderPage.totalFen()
  await orderPage.submit.click()
  await expect(new Cashier(phone.page).sheet).toBeVisible()
  return totalFen
}

const returnDialog = (page: Page) => page.getByTestId('wechat-return')

test('微信支付 jumps to WeChat on the same phone, pays, and Taobao asks the server', async ({
  page,
  phone,
  gateway,
}) => {
  const totalFen = await openLaunch(phone, 'shopper', 'jump-paid')
  await new Cashier(page).choose('wechat')
  await expect(page.getByTestId('wechat-jump')).toContainText(/正在打开微信|Opening WeChat/)
  await expect(page).toHaveURL((url) => {
    const { token } = paySheetOf(url.search)
    return /^(w[\w-]{22}\.)?[\w-]+$/.test(token) && at(payCodePath(token, 'taobao'))(url)
  })

  const wechat = new WeChat(page)
  expect(await wechat.amountFen()).toBe(totalFen)
  await wechat.pay()
  await wechat.done()

  // Back in Taobao's cashier: "已完成支付？", and the merchant's answer decides.
  await expect(page).toHaveURL(/\/\?pay=/)
  await expect(returnDialog(page)).toContainText(/已完成支付？|Payment completed\?/)
  await returnDialog(page)
    .getByRole('button', { name: /^(已完成支付|I have paid)$/ })
    .click()
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  const state = await gateway.state()
  expect(state.checkouts[0]?.status).toBe('PAID')
  expect(state.payments[0]).toMatchObject({
    channel: 'wechat',
    status: 'SUCCESS',
    payer: 'shopper',
  })
})

test('a cancelled jump comes back unpaid: claiming "paid" does not make it so', async ({
  page,
  phone,
  gateway,
}) => {
  await openLaunch(phone, 'shopper', 'jump-cancel')
  const cashier = new Cashier(page)
  await cashier.choose('wechat')
  const wechat = new WeChat(page)
  // WeChat opens straight on its password sheet, as the real one does after an app's jump.
  await expect(wechat.pinPad).toBeVisible()
  await wechat.closePin()
  await wechat.closeSheet()

  await expect(returnDialog(page)).toBeVisible()
  await returnDialog(page)
    .getByRole('button', { name: /^(已完成支付|I have paid)$/ })
    .click()
  await expect(cashier.error).toContainText(/暂未查询到支付结果|No payment found/)
  await expect(returnDialog(page)).toBeHidden()
  await expect(cashier.method('wechat')).toBeVisible()
  const state = await gateway.state()
  expect(state.checkouts[0]?.status).toBe('PENDING_PAYMENT')
  expect(state.payments.some((p) => p.status === 'SUCCESS')).toBe(false)

  // Tapping 微信支付 again and paying this time works.
  await cashier.choose('wechat')
  await wechat.pay()
  await wechat.done()
  await returnDialog(page)
    .getByRole('button', { name: /^(支付遇到问题|I had a problem)$/ })
    .click()
  // Even "I had a problem" is checked with the server, which knows it was paid.
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
})

test('an old Taobao is told to update instead of jumping', async ({ page, phone, gateway }) => {
  await openLaunch(phone, 'old_app', 'jump-old')
  const cashier = new Cashier(page)
  await expect(cashier.method('wechat')).toHaveAttribute('aria-disabled', 'true')
  // aria-disabled keeps Playwright from tapping it; a shopper's finger is not stopped. A forced tap skips
  // Playwright's stability check, so the sheet must have finished sliding up first.
  await untilStill(cashier.method('wechat'))
  await cashier.method('wechat').click({ force: true })
  const notice = page.getByTestId('update-app-notice')
  await expect(notice).toContainText(/请将淘宝升级到最新版本以使用微信支付|Update Taobao/)
  await notice.getByRole('button', { name: /^(暂不升级|Not now)$/ }).click()
  await expect(notice).toBeHidden()
  await expect(page).not.toHaveURL(/\/wechat/)
  expect((await gateway.state()).payments).toHaveLength(0)
})
