// The details a Taobao user notices (issue 23): each on screen, on a phone viewport, with axe where the
// screen changed.
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { expectAxeClean } from './pages/example-shop.ts'
import { FriendPayPage, FriendShare } from './pages/friend-pay.ts'
import { jumpToWechat } from './pages/journeys.ts'
import { Phone } from './pages/wechat.ts'

test.describe.configure({ timeout: seconds(60) })

test('the order note is a multi-line field with a 0/200 counter, capped at 200', async ({
  phone,
}) => {
  await phone.orderPage()
  const note = phone.page.getByTestId('order-note')
  await expect(note).toHaveJSProperty('tagName', 'TEXTAREA')
  await expect(phone.page.getByTestId('order-note-count')).toContainText('0/200')
  await note.fill('请放门口\n谢谢')
  await expect(phone.page.getByTestId('order-note-count')).toContainText('7/200')
  await note.fill('长'.repeat(250))
  await expect(note).toHaveValue('长'.repeat(200))
  await expect(phone.page.getByTestId('order-note-count')).toContainText('200/200')
  await expectAxeClean(phone.page)
})

test('the address sheet adds an address: checked, saved in the world, selected, listed after', async ({
  phone,
  gateway,
}) => {
  const orderPage = await phone.orderPage()
  const { page } = phone
  await orderPage.addressCard.click()
  await page.getByTestId('address-add').click()
  const form = page.getByTestId('address-form')
  await form.getByLabel('收货人').fill('赵敏')
  await form.getByLabel('手机号').fill('12345678901')
  await form.getByLabel('所在地区').fill('广东省 深圳市 南山区')
  await form.getByLabel('详细地址').fill('科技园南区 1 栋 101')
  await page.getByTestId('address-form-save').click()
  await expect(form.getByLabel('手机号')).toHaveAttribute('aria-invalid', 'true')
  await expect(form).toContainText('请输入正确的11位手机号')
  await expectAxeClean(page)
  await form.getByLabel('手机号').fill('13912345678')
  await page.getByTestId('address-form-save').click()
  await expect(form).toBeHidden()
  await expect(orderPage.addressCard).toContainText('赵敏')
  await expect(orderPage.addressCard).toContainText('139****5678')
  // The world's book has it: a reload (the catalog asked again) lists it, still chosen.
  await page.reload()
  await expect(orderPage.addressCard).toContainText('赵敏')
  await orderPage.addressCard.click()
  await expect(page.getByRole('radio', { name: /赵敏/ })).toHaveAttribute('aria-checked', 'true')
  expect((await gateway.state()).orders).toHaveLength(0)
})

test('找朋友帮忙付 has Taobao’s own icon, and the message draft survives a reload until sent', async ({
  phone,
}) => {
  const cashier = await phone.with({ device: 'draft' }).checkout()
  const mark = cashier.method('friend-pay').locator('svg.brand-icon rect').first()
  await expect(mark).toHaveAttribute('fill', '#ff5000')
  await cashier.choose('friend-pay')
  const share = new FriendShare(phone.page)
  await share.message.fill('帮我付一下这个，谢谢！')
  await phone.page.reload()
  // The cashier reopens on its methods (no request yet): 找朋友帮忙付 again finds the draft.
  await cashier.choose('friend-pay')
  await expect(share.message).toHaveValue('帮我付一下这个，谢谢！')
  await share.create.click()
  await expect(share.link).toBeVisible()
  // Sent: the draft is gone from the phone's session storage.
  const drafts = () =>
    phone.page.evaluate(() =>
      Object.keys(sessionStorage).filter((key) => key.includes('friend-draft')),
    )
  await expect.poll(drafts).toEqual([])
})

test('the screenshot toast stays in the app that took it', async ({ phone }) => {
  await phone.orderPage()
  const shot = phone.page.getByTestId('phone-shot')
  await new Phone(phone.page).screenshot()
  await new Phone(phone.page).switchTo('wechat')
  await expect(phone.page).toHaveURL(/\/wechat/)
  await expect(shot).toHaveCount(0)
  await new Phone(phone.page).switchTo('taobao')
  await expect(shot).toHaveCount(0)
})

