import { expect, test } from './fixtures.ts'

// `/` paints before its JavaScript (issue 25): the server sends the order page's frame in the HTML, in the
// phone's language, and the app hydrates it without a mismatch (src/server/first-frame.ts, main.tsx).

// The default world's shopper, named in the URL: the server draws `/` with the cart (src/server/order-page.ts).
const SEEDED = '/?persona=shopper&era=beta'

test.describe('the first frame', () => {
  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('/ already shows 确认订单, the skeleton and the submit bar', async ({ page }) => {
      await page.goto('/')
      await expect(page.getByRole('heading', { name: '确认订单' })).toBeVisible()
      await expect(page.locator('.skeleton').first()).toBeVisible()
      await expect(page.getByText('提交订单')).toBeVisible()
    })

    test('a URL that says whose cart gets the order page drawn with it', async ({ page }) => {
      await page.goto(SEEDED)
      await expect(page.getByRole('heading', { name: '确认订单' })).toBeVisible()
      await expect(page.getByTestId('address-card')).toContainText('张伟')
      await expect(page.getByTestId('order-total')).toContainText('365.80')
      await expect(page.getByTestId('submit-order')).toHaveText('提交订单')
      // Not usable until the app's page takes over: a test waiting for it to be enabled waits for that.
      await expect(page.getByTestId('submit-order')).toBeDisabled()
      await expect(page.locator('.skeleton')).toHaveCount(0)
      await page.goto(`${SEEDED}&lang=en`)
      await expect(page.getByTestId('submit-order')).toHaveText('Submit order')
      // The server's renderer is in the build, not on the site.
      expect((await page.request.get('/ssr/render-order-frame.js')).status()).toBe(404)
    })

    test('in English when the phone asks for it, and no frame on other pages', async ({ page }) => {
      await page.goto('/?lang=en')
      await expect(page.getByRole('heading', { name: 'Confirm order' })).toBeVisible()
      await expect(page.locator('html')).toHaveAttribute('lang', 'en')
      await page.goto('/orders')
      await expect(page.locator('#root')).toBeEmpty()
    })
  })

  test('the app takes the frame over without a hydration warning, and the page works', async ({
    page,
    phone,
  }) => {
    const problems: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text())
    })
    page.on('pageerror', (e) => problems.push(e.message))
    const orderPage = await phone.orderPage()
    await expect(orderPage.submit).toBeEnabled()
    expect(problems.filter((p) => /hydrat|did not match|mismatch/i.test(p))).toEqual([])
    // The frame's stand-ins are gone: one submit button, the page's own.
    await expect(page.locator('.skeleton')).toHaveCount(0)
  })

  test('the app takes over the page drawn with its cart without asking for it again', async ({
    page,
  }) => {
    const problems: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text())
    })
    const catalogCalls: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/api/shop/catalog')) catalogCalls.push(r.url())
    })
    await page.goto(SEEDED)
    const total = page.getByTestId('order-total')
    await expect(total).toContainText('365.80')
    // The app's own page answers: a tap changes the quantity and the total.
    const mugs = page.getByRole('group', { name: /手工粗陶品茗杯/ })
    await mugs.getByRole('button', { name: '增加数量' }).click()
    await expect(mugs.locator('output')).toHaveText('3')
    await expect(total).not.toContainText('365.80')
    expect(catalogCalls).toEqual([])
    expect(problems.filter((p) => /hydrat|did not match|mismatch/i.test(p))).toEqual([])

    // This phone changed its cart: the page drawn for a fresh one is not its page, so it draws its own.
    await page.reload()
    await expect(mugs.locator('output')).toHaveText('3')
    await expect.poll(() => catalogCalls.length).toBeGreaterThan(0)
    expect(problems.filter((p) => /hydrat|did not match|mismatch/i.test(p))).toEqual([])
  })
})
