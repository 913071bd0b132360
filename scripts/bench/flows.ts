/**
 * The shopper's flows the browser figures come from, each try on a fresh page after a gateway reset:
 * - scan: order page → 提交订单 → cashier → 微信扫码支付, the page idle → 确认付款, timed from that tap to
 *   the QR code drawn; then another phone pays the code and the shopper's code turns paid;
 * - friend: → 找朋友帮忙付 → a link; the friend pays it and the shopper's sheet turns paid.
 * The payer is the API called from the shopper's page with the friend's persona (the server tells
 * phones apart by that header only), so the server's answer and the shopper's screen are read on one
 * clock; a second browser context would time them in two renderer processes.
 */
import type { BrowserContext, Page } from 'playwright'
import { armClickToShown, idle, payAndTimeShown, readTiming } from './in-page.ts'

const SHOPPER_URL = '/?persona=shopper&era=beta&device=bench-shopper'
const PASSWORD = '123456'
const QR_SVG = '[data-testid="wechat-qr"] svg'
const TIMEOUT_MS = 15_000

export interface ScanTry {
  tapToQrMs: number
  landingMs: number
}

async function reset(origin: string): Promise<void> {
  const res = await fetch(`${origin}/api/__test/reset`, { method: 'POST' })
  if (!res.ok) throw new Error(`gateway reset: HTTP ${res.status}`)
}

/** A fresh order page, its cart submitted: the cashier is up with its methods. */
async function openCashier(page: Page): Promise<void> {
  await page.goto(SHOPPER_URL)
  const submit = page.getByTestId('submit-order')
  await submit.waitFor({ state: 'visible', timeout: TIMEOUT_MS })
  await page.waitForFunction(
    () => !document.querySelector<HTMLButtonElement>('[data-testid="submit-order"]')?.disabled,
    undefined,
    { timeout: TIMEOUT_MS },
  )
  await submit.click()
  await page.getByTestId('pay-method-wechat-scan').waitFor({ timeout: TIMEOUT_MS })
}

function checked(ms: number, status: number, what: string): number {
  if (Number.isNaN(ms)) throw new Error(`${what}: the payer's call answered HTTP ${status}`)
  return ms
}

export async function scanTry(context: BrowserContext, origin: string): Promise<ScanTry> {
  await reset(origin)
  const page = await context.newPage()
  try {
    await openCashier(page)
    await page.getByTestId('pay-method-wechat-scan').click()
    // The tap comes once the cashier has settled, as a person's would (not mid-load).
    await page.evaluate(idle, TIMEOUT_MS)
    await page.evaluate(armClickToShown, {
      clickSelector: '[data-testid="confirm-pay"]',
      shownSelector: QR_SVG,
      timeoutMs: TIMEOUT_MS,
    })
    await page.getByTestId('confirm-pay').click()
    const tapToQrMs = await page.evaluate(readTiming)
    const token = await page.getByTestId('wechat-qr').getAttribute('data-pay-token')
    if (!token) throw new Error('the QR code carries no data-pay-token')
    const sheet = `/api/pay/sheets/${encodeURIComponent(token)}`
    const { ms, status } = await page.evaluate(payAndTimeShown, {
      calls: [
        { path: `${sheet}/open`, persona: 'friend', body: {} },
        {
          path: `${sheet}/confirm`,
          persona: 'friend',
          body: { password: PASSWORD, source: 'wechat-balance' },
        },
      ],
      shownSelector: '[data-testid="qr-status"][data-status="SUCCESS"]',
      timeoutMs: TIMEOUT_MS,
    })
    return { tapToQrMs, landingMs: checked(ms, status, 'scan-code payment') }
  } finally {
    await page.close()
  }
}

export async function friendTry(context: BrowserContext, origin: string): Promise<number> {
  await reset(origin)
  const page = await context.newPage()
  try {
    await openCashier(page)
    await page.getByTestId('pay-method-friend-pay').click()
    await page.getByTestId('confirm-pay').click()
    await page.getByText('复制链接', { exact: true }).click()
    await page.getByTestId('friend-pay-create').click()
    await page
      .locator('[data-testid="friend-pay-status"][data-status="OPEN"]')
      .waitFor({ timeout: TIMEOUT_MS })
    const link = await page.getByTestId('friend-pay-link').innerText()
    const token = new URL(link).pathname.split('/').pop()
    if (!token) throw new Error(`no token in the friend-pay link ${link}`)
    const { ms, status } = await page.evaluate(payAndTimeShown, {
      calls: [
        {
          path: `/api/pay/friend-requests/${encodeURIComponent(token)}/pay`,
          persona: 'friend',
          body: { password: PASSWORD, source: 'wechat-balance' },
        },
      ],
      shownSelector:
        '[data-testid="friend-pay-status"][data-status="PAID"], [data-testid="pay-result"][data-status="success"]',
      timeoutMs: TIMEOUT_MS,
    })
    return checked(ms, status, 'friend payment')
  } finally {
    await page.close()
  }
}
