import type { Era, PersonaId } from '../src/contract/sim.ts'
import { expect, test, type SimPhone } from './fixtures.ts'
import { untilStill } from './pages/motion.ts'
import { ResultPage } from './pages/result-page.ts'

/** The cashier for the seeded cart, as `persona` in `era`. */
function openCashier(phone: SimPhone, persona: PersonaId, era: Era) {
  return phone.with({ persona, era }).checkout()
}

test.describe('low_balance', () => {
  test.use({ persona: 'low_balance' })

  test('balance and Huabei are disabled with their reasons', async ({ phone }) => {
    const cashier = await phone.checkout()
    await expect(cashier.method('alipay-balance')).toHaveAttribute('aria-disabled', 'true')
    await expect(cashier.method('alipay-balance')).toContainText('余额不足')
    await expect(cashier.method('huabei')).toHaveAttribute('aria-disabled', 'true')
    await expect(cashier.method('huabei')).toContainText('未开通花呗')
    // A disabled method can't be chosen: confirm stays unavailable (tapped once the sheet stands still).
    await untilStill(cashier.method('alipay-balance'))
    await cashier.method('alipay-balance').click({ force: true })
    await expect(cashier.method('alipay-balance')).toHaveAttribute('aria-checked', 'false')
    await expect(cashier.confirm).toBeDisabled()
  })

  test('the reasons are translated too', async ({ phone }) => {
    const cashier = await phone.with({ lang: 'en' }).checkout()
    await expect(cashier.method('alipay-balance')).toContainText('Insufficient balance')
    await expect(cashier.method('huabei')).toContainText('Huabei not activated')
  })

  test('the bank card still pays', async ({ phone, gateway }) => {
    const before = await gateway.wallet('low_balance')
    const cashier = await phone.checkout()
    const amount = await cashier.amountFen()
    await expect(cashier.method('alipay-card')).not.toHaveAttribute('aria-disabled', 'true')
    await cashier.pay('alipay-card')
    await expect(new ResultPage(phone.page).result).toHaveAttribute('data-status', 'success')
    const after = await gateway.wallet('low_balance')
    expect(after.alipayCardFen).toBe(before.alipayCardFen - amount)
    expect(after.alipayBalanceFen).toBe(before.alipayBalanceFen)
  })
})

test('beta, invited shopper: 微信扫码支付 and 找朋友帮忙付, no 微信支付', async ({ phone }) => {
  const cashier = await openCashier(phone, 'shopper', 'beta')
  expect(await cashier.methodIds()).toEqual([
    'alipay-balance',
    'alipay-card',
    'huabei',
    'unionpay',
    'wechat-scan',
    'friend-pay',
  ])
  await expect(cashier.method('wechat-scan')).not.toHaveAttribute('aria-disabled', 'true')
  await expect(cashier.method('friend-pay')).toContainText('找朋友帮忙付')
})

test('beta, not invited: no 微信扫码支付 at all', async ({ phone }) => {
  const cashier = await openCashier(phone, 'not_invited', 'beta')
  const ids = await cashier.methodIds()
  expect(ids).not.toContain('wechat-scan')
  expect(ids).not.toContain('wechat')
  expect(ids).toContain('friend-pay')
})

test('launch, shopper: 微信支付 is there and enabled, the beta code is gone', async ({ phone }) => {
  const cashier = await openCashier(phone, 'shopper', 'launch')
  const ids = await cashier.methodIds()
  expect(ids).toContain('wechat')
  expect(ids).not.toContain('wechat-scan')
  await expect(cashier.method('wechat')).not.toHaveAttribute('aria-disabled', 'true')
  await expect(cashier.method('wechat')).toContainText('微信支付')
})

test('launch, old app: 微信支付 is disabled and asks to update Taobao', async ({ phone }) => {
  const cashier = await openCashier(phone, 'old_app', 'launch')
  await expect(cashier.method('wechat')).toHaveAttribute('aria-disabled', 'true')
  await expect(cashier.method('wechat')).toContainText('请升级淘宝到最新版本')
  await expect(cashier.method('alipay-balance')).not.toHaveAttribute('aria-disabled', 'true')
})
