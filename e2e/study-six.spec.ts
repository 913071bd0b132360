// Issue 24's study with real phones: two routes, six participants each in a browser context of their own,
// doing the task through their framed phone by tapping (one misclicks twice, one quits mid-task, the
// others pay); then the owner's results page shows the right n, rates, funnel and heatmap (over a
// screenshot the phones took), and the exports hold what happened.
import { devices, expect, test, type Browser, type Page } from '@playwright/test'
import { StudyResultsSchema, type CreatedStudy, type StudyRoute } from '../src/contract/study.ts'
import { seconds } from './timeouts.ts'

test.describe.configure({ timeout: seconds(360) })

const phoneOf = (page: Page) => page.frameLocator('[data-testid="study-phone"]')

async function newParticipant(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ...devices['iPhone 14'], locale: 'zh-CN' })
  return context.newPage()
}

async function pay(page: Page, route: StudyRoute) {
  const phone = phoneOf(page)
  await phone.getByTestId('submit-order').click()
  if (route === 'jump') {
    await phone.getByTestId('pay-method-wechat').click()
    await phone.getByTestId('confirm-pay').click()
    const pad = phone.getByTestId('wechat-pin-pad')
    for (const digit of '123456')
      await pad.getByRole('button', { name: digit, exact: true }).click()
    await phone.getByTestId('wechat-pay-done').click()
    await phone.getByTestId('wechat-return-paid').click()
  } else {
    await phone.getByTestId('pay-method-alipay-balance').click()
    await phone.getByTestId('confirm-pay').click()
    const pad = phone.getByTestId('pin-pad')
    for (const digit of '123456')
      await pad.getByRole('button', { name: digit, exact: true }).click()
  }
}

test('six participants on their own phones: two routes compared, with funnel, heatmap and exports', async ({
  browser,
  request,
}) => {
  const created = await request.post('/api/lab/studies', {
    data: {
      name: 'Jump vs balance',
      routes: ['jump', 'alipay-balance'],
      design: 'between',
      target: 6,
      lang: 'zh-CN',
    },
  })
  expect(created.status()).toBe(201)
  const study = (await created.json()) as CreatedStudy
  const results = async () =>
    StudyResultsSchema.parse(
      await (await request.get(`/api/lab/studies/${study.id}/results`)).json(),
    )

  const orderPageHeatmap = async () => (await results()).heatmaps.find((h) => h.screen === '/')

  const routes: StudyRoute[] = []
  for (let i = 0; i < 6; i++) {
    const page = await newParticipant(browser)
    await page.goto(`/study/${study.id}`)
    await page.getByTestId('study-consent-accept').click()
    await page.getByTestId('study-task-start').click()
    await expect(phoneOf(page).getByTestId('submit-order')).toBeEnabled({ timeout: seconds(20) })
    // The route this participant was given: the newest person of the study.
    const people = [...(await results()).people].sort((a, b) => a.joinedAt - b.joinedAt)
    const route = people.at(-1)?.tasks[0]?.route
    if (!route) throw new Error('the participant has no task')
    routes.push(route)
    if (i === 0) {
      // Twice on the title, where nothing can be tapped: two misclicks on the order page.
      await phoneOf(page).locator('h1').first().click()
      await phoneOf(page).locator('h1').first().click()
      // Then lingers, as a person reading the page would, until the phone's capture of it is in: a
      // screen is captured once it has been still for a moment, and under load a quick tap went first.
      await expect
        .poll(async () => (await orderPageHeatmap())?.imageId, { timeout: seconds(30) })
        .toBeTruthy()
    }
    if (i === 5) {
      // The last one gives up at the cashier.
      await phoneOf(page).getByTestId('submit-order').click()
      await expect(phoneOf(page).getByTestId('confirm-pay')).toBeVisible()
      await page.getByTestId('study-quit').click()
      await page.getByTestId('study-quit-confirm').click()
      await expect(page.getByTestId('study-quit-done')).toBeVisible()
    } else {
      await pay(page, route)
      await expect(page.getByTestId('study-done')).toBeVisible({ timeout: seconds(30) })
    }
    await page.context().close()
  }
  // Balanced blocks: three each.
  expect(routes.filter((r) => r === 'jump')).toHaveLength(3)
  const quitRoute = routes[5] as StudyRoute
  const otherRoute: StudyRoute = quitRoute === 'jump' ? 'alipay-balance' : 'jump'

  // The owner's page, on a desktop.
  const owner = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
  })
  const page = await owner.newPage()
  await page.goto(`/lab/studies/${study.id}?key=${study.ownerKey}&lang=en`)
  await expect(page.getByTestId('study-results')).toHaveAttribute('data-ready', 'true')
  await expect(page.getByTestId('study-status')).toHaveText('Closed')
  const row = (route: StudyRoute) =>
    page.locator(`[data-testid="study-route-row"][data-route="${route}"]`)
  await expect(row(quitRoute).getByTestId('study-route-n')).toHaveText('3')
  await expect(row(otherRoute).getByTestId('study-route-n')).toHaveText('3')
  await expect(row(quitRoute).getByTestId('study-route-rate')).toHaveText('67%')
  await expect(row(otherRoute).getByTestId('study-route-rate')).toHaveText('100%')

  // The funnel from real data: all three of the quitter's route reached the cashier, one left there.
  // Screens are named by their page (`/?pay`, the cashier; `/pay/result/:orderId`), not by one order.
  const steps = page.locator(`[data-testid="study-steps"][data-route="${quitRoute}"]`)
  const step = (screen: string) =>
    steps.getByTestId('study-funnel-step').filter({
      has: page.locator('code', { hasText: new RegExp(`^${screen.replace(/[?/]/g, '\\$&')}$`) }),
    })
  await expect(step('/?pay')).toHaveAttribute('data-reached', '3')
  await expect(step('/?pay')).toHaveAttribute('data-dropped', '1')
  await expect(step('/pay/result/:orderId')).toHaveAttribute('data-reached', '2')

  // The order page's heatmap: drawn over the screenshot a phone took, the two misclicks counted apart.
  const orderPage = await orderPageHeatmap()
  expect(orderPage?.imageId).toBeTruthy()
  const heatmap = page.locator('[data-testid="study-heatmap"][data-screen="/"]')
  await expect(heatmap.locator('canvas')).toHaveAttribute(
    'data-taps',
    String(orderPage?.taps.length),
  )
  await expect(heatmap.locator('canvas')).toHaveAttribute('data-misses', '2')

  // The exports: a row per participant, every event a JSON line, the report with the screenshot in it.
  const get = async (id: string) => {
    const href = await page.getByTestId(id).getAttribute('href')
    const res = await request.get(href ?? '')
    expect(res.status()).toBe(200)
    return res.text()
  }
  const csv = (await get('study-export-csv')).trim().split('\n')
  expect(csv).toHaveLength(7)
  expect(csv.filter((line) => line.includes(',completed,'))).toHaveLength(5)
  const events = (await get('study-export-ndjson')).trim().split('\n')
  const taps = events
    .map((line) => JSON.parse(line) as { kind: string; hit?: boolean })
    .filter((e) => e.kind === 'tap')
  expect(taps.filter((t) => t.hit === false).length).toBeGreaterThanOrEqual(2)
  const report = await get('study-export-report')
  expect(report).toContain('Jump vs balance')
  expect(report).toContain('data:image/')
  await owner.close()
})
