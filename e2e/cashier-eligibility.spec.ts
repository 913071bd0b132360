import type { Page } from '@playwright/test'
import type { Era, PersonaId } from '../src/contract/sim.ts'
import { expect, test } from './fixtures.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'

async function openCashier(page: Page, persona: PersonaId, era: Era) {
  const orderPage = new OrderPage(page)
  await orderPage.open({ persona, era })
  await orderPage.submit.click()
  const cashier = new Cashier(page)
  await expect(cashier.sheet).toBeVisible()
  return cashier
}

test('low_balance: balance and Huabei are disabled with their reasons', async ({ page }) => {
  const cashier = await openCashier(page, 'low_balance', 'beta')
  await expect(cashier.method('alipay-balance')).toHaveAttribute('aria-disabled', 'true')
  await expect(cashier.method('alipay-balance')).toContainText('余额不足')
  await expect(cashier.method('huabei')).toHaveAttribute('aria-disabled', 'true')
  await expect(cashier.method('huabei')).toContainText('未开通花呗')
  // A disabled method can't be chosen: confirm stays unavailable.
  await cashier.method('alipay-balance').click({ force: true })
  await expect(cashier.method('alipay-balance')).toHaveAttribute('aria-checked', 'false')
  await expect(cashier.confirm).toBeDisabled()
})

test('low_balance: the reasons are translated too', async ({ page }) => {
  const orderPage = new OrderPage(page)
  await orderPage.open({ persona: 'low_balance', lang: 'en' })
  await orderPage.submit.click()
  const cashier = new Cashier(page)
  await expect(cashier.method('alipay-balance')).toContainText('Insufficient balance')
  await expect(cashier.method('huabei')).toContainText('Huabei not activated')
})

test('low_balance: the bank card still pays', async ({ page, gateway }) => {
  const before = await gateway.wallet('low_balance')
  const cashier = await openCashier(page, 'low_balance', 'beta')
  const amount = await cashier.amountFen()
  await expect(cashier.method('alipay-card')).not.toHaveAttribute('aria-disabled', 'true')
  await cashier.pay('alipay-card')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  const after = await gateway.wallet('low_balance')
  expect(after.alipayCardFen).toBe(before.alipayCardFen - amount)
  expect(after.alipayBalanceFen).toBe(before.alipayBalanceFen)
})

test('beta, invited shopper: 微信扫码支付 and 找朋友帮忙付, no 微信支付', async ({ page }) => {
  const cashier = await openCashier(page, 'shopper', 'beta')
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

test('beta, not invited: no 微信扫码支付 at all', async ({ page }) => {
  const cashier = await openCashier(page, 'not_invited', 'beta')
  const ids = await cashier.methodIds()
  expect(ids).not.toContain('wechat-scan')
  expect(ids).not.toContain('wechat')
  expect(ids).toContain('friend-pay')
})

test('launch, shopper: 微信支付 is there and enabled, the beta code is gone', async ({ page }) => {
  const cashier = await openCashier(page, 'shopper', 'launch')
  const ids = await cashier.methodIds()
  expect(ids).toContain('wechat')
  expect(ids).not.toContain('wechat-scan')
  await expect(cashier.method('wechat')).not.toHaveAttribute('aria-disabled', 'true')
  await expect(cashier.method('wechat')).toContainText('微信支付')
})

test('launch, old app: 微信支付 is disabled and asks to update Taobao', async ({ page }) => {
  const cashier = await openCashier(page, 'old_app', 'launch')
  await expect(cashier.method('wechat')).toHaveAttribute('aria-disabled', 'true')
  await expect(cashier.method('wechat')).toContainText('请升级淘宝到最新版本')
  await expect(cashier.method('alipay-balance')).not.toHaveAttribute('aria-disabled', 'true')
})
