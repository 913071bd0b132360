import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { seconds } from './timeouts.ts'
import { Cashier } from './pages/cashier.ts'
import { FriendShare } from './pages/friend-pay.ts'
import { OrderPage } from './pages/order-page.ts'
import { ResultPage } from './pages/result-page.ts'
import { Phone, ScanCodePanel, WeChat } from './pages/wechat.ts'
import { HOME, orderPath, payCodePath, withSim } from '../src/contract/paths.ts'
import { at } from './pages/at.ts'

test.describe.configure({ timeout: seconds(60) })

/** Markup a shopper might type: as text it must stay, everywhere it is shown or shared. */
const MESSAGE = `<img src=x onerror=alert(1)>"><script>alert(2)</script>`
const NOTE = `"><img src=x onerror=alert(3)><svg onload=alert(4)>`

/**
 * Watches a page for what markup injection or a too-strict CSP would cause: dialogs (alert), CSP
 * violation events and console reports, elements an injection would create.
 */
async function watch(page: Page) {
  const dialogs: string[] = []
  const console: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) console.push(message.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
  return {
    dialogs,
    async violations(): Promise<string[]> {
      const inPage = await page.evaluate(
        () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
      )
      return [...inPage, ...console]
    },
    /** Elements only an injection would make. */
    injected: () => page.locator('img[src="x"], svg[onload], script:not([src]), [onerror]'),
  }
}

test('a note and a message full of markup stay text: cashier, clipboard, WeChat chat, friend page, order detail', async ({
  page,
  gateway,
  phones,
}) => {
  const shopper = await watch(page)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  const orderPage = new OrderPage(page)
  await orderPage.open({ device: 'xss-shopper' })
  await page.getByLabel('订单备注').fill(NOTE)
  await orderPage.submit.click()
  await new Cashier(page).choose('friend-pay')
  const share = new FriendShare(page)
  await share.message.fill(MESSAGE)
  const path = await share.createLink('微信好友')
  await expect(page.getByTestId('friend-pay-panel')).toContainText(MESSAGE)

  // The share text on the clipboard is the message as typed, plain text.
  await share.copy.click()
  const clip = await page.evaluate(() => navigator.clipboard.readText())
  expect(clip).toContain(MESSAGE)
  expect(clip).toContain(path)

  // Into a WeChat chat: the link card shows the text.
  await page.getByTestId('friend-pay-wechat').click()
  await page.getByRole('button', { name: /小美/ }).click()
  await expect(page).toHaveURL(/\/wechat\/chat\/xiaomei$/)
  await expect(page.getByTestId('wechat-link-card').last()).toBeVisible()
  await expect(page.getByText(MESSAGE, { exact: false }).first()).toBeVisible()
  await expect(shopper.injected()).toHaveCount(0)

  // The friend's page: the message as text, and nothing of the shopper's address, phone or name.
  const friend = await phones.open({ persona: 'friend', device: 'xss-friend' })
  const friendWatch = await watch(friend.page)
  await friend.page.goto(withSim(path, { persona: 'friend', device: 'xss-friend' }))
  await expect(friend.page.getByTestId('friend-pay-status')).toHaveAttribute('data-status', 'OPEN')
  await expect(friend.page.getByTestId('friend-pay-message')).toHaveText(MESSAGE)
  await expect(friend.page.getByTestId('friend-pay-requester')).toHaveText(/^张\*+/)
  await expect(friendWatch.injected()).toHaveCount(0)
  const shown = await friend.page.locator('body').innerText()
  const html = await friend.page.content()
  for (const secret of ['张伟', '13812345678', '文三路', '华星', '西湖区', '杭州', NOTE]) {
    expect(shown).not.toContain(secret)
    expect(html).not.toContain(secret)
  }
  // The phone's masked tail, where no digit touches it (a random order id may hold "5678").
  const phoneTail = /(?<!\d)5678(?!\d)/
  expect(shown).not.toMatch(phoneTail)
  expect(html).not.toMatch(phoneTail)

  // The order's detail shows the note, as text.
  const orderId = (await gateway.state()).orders[0]?.id ?? ''
  await page.goto(withSim(orderPath(orderId), { persona: 'shopper', device: 'xss-shopper' }))
  await expect(page.getByText(NOTE)).toBeVisible()
  await expect(shopper.injected()).toHaveCount(0)

  expect(shopper.dialogs).toEqual([])
  expect(friendWatch.dialogs).toEqual([])
  expect(await shopper.violations()).toEqual([])
  expect(await friendWatch.violations()).toEqual([])
})