test('the password pads show the amount and the method above the boxes', async ({ phone }) => {
  const cashier = await phone.checkout()
  const total = await cashier.amount.innerText()
  await cashier.choose('alipay-balance')
  await expect(cashier.pinPad.getByTestId('pin-amount')).toHaveText(total.replace(/\s/g, ''))
  await expect(cashier.pinPad.getByTestId('pin-method')).toHaveText('账户余额')
  await expectAxeClean(phone.page)
  await cashier.backToMethods()
  await cashier.choose('alipay-card')
  await expect(cashier.pinPad.getByTestId('pin-method')).toHaveText(/储蓄卡\(\d{4}\)|\(\d{4}\)/)
  await cashier.backToMethods()
  await cashier.method('huabei').click()
  await cashier.huabeiPlan(3).click()
  await cashier.confirm.click()
  await expect(cashier.pinPad.getByTestId('pin-method')).toHaveText('花呗分3期')
})

test('Huabei says which items are 免息 and how the fee is counted', async ({ phone }) => {
  const cashier = await phone.checkout()
  await cashier.method('huabei').click()
  await cashier.huabeiPlan(3).click()
  // The seeded tea's seller pays the fee (免息); the mugs and T-shirts carry the buyer's 2.5 %.
  const free = phone.page.getByTestId('huabei-free-items')
  await expect(free).toContainText('免息')
  await expect(free).toContainText('西湖龙井')
  await expect(phone.page.getByTestId('huabei-fee-basis')).toContainText(
    /^手续费按 ¥[\d,.]+ 的 2\.5% 计，免息商品 ¥[\d,.]+ 不收手续费$/,
  )
  await cashier.huabeiPlan(12).click()
  await expect(phone.page.getByTestId('huabei-fee-basis')).toContainText('8.8%')
  await expectAxeClean(phone.page)
})

test('the WeChat jump opens straight on the password sheet, with amount and method', async ({
  phone,
}) => {
  const wechat = await jumpToWechat(phone)
  await expect(wechat.pinPad).toContainText(/零钱|Balance/)
  await expect(wechat.pinPad).toContainText(/¥/)
  await expectAxeClean(phone.page)
  await wechat.enterPassword('123456')
  await expect(wechat.success).toBeVisible()
})

test('English is complete: WeChat words the goods in English, not "等5件"', async ({ phone }) => {
  const wechat = await jumpToWechat(phone.with({ lang: 'en', device: 'english' }))
  await wechat.closePin()
  const desc = phone.page.locator('.wx-pay__desc')
  await expect(desc).toContainText(/and \d+ more|^[^等]+$/)
  await expect(desc).not.toContainText('等')
  await expect(phone.page.getByTestId('wechat-pay-amount')).toBeVisible()
})

for (const size of [
  { width: 390, height: 844 },
  { width: 360, height: 740 },
]) {
  test(`the friend’s keypad is a bottom sheet that fits ${size.width}×${size.height}`, async ({
    phone,
    phones,
  }) => {
    await (await phone.checkout()).choose('friend-pay')
    const path = await new FriendShare(phone.page).createLink()
    const friend = await phones.open({ persona: 'friend', device: `sheet-${size.width}` })
    await friend.page.setViewportSize(size)
    await friend.open(path)
    const page = new FriendPayPage(friend.page)
    await expect(page.status).toHaveAttribute('data-status', 'OPEN')
    await page.confirm.click()
    const sheet = friend.page.getByRole('dialog', { name: /请输入支付密码|Enter/ })
    await expect(sheet).toBeVisible()
    await expect(sheet.getByTestId('pin-amount')).toContainText('¥')
    const pad = sheet.getByTestId('pin-pad')
    for (const key of ['1', '0']) {
      await expect(pad.getByRole('button', { name: key, exact: true })).toBeInViewport({ ratio: 1 })
    }
    await expectAxeClean(friend.page)
    await friend.page.keyboard.press('Escape')
    await expect(sheet).toBeHidden()
    await page.pay()
    await expect(page.status).toHaveAttribute('data-status', 'PAID')
  })
}
