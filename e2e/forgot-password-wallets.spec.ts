// 忘记密码？ in the wallets' own apps, as in Taobao's cashier (lockout.spec.ts): five wrong passwords lock
// the pad, which says until when; 忘记密码？ opens a reset that says it is simulated; after 确认重置 the pad
// takes digits again and the right password pays. WeChat's sheet (a Taobao order, jumped to) and the
// 支付宝 app's sheet of a scanned code (the example shop's precreate QR).
import type { Locator } from '@playwright/test'
import { expect, test, type SimPhone } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { AlipayApp } from './pages/alipay-app.ts'
import { Cashier } from './pages/cashier.ts'
import { expectAxeClean, shopTest } from './pages/example-shop.ts'
import { PasswordReset } from './pages/lockout.ts'
import { WeChat } from './pages/wechat.ts'

// Five wrong passwords, a lock, a reset: many steps, on a runner that may be shared.
test.describe.configure({ timeout: seconds(60) })

const LOCKED_ZH = /付款已锁定至 \d{2}:\d{2}/
const LOCKED_EN = /locked until \d{2}:\d{2}/

/** Every digit of `pad` is disabled (a locked pad), or every one enabled. */
async function expectDigits(pad: Locator, state: 'disabled' | 'enabled') {
  for (const digit of '0123456789') {
    const key = pad.getByRole('button', { name: digit, exact: true })
    if (state === 'disabled') await expect(key).toBeDisabled()
    else await expect(key).toBeEnabled()
  }
}

/** A Taobao order in era launch, 微信支付: WeChat's sheet on the same phone. */
async function wechatSheet(phone: SimPhone): Promise<WeChat> {
  const orderPage = await phone.orderPage()
  await orderPage.submit.click()
  const cashier = new Cashier(phone.page)
  await expect(cashier.sheet).toBeVisible()
  await cashier.choose('wechat')
  const wechat = new WeChat(phone.page)
  // The jump opens straight on WeChat's password sheet.
  await expect(wechat.pinPad).toBeVisible()
  return wechat
}

/** Four wrong passwords (WeChat's dialog after each, 重试) and the fifth, which locks. */
async function lockWechat(wechat: WeChat, retry: RegExp) {
  const { page } = wechat
  const dialog = page.getByTestId('wechat-pay-error')
  for (let i = 0; i < 4; i++) {
    await wechat.enterPassword('000000')
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: retry }).click()
    await expect(dialog).toBeHidden()
  }
  await wechat.enterPassword('000000')
}

test('WeChat: five wrong passwords lock the pad until a time; 忘记密码？ resets it, and the same pad pays', async ({
  phone,
  gateway,
}) => {
  const { page } = phone
  const wechat = await wechatSheet(phone.with({ era: 'launch', device: 'forgot-wechat' }))
  await lockWechat(wechat, /^重试$/)

  // Locked: the pad stays, says until when, and takes no digit (typed ones neither).
  await expect(wechat.pinPad.getByTestId('pay-error')).toContainText(LOCKED_ZH)
  await expect(page.getByTestId('wechat-pay-error')).toBeHidden()
  await expectDigits(wechat.pinPad, 'disabled')
  await page.keyboard.type('123456')
  await expect(wechat.success).toBeHidden()
  await expectAxeClean(page)

  // Closed and opened again, it is still locked.
  await wechat.pinPad.getByRole('button', { name: '关闭' }).click()
  await expect(wechat.pinPad).toBeHidden()
  await wechat.confirm.click()
  await expect(wechat.pinPad.getByTestId('pay-error')).toContainText(LOCKED_ZH)
  await expectDigits(wechat.pinPad, 'disabled')

  // 忘记密码？: a reset that says it is simulated; 取消 leaves the lock as it was.
  const reset = new PasswordReset(page)
  await wechat.pinPad.getByTestId('pin-forgot').click()
  await expect(reset.dialog).toContainText('模拟重置')
  await expect(reset.dialog).toContainText('微信支付')
  await expectAxeClean(page)
  await reset.dialog.getByRole('button', { name: '取消' }).click()
  await expect(reset.dialog).toBeHidden()
  await expect(wechat.pinPad.getByTestId('pay-error')).toContainText(LOCKED_ZH)
  await expectDigits(wechat.pinPad, 'disabled')

  // 确认重置: the pad takes digits again, says it was reset, and the right password pays.
  await reset.resetFrom(wechat.pinPad)
  await expect(wechat.pinPad.getByTestId('pay-error')).toBeHidden()
  await expect(wechat.pinPad).toContainText('支付密码已重置')
  await expectDigits(wechat.pinPad, 'enabled')
  await wechat.enterPassword('123456')
  await expect(wechat.success).toBeVisible()
  const state = await gateway.state()
  expect(state.payments[0]).toMatchObject({ channel: 'wechat', status: 'SUCCESS' })
})

