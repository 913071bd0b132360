import { expect, test } from './fixtures.ts'

// `/` paints before its JavaScript (issue 25): the server sends the order page's frame in the HTML, in the
// phone's language, and the app hydrates it without a mismatch (src/server/first-frame.ts, main.tsx).

test.describe('the first frame', () => {
  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('/ already shows 确认订单, the skeleton and the submit bar', async ({ page }) => {
      await page.goto('/')
      await expect(page.getByRole('heading', { name: '确认订单' })).toBeVisible()
      await expect(page.locator('.skeleton').first()).toBeVisible()
      await expect(page.getByText('提交订单')).toBeVisible()
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
})