test('the CSP is on and breaks nothing: screenshot → album → scan → pay, with no violation', async ({
  page,
  gateway,
}) => {
  const watcher = await watch(page)
  const orderPage = new OrderPage(page)
  const response = await page.goto(
    withSim(HOME, { persona: 'shopper', era: 'beta', device: 'csp-shot' }),
  )
  const csp = response?.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(response?.headers()['x-content-type-options']).toBe('nosniff')
  await expect(orderPage.submit).toBeEnabled()
  await orderPage.submit.click()
  await new Cashier(page).choose('wechat-scan')
  const code = new ScanCodePanel(page)
  const token = await code.token()
  const phone = new Phone(page)
  await phone.screenshot()
  const wechat = new WeChat(page)
  await wechat.switchInAndScanAlbum()
  await expect(page).toHaveURL(at(payCodePath(token)))
  await wechat.pay()
  await phone.switchTo('taobao')
  await expect(new ResultPage(page).result).toHaveAttribute('data-status', 'success')
  expect((await gateway.state()).checkouts[0]?.status).toBe('PAID')
  // The app itself caused no report...
  expect(await watcher.violations()).toEqual([])
  expect(watcher.dialogs).toEqual([])
  // ...while the CSP is really enforced: an inline script is refused.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__inlineRan = true'
    document.body.append(script)
    script.remove()
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
  })
  expect(ran).toBe(false)
  await expect.poll(() => watcher.violations()).toContainEqual(expect.stringMatching(/inline/))
})

test('the password lockout counts across Alipay channels: switching method does not reset it', async ({
  page,
  gateway,
}) => {
  const before = await gateway.wallet('shopper')
  const cashier = await new OrderPage(page).checkout({ device: 'lock-switch' })
  await cashier.choose('alipay-balance')
  for (const left of [4, 3, 2]) {
    await cashier.enterPassword('000000')
    await expect(cashier.error).toContainText(`还可以输入${left}次`)
  }
  // Back to the methods, and on to another of Alipay's: the count goes on where it was.
  await cashier.backToMethods()
  await cashier.method('huabei').click()
  await cashier.huabeiPlan(0).click()
  await cashier.confirm.click()
  await cashier.enterPassword('000000')
  await expect(cashier.error).toContainText('还可以输入1次')
  await cashier.backToMethods()
  await cashier.choose('alipay-card')
  await cashier.enterPassword('000000')
  await expect(cashier.error).toContainText('锁定')
  // Every Alipay method is locked now, back on the list at once and after a reload (the gateway itself
  // refuses even the right password while locked: src/server/http/app.test.ts), and nothing was charged.
  const alipayRealm = ['alipay-balance', 'alipay-card', 'huabei'] as const
  await cashier.backToMethods()
  for (const id of alipayRealm) await expect(cashier.method(id)).toContainText('已锁定')
  await page.reload()
  for (const id of alipayRealm) {
    await expect(cashier.method(id)).toHaveAttribute('aria-disabled', 'true')
  }
  expect((await gateway.state()).wallets.shopper).toEqual(before)
})

test('bad input on the wire: each a clear { code, message }, no 5xx, nothing changed', async ({
  page,
  request,
  gateway,
  baseURL,
}) => {
  const cashier = await new OrderPage(page).checkout({ device: 'wire-bad' })
  await cashier.choose('wechat-scan')
  const token = await new ScanCodePanel(page).token()
  const orderId = (await gateway.state()).orders[0]?.id ?? ''
  const { now: _t0, ...before } = await gateway.state()

  const json = { 'content-type': 'application/json', 'idempotency-key': 'wire-bad-0001' }
  const answers = [
    // Declared too large.
    await request.post('/api/shop/orders', {
      headers: json,
      data: JSON.stringify({ lines: [], addressId: 'addr-hz', note: 'x'.repeat(70_000) }),
    }),
    await request.post('/api/shop/orders', { headers: json, data: '{"lines": [{' }),
    await request.post('/api/shop/orders', {
      headers: json,
      data: { lines: [{ skuId: 'sku-mug-150', qty: -1.5 }], addressId: 'addr-hz' },
    }),
    await request.post(`/api/pay/sheets/${token.slice(0, -2)}/confirm`, {
      headers: { 'x-sim-persona': 'friend' },
      data: { password: '123456' },
    }),
    await request.get(`/api/pay/cashier?orderId=${orderId}`, {
      headers: { 'x-sim-persona': 'friend' },
    }),
    await request.post('/api/pay/payments', {
      headers: { ...json, 'idempotency-key': 'wire-bad-0002', 'x-sim-persona': 'friend' },
      data: { orderId, method: 'alipay-balance' },
    }),
  ]
  const expected = [
    [413, 'PAYLOAD_TOO_LARGE'],
    [400, 'PARAM_ERROR'],
    [400, 'PARAM_ERROR'],
    [404, 'NOT_FOUND'],
    // Another persona's order: its cashier says whose it is; paying it stays "no such order".
    [403, 'ORDER_OF_OTHER_PERSONA'],
    [404, 'ORDER_NOT_EXIST'],
  ]
  for (const [i, res] of answers.entries()) {
    const body = (await res.json()) as { code?: string; message?: string }
    expect([res.status(), body.code], res.url()).toEqual(expected[i])
    expect(body.message?.length).toBeGreaterThan(3)
  }

  // Streamed without a length (chunked): measured as it arrives, refused the same way.
  const chunks = ['{"orderId":"', 'x'.repeat(70_000), '"}']
  const streamed = await fetch(`${baseURL}/api/pay/friend-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'wire-bad-0003' },
    body: new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift()
        if (next === undefined) controller.close()
        else controller.enqueue(new TextEncoder().encode(next))
      },
    }),
    duplex: 'half',
  } as RequestInit)
  expect(streamed.status).toBe(413)
  expect(((await streamed.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE')

  const { now: _t1, ...after } = await gateway.state()
  expect(after).toEqual(before)
})
