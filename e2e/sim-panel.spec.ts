import { FaultsSchema, GatewaySettingsSchema } from '../src/contract/test-api.ts'
import { expect, test } from './fixtures.ts'
import { Cashier } from './pages/cashier.ts'
import { OrderPage } from './pages/order-page.ts'
import { OrdersPage } from './pages/orders-page.ts'
import { SimPanel } from './pages/sim-panel.ts'

const DAY_MS = 24 * 3600 * 1000

test.describe('the simulator panel', () => {
  test('opens from every main screen; Escape closes it and gives focus back', async ({
    page,
    gateway,
  }) => {
    void gateway
    const panel = new SimPanel(page)
    await new OrderPage(page).open()
    for (const open of [() => page.goto('/'), () => new OrdersPage(page).open()]) {
      await open()
      await panel.open()
      await expect(panel.sheet).toHaveAccessibleName('模拟器设置')
      await expect(panel.persona('shopper')).toBeChecked()
      await page.keyboard.press('Escape')
      await expect(panel.sheet).toBeHidden()
      await expect(panel.button).toBeFocused()
    }
  })

  test('switching the language flips the UI between 中文 and English, and sticks', async ({
    page,
    gateway,
  }) => {
    void gateway
    const panel = new SimPanel(page)
    await new OrderPage(page).open({ lang: 'zh-CN' })
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('确认订单')

    await panel.open()
    await panel.chooseLanguage('en')
    await expect(panel.title).toHaveText('Simulator')
    await panel.done()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm order')
    // The panel dropped ?lang=zh-CN from the URL, so it can't switch the language back.
    await expect(page).not.toHaveURL(/lang=/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')

    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm order')
    await panel.open()
    await panel.chooseLanguage('zh-CN')
    await expect(panel.title).toHaveText('模拟器设置')
    await panel.done()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('确认订单')
  })

  test('switching persona to low_balance applies at once: the cashier refuses the balance', async ({
    page,
    gateway,
  }) => {
    const panel = new SimPanel(page)
    const orderPage = new OrderPage(page)
    const cashier = new Cashier(page)
    await orderPage.open({ persona: 'shopper' })

    await panel.open()
    await panel.choosePersona('low_balance')
    await panel.done()
    await expect(page).not.toHaveURL(/persona=/)

    await orderPage.submit.click()
    await expect(cashier.sheet).toBeVisible()
    const balance = cashier.method('alipay-balance')
    await expect(balance).toHaveAttribute('aria-disabled', 'true')
    await expect(balance).toContainText('余额不足')
    expect((await gateway.state()).checkouts).toHaveLength(1)

    // Kept for this phone: a reload is still low_balance.
    await page.goto('/')
    await panel.open()
    await expect(panel.persona('low_balance')).toBeChecked()
  })

  test('the clock buttons move the gateway clock, and due orders close', async ({
    page,
    gateway,
  }) => {
    const panel = new SimPanel(page)
    const orderPage = new OrderPage(page)
    await orderPage.open()
    await orderPage.submit.click()
    await expect(new Cashier(page).sheet).toBeVisible()
    const [order] = (await gateway.state()).orders
    if (!order) throw new Error('no order was created')

    const orders = new OrdersPage(page)
    await orders.open()
    await expect(orders.row(order.id)).toHaveAttribute('data-status', 'PENDING_PAYMENT')
    const before = Date.parse((await gateway.state()).now)

    await panel.open()
    await expect(panel.clockNow).toBeVisible()
    await panel.advanceClock('30m')
    await expect.poll(async () => (await gateway.state()).checkouts[0]?.status).toBe('CLOSED')
    await panel.advanceClock('1d')
    const after = Date.parse((await gateway.state()).now)
    expect(after - before).toBeGreaterThanOrEqual(DAY_MS + 30 * 60_000)
    // The panel shows the gateway's new time.
    await expect
      .poll(async () => Date.parse((await panel.clockNow.getAttribute('datetime')) ?? ''))
      .toBeGreaterThanOrEqual(after - 5_000)

    await page.keyboard.press('Escape')
    await expect(orders.row(order.id)).toHaveAttribute('data-status', 'CLOSED')
  })

  test('faults and Huabei fees reach the gateway', async ({ page, gateway, request }) => {
    void gateway
    const panel = new SimPanel(page)
    await new OrderPage(page).open()
    await panel.open()

    await panel.notify('drop').check()
    await expect
      .poll(
        async () =>
          FaultsSchema.parse(await (await request.get('/api/__test/faults')).json()).notify,
      )
      .toBe('drop')

    await expect(panel.huabeiFee(6)).toHaveValue('4.5')
    await panel.huabeiFee(6).fill('3')
    await panel.saveHuabeiFees()
    const settings = GatewaySettingsSchema.parse(
      await (await request.get('/api/__test/settings')).json(),
    )
    expect(settings.huabeiFeeBp).toEqual({ '3': 250, '6': 300, '12': 880 })
  })

  test('reset all data brings back the seed and forgets this phone', async ({ page, gateway }) => {
    const panel = new SimPanel(page)
    const orderPage = new OrderPage(page)
    await orderPage.open()
    await orderPage.submit.click()
    await expect(new Cashier(page).sheet).toBeVisible()
    expect((await gateway.state()).checkouts).toHaveLength(1)

    const orders = new OrdersPage(page)
    await orders.open()
    // The seeded cart: an order per shop.
    await expect(orders.rows).toHaveCount(2)
    await panel.open()
    await panel.choosePersona('low_balance')
    await panel.resetAll()

    expect((await gateway.state()).orders).toHaveLength(0)
    await orders.open()
    await expect(page.getByText('还没有相关订单')).toBeVisible()
    await expect(orders.rows).toHaveCount(0)
    await panel.open()
    await expect(panel.persona('shopper')).toBeChecked()
  })
})
