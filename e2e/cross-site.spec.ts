import type { Page } from '@playwright/test'
import { ApiErrorSchema } from '../src/contract/errors.ts'
import { FaultsSchema } from '../src/contract/test-api.ts'
import { expect, test } from './fixtures.ts'
import { SimPanel } from './pages/sim-panel.ts'

/** A site of someone else's, served by the test itself: nothing of it is on the app's origin. */
const EVIL = 'http://evil.example'

/**
 * The attack of issue 14: plain HTML forms (no script needed) that post to the gateway's test API from
 * a visitor's browser. One resets the gateway; one sets a fault with a JSON-looking text/plain body.
 */
function evilPage(app: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>You won a prize</title></head>
<body>
  <form id="reset" method="POST" action="${app}/api/__test/reset"><button>Claim the prize</button></form>
  <form id="faults" method="POST" action="${app}/api/__test/faults" enctype="text/plain">
    <input type="hidden" name='{"failNextConfirm":"SYSTEMERROR","x":"' value='"}'>
    <button>Claim another</button>
  </form>
</body></html>`
}

/** Submits a form of the foreign page and answers the gateway's response to it. */
async function submitFrom(page: Page, app: string, form: 'reset' | 'faults') {
  await page.goto(`${EVIL}/prize`)
  const path = form === 'reset' ? '/api/__test/reset' : '/api/__test/faults'
  const answered = page.waitForResponse(
    (res) => res.url() === `${app}${path}` && res.request().method() === 'POST',
  )
  await page.locator(`#${form} button`).click()
  return answered
}

test.describe('the test API is not a cross-site target', () => {
  test('a form on another origin gets the server’s own 403, and nothing changes; the same post from no page is accepted', async ({
    page,
    request,
    gateway,
    baseURL,
  }) => {
    const app = new URL(baseURL ?? '').origin
    // Something to lose: an order, made through the API.
    const created = await request.post('/api/shop/orders', {
      headers: { 'idempotency-key': `cross-site-${Date.now()}` },
      data: { lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' },
    })
    expect(created.status()).toBe(201)
    // One shop's goods: the checkout's one order has its id.
    const order = { id: ((await created.json()) as { checkoutId: string }).checkoutId }
    const faultsBefore = FaultsSchema.parse(await (await request.get('/api/__test/faults')).json())

    await page.route(`${EVIL}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: evilPage(app) }),
    )
    for (const form of ['reset', 'faults'] as const) {
      const res = await submitFrom(page, app, form)
      const sent = await res.request().allHeaders()
      expect(sent.origin, 'the browser says where the post comes from').toBe(EVIL)
      expect(res.status(), form).toBe(403)
      const refusal = ApiErrorSchema.parse(await res.json())
      expect(refusal.code).toBe('CROSS_SITE_FORBIDDEN')
      // What the visitor's browser shows is the gateway's JSON refusal.
      await expect(page.locator('body')).toContainText('CROSS_SITE_FORBIDDEN')
    }

    // Nothing changed: the order is there, the faults are as they were.
    const state = await gateway.state()
    expect(state.orders.map((o) => o.id)).toContain(order.id)
    expect(FaultsSchema.parse(await (await request.get('/api/__test/faults')).json())).toEqual(
      faultsBefore,
    )

    // The control: the same posts with no foreign origin (Playwright's request, like curl) are
    // accepted, and do change things.
    const fault = await request.post('/api/__test/faults', {
      data: { failNextConfirm: 'SYSTEMERROR' },
    })
    expect(fault.status()).toBe(200)
    expect(FaultsSchema.parse(await fault.json()).failNextConfirm).toBe('SYSTEMERROR')
    const reset = await request.post('/api/__test/reset')
    expect(reset.status()).toBe(200)
    expect(await reset.json()).toEqual({ ok: true })
    expect((await gateway.state()).orders).toHaveLength(0)
    expect(FaultsSchema.parse(await (await request.get('/api/__test/faults')).json())).toEqual(
      faultsBefore,
    )
  })

  test('a phone opened with ?token= keeps it and sends it on its test-API calls only', async ({
    page,
    gateway,
  }) => {
    void gateway
    // With GATEWAY_TEST_TOKEN against a BASE_URL, the config sends that token on every request itself.
    test.skip(
      Boolean(process.env.BASE_URL && process.env.GATEWAY_TEST_TOKEN),
      'token set by the config',
    )
    const token = 'e2e-token-abcdefghijklmnop0123'
    const seen: { path: string; token: string | null }[] = []
    page.on('request', (req) => {
      const path = new URL(req.url()).pathname
      if (path.startsWith('/api/')) {
        void req.headerValue('x-sim-test-token').then((value) => seen.push({ path, token: value }))
      }
    })
    const panel = new SimPanel(page)
    const testCalls = () => seen.filter((r) => r.path.startsWith('/api/__test/'))

    await page.goto(`/?device=token-phone&token=${token}`)
    await panel.open()
    await expect.poll(() => testCalls().length).toBeGreaterThan(0)
    expect(testCalls().every((r) => r.token === token)).toBe(true)

    // Kept for this phone, as ?persona= is: the next visit has no ?token= and still sends it.
    seen.length = 0
    await page.goto('/?device=token-phone')
    await panel.open()
    await expect.poll(() => testCalls().length).toBeGreaterThan(0)
    expect(testCalls().every((r) => r.token === token)).toBe(true)
    // The rest of the API never gets it.
    const others = seen.filter((r) => !r.path.startsWith('/api/__test/'))
    expect(others.length).toBeGreaterThan(0)
    expect(others.every((r) => r.token === null)).toBe(true)
  })
})
