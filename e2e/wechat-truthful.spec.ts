import { expect, test, type SimPhone } from './fixtures.ts'
import { Cashier } from './pages/cashier.ts'
import { ResultPage } from './pages/result-page.ts'
import { WeChat } from './pages/wechat.ts'

// WeChat's 支付成功 stays a success after a reload, and the jump route's happy path makes no request that
// fails (a 409 in the console of a route that worked reads as a bug to anyone watching).

async function jumpAndPay(phone: SimPhone) {
  const orderPage = await phone.with({ era: 'launch', device: 'jump-truth' }).orderPage()
  await orderPage.submit.click()
  const cashier = new Cashier(phone.page)
  await expect(cashier.sheet).toBeVisible()
  await cashier.choose('wechat')
  const wechat = new WeChat(phone.page)
  await wechat.pay()
  return wechat
}

test('a reload of 支付成功 stays 支付成功, not "already paid"', async ({ phone, page }) => {
  const wechat = await jumpAndPay(phone)
  await page.reload()
  await expect(wechat.success).toBeVisible()
  await expect(page.getByText(/该订单已支付|already paid/i)).toHaveCount(0)
})

test('the jump route pays with no failing request on the way', async ({ phone, page }) => {
  const failed: string[] = []
  page.on('response', (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.request().method()} ${res.url()}`)
  })
  const wechat = await jumpAndPay(phone)
  await wechat.done()
  await page
    .getByTestId('wechat-return')
    .getByRole('button', { name: /^(已完成支付|I have paid)$/ })
    .click()
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  expect(failed).toEqual([])
})