test.describe('in English', () => {
  test('WeChat: the wrong-password dialog’s Forgot password opens the same reset', async ({
    phone,
  }) => {
    const en = phone.with({ era: 'launch', device: 'forgot-wechat-en', lang: 'en' })
    const { page } = en
    const wechat = await wechatSheet(en)
    await lockWechat(wechat, /^Retry$/)
    await expect(wechat.pinPad.getByTestId('pay-error')).toContainText(LOCKED_EN)
    await expectDigits(wechat.pinPad, 'disabled')

    const reset = new PasswordReset(page)
    await wechat.pinPad.getByTestId('pin-forgot').click()
    await expect(reset.dialog).toContainText('Simulated reset')
    await expect(reset.dialog).toContainText('WeChat Pay')
    await expectAxeClean(page)
    await reset.confirm.click()
    await expect(reset.dialog).toBeHidden()
    await expectDigits(wechat.pinPad, 'enabled')
    await expect(wechat.pinPad).toContainText('Payment password reset')

    // A wrong password now: WeChat's dialog. Escape there is Retry (the safe answer), not Forgot password.
    await wechat.enterPassword('000000')
    const dialog = page.getByTestId('wechat-pay-error')
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(reset.dialog).toBeHidden()
    await expect(wechat.pinPad).toBeVisible()
    // Another: its Forgot password opens the reset in the dialog's place.
    await wechat.enterPassword('000000')
    await expect(dialog).toBeVisible()
    await dialog.getByRole('button', { name: 'Forgot password' }).click()
    await expect(dialog).toBeHidden()
    await expect(reset.dialog).toContainText('Simulated reset')
    await reset.confirm.click()
    await expect(reset.dialog).toBeHidden()
    await wechat.enterPassword('123456')
    await expect(wechat.success).toBeVisible()
  })
})

shopTest(
  '支付宝 app: five wrong passwords lock the pad until a time; 忘记密码？ resets it, and the code pays',
  async ({ phone, page, shop, gateway }) => {
    const before = await gateway.wallet('shopper')
    const shopPage = await page.context().newPage()
    await shopPage.goto(`${shop}/?qr=alipay`)
    const qr = shopPage.getByTestId('alipay-qr')
    await expect(qr.locator('svg')).toBeVisible()
    const png = await qr.screenshot()

    await phone.open('/alipay')
    const alipay = new AlipayApp(page)
    await expect(alipay.home).toBeVisible()
    await alipay.openAlbum()
    await alipay.importPhoto(png)
    await alipay.scanNewest()
    await expect(alipay.paySheet).toHaveAttribute('data-product', 'QR')

    await alipay.confirm.click()
    for (let left = 4; left >= 1; left--) {
      await alipay.enterPassword('000000')
      await expect(alipay.pinPad.getByTestId('pay-error')).toContainText(String(left))
    }
    await alipay.enterPassword('000000')
    await expect(alipay.pinPad).toHaveAttribute('data-locked', 'true')
    await expect(alipay.pinPad.getByTestId('pay-error')).toContainText(LOCKED_ZH)
    await expectDigits(alipay.pinPad, 'disabled')
    await expectAxeClean(page)

    const reset = new PasswordReset(page)
    await alipay.pinPad.getByTestId('pin-forgot').click()
    await expect(reset.dialog).toContainText('模拟重置')
    await expect(reset.dialog).toContainText('支付宝')
    await expectAxeClean(page)
    await reset.confirm.click()
    await expect(reset.dialog).toBeHidden()
    await expect(page.getByRole('status')).toContainText('支付密码已重置')

    // 立即付款 again: a live pad, and the right password pays.
    await alipay.confirm.click()
    await expect(alipay.pinPad).not.toHaveAttribute('data-locked', 'true')
    await expectDigits(alipay.pinPad, 'enabled')
    await alipay.enterPassword('123456')
    await expect(alipay.success).toBeVisible()
    await expect(shopPage.getByTestId('order-status')).toHaveAttribute('data-status', 'paid')
    expect((await gateway.wallet('shopper')).alipayBalanceFen).toBe(before.alipayBalanceFen - 5900)
  },
)
