import type { Payment } from '../src/contract/payment.ts'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { fenFromText } from './pages/money.ts'
import { Phone, WeChat } from './pages/wechat.ts'

test.describe.configure({ timeout: seconds(60) })

test('WeChat 我 → 服务 → 钱包 → 账单 lists the payment, and its voucher names the order and the transaction', async ({
  page,
  phone,
  gateway,
}) => {
  await (await phone.with({ era: 'launch', device: 'bills' }).checkout()).choose('wechat')
  const wechat = new WeChat(page)
  await wechat.pay()
  await wechat.done()
  await page
    .getByTestId('wechat-return')
    .getByRole('button', { name: /^(已完成支付|I have paid)$/ })
    .click()
  await expect(page.getByTestId('pay-result')).toHaveAttribute('data-status', 'success')

  const [paid] = (await gateway.state()).payments
  const payment = (await (
    await page.request.get(`/api/pay/payments/${paid?.id}`, {
      headers: { 'x-sim-persona': 'shopper' },
    })
  ).json()) as Payment

  await new Phone(page).switchTo('wechat')
  await wechat.openBills()
  const bill = page.getByTestId('wechat-bill')
  await expect(bill).toHaveCount(1)
  await expect(bill).toHaveAttribute('data-payment-id', payment.id)
  // An expense reads as minus the amount.
  expect(-fenFromText(await page.getByTestId('wechat-bill-amount').innerText())).toBe(
    payment.amountFen,
  )
  await bill.click()

  const voucher = page.getByTestId('wechat-voucher')
  await expect(voucher).toContainText(/淘宝|Taobao/)
  expect(-fenFromText(await page.getByTestId('wechat-voucher-amount').innerText())).toBe(
    payment.amountFen,
  )
  await expect(page.getByTestId('wechat-voucher-order')).toHaveText(payment.orderId)
  await expect(page.getByTestId('wechat-voucher-transaction')).toHaveText(
    payment.transactionId ?? 'missing',
  )
  // The time it was paid, to the second.
  await expect(voucher).toContainText(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/)
})
