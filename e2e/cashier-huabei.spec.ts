import { CatalogSchema } from '../src/contract/catalog.ts'
import { PaymentSchema } from '../src/contract/payment.ts'
import { expect, test } from './fixtures.ts'
import { Cashier } from './pages/cashier.ts'
import { fenFromText } from './pages/money.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'

/** The default buyer fee rates of BRIEF §4, in basis points. */
const FEE_BP = { 3: 250, 6: 450, 12: 880 } as const

/** The buyer-pays share of the amount: seller-pays (免息) items carry no fee. Rounded down. */
function feeBase(amountFen: number, lines: { lineFen: number; sellerPays: boolean }[]): number {
  const all = lines.reduce((n, l) => n + l.lineFen, 0)
  const buyer = lines.filter((l) => !l.sellerPays).reduce((n, l) => n + l.lineFen, 0)
  return Math.floor((amountFen * buyer) / all)
}

/** Later periods; the fen that don't divide evenly go to the first. */
const regular = (total: number, n: number) => Math.floor(total / n)
const first = (total: number, n: number) => total - regular(total, n) * (n - 1)
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`

for (const periods of [3, 6, 12] as const) {
  test(`Huabei in ${periods} periods shows and charges the right figures`, async ({
    page,
    request,
    gateway,
  }) => {
    const before = await gateway.wallet('shopper')
    const catalog = CatalogSchema.parse(await (await request.get('/api/shop/catalog')).json())
    const orderPage = new OrderPage(page)
    await orderPage.open()
    await orderPage.submit.click()
    const cashier = new Cashier(page)
    const amount = await cashier.amountFen()

    const lines = catalog.cart.map((line) => {
      const sku = catalog.skus.find((s) => s.id === line.skuId)
      if (!sku) throw new Error(`no sku ${line.skuId}`)
      return { lineFen: sku.priceFen * line.qty, sellerPays: sku.huabeiSellerPays }
    })
    const fee = Math.round((feeBase(amount, lines) * FEE_BP[periods]) / 10_000)
    const perPeriod = regular(amount, periods) + regular(fee, periods)

    await cashier.method('huabei').click()
    const plan = cashier.huabeiPlan(periods)
    await expect(plan).toContainText(`${yuan(perPeriod)} × ${periods}期`)
    await expect(plan).toContainText(`手续费${yuan(regular(fee, periods))}/期`)
    const firstPeriod = first(amount, periods) + first(fee, periods)
    if (firstPeriod !== perPeriod) await expect(plan).toContainText(`首期${yuan(firstPeriod)}`)
    await expect(cashier.huabeiPlan(0)).toContainText(yuan(amount))

    await cashier.payWithHuabei(periods)
    const result = new ResultPage(page).result
    await expect(result).toHaveAttribute('data-status', 'success')
    await expect(result).toContainText(`分${periods}期`)

    const state = await gateway.state()
    const paid = state.payments.find((p) => p.status === 'SUCCESS')
    expect(paid).toMatchObject({ channel: 'huabei', amountFen: amount, source: 'huabei' })
    // The credit line is charged the principal; the fee is billed with the periods.
    expect(state.wallets.shopper?.huabeiAvailableFen).toBe(before.huabeiAvailableFen - amount)
    expect(state.wallets.shopper?.alipayBalanceFen).toBe(before.alipayBalanceFen)

    const res = await request.get(`/api/pay/payments/${paid?.id ?? ''}`, {
      headers: { 'x-sim-persona': 'shopper' },
    })
    const installment = PaymentSchema.parse(await res.json()).installment
    expect(installment).toMatchObject({ periods, feeFen: fee, totalFen: amount + fee })
    const schedule = installment?.schedule ?? []
    expect(schedule).toHaveLength(periods)
    expect(schedule.reduce((n, p) => n + p.principalFen + p.feeFen, 0)).toBe(amount + fee)
  })
}

test('pay in full through Huabei shows 不分期 on the result', async ({ page, gateway }) => {
  const cashier = await new OrderPage(page).checkout()
  await cashier.method('huabei').click()
  // Pay in full is the default plan.
  await expect(cashier.huabeiPlan(0)).toHaveAttribute('aria-checked', 'true')
  const planText = await cashier.huabeiPlan(0).innerText()
  expect(fenFromText(planText)).toBe(await cashier.amountFen())
  await cashier.confirm.click()
  await cashier.enterPassword('123456')
  await expect(new ResultPage(page).result).toContainText('不分期')
  expect((await gateway.state()).payments[0]?.channel).toBe('huabei')
})
