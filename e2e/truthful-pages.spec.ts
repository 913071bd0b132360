import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'

// Issue 22, "pages that say the truth": what does not exist says so, with the way home.

test('an unknown order on the result page is 订单不存在, not 支付失败, and leads home', async ({
  phone,
}) => {
  await phone.open('/pay/result/doesnotexist')
  const missing = phone.page.getByTestId('missing')
  await expect(missing).toBeVisible()
  await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText('订单不存在')
  await expect(phone.page.getByText('支付失败')).toHaveCount(0)
  await expect(phone.page.getByRole('button', { name: '重试' })).toHaveCount(0)
  await missing.getByRole('button', { name: '返回首页' }).click()
  await expect(phone.page.getByTestId('submit-order')).toBeVisible()
})

test('an unknown order page is 订单不存在 with no 重试', async ({ phone }) => {
  await phone.open('/orders/doesnotexist')
  await expect(phone.page.getByTestId('missing')).toBeVisible()
  await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText('订单不存在')
  await expect(phone.page.getByRole('button', { name: '重试' })).toHaveCount(0)
})

test('an unknown route is 页面不存在, in English too', async ({ phone }) => {
  await phone.open('/no/such/page')
  await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText('页面不存在')
  await expect(phone.page.getByText('加载失败')).toHaveCount(0)
  await phone.with({ lang: 'en' }).open('/no/such/page')
  await expect(phone.page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
})

test('an unknown ?persona= is named on screen and the persona stays as it was', async ({
  phone,
}) => {
  await phone.open('/')
  await expect(phone.page.getByTestId('submit-order')).toBeEnabled({ timeout: seconds(15) })
  const nextCall = phone.page.waitForRequest((r) => r.url().includes('/api/shop/'))
  await phone.page.goto(phone.url('/').replace('persona=shopper', 'persona=nobody'))
  await expect(phone.page.getByRole('status').getByText('persona=nobody')).toBeVisible()
  // The app goes on as the persona it had: its calls still say so.
  expect((await nextCall).headers()['x-sim-persona']).toBe('shopper')
})
