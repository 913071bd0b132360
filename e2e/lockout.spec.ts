import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { expectAxeClean } from './pages/example-shop.ts'
import { ALIPAY_REALM, lockOut, PasswordReset } from './pages/lockout.ts'
import { ResultPage } from './pages/result-page.ts'

// Five wrong passwords, a lock, a reset: many steps, on a runner that may be shared.
test.describe.configure({ timeout: seconds(60) })

const TIME = /\d{2}:\d{2}/

test('the 5th wrong password stops the pad and says until when; the list locks at once; 忘记密码？ unlocks', async ({
  phone,
  gateway,
}) => {
  const { page } = phone
  const cashier = await phone.checkout()
  await lockOut(cashier)

  // The pad takes no more digits, and says until when (the gateway's lock: three hours on).
  await expect(cashier.error).toContainText(/付款已锁定至 \d{2}:\d{2}/)
  const until = (await cashier.error.innerText()).match(TIME)?.[0] ?? ''
  for (const digit of '0123456789') {
    await expect(cashier.pinPad.getByRole('button', { name: digit, exact: true })).toBeDisabled()
  }
  await page.keyboard.type('123456')
  await expect(cashier.pinPad).toHaveAttribute('data-locked', 'true')
  expect((await gateway.state()).payments.some((p) => p.status === 'SUCCESS')).toBe(false)
  await expect(cashier.pinPad.getByTestId('pin-forgot')).toBeVisible()
  await expectAxeClean(page)

  // Back on the list, at once: every Alipay method reads 已锁定 with the time, none ticked, none payable.
  await cashier.backToMethods()
  for (const id of ALIPAY_REALM) {
    await expect(cashier.method(id)).toContainText(`已锁定，${until} 后可用`)
    await expect(cashier.method(id)).toHaveAttribute('aria-disabled', 'true')
    await expect(cashier.method(id)).toHaveAttribute('aria-checked', 'false')
  }
  await expect(cashier.confirm).toBeDisabled()
  // A tap on a locked row (aria-disabled, so dispatched) ticks nothing.
  await cashier.method('alipay-balance').dispatchEvent('click')
  await expect(cashier.method('alipay-balance')).toHaveAttribute('aria-checked', 'false')
  await expect(cashier.confirm).toBeDisabled()
  const reset = new PasswordReset(page)
  await expect(reset.lockNote).toContainText(until)
  await expectAxeClean(page)

  // 忘记密码？: a reset that says it is simulated, and after 确认重置 the balance pays again.
  await reset.lockNote.getByTestId('pin-forgot').click()
  await expect(reset.dialog).toContainText('模拟重置')
  await expectAxeClean(page)
  await reset.confirm.click()
  await expect(reset.dialog).toBeHidden()
  await expect(cashier.method('alipay-balance')).not.toHaveAttribute('aria-disabled', 'true')
  await expect(reset.lockNote).toBeHidden()
  await cashier.pay('alipay-balance')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
})

test.describe('in English', () => {
  test('忘记密码？ on the locked pad itself: Forgot password? resets, and the same pad pays', async ({
    phone,
  }) => {
    const en = phone.with({ lang: 'en' })
    const { page } = en
    const cashier = await en.checkout()
    await lockOut(cashier, 'huabei')
    await expect(cashier.error).toContainText(/locked until \d{2}:\d{2}/)
    const reset = new PasswordReset(page)
    await cashier.pinPad.getByTestId('pin-forgot').click()
    await expect(reset.dialog).toContainText('Simulated reset')
    await expectAxeClean(page)
    await reset.confirm.click()
    await expect(reset.dialog).toBeHidden()
    await expect(cashier.pinPad).not.toHaveAttribute('data-locked', 'true')
    await expect(cashier.pinPad).toContainText('Payment password reset')
    await cashier.enterPassword('123456')
    await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  })
})
