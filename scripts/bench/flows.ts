/**
 * The shopper's flows the browser figures come from, each try on a fresh page after a gateway reset:
 * - scan: order page → 提交订单 → cashier → 微信扫码支付, the page idle → 确认付款, timed from that tap to
 *   the QR code drawn; then another phone pays the code and the shopper's code turns paid;
 * - friend: → 找朋友帮忙付 → a link; the friend pays it and the shopper's sheet turns paid.
 * The payer is a second browser context (the friend's phone) calling the gateway from its own page; the
 * landing is timed from the moment its answer arrives there to the shopper's first frame showing it, both
 * read as wall-clock time (`performance.timeOrigin + now()`), which two contexts on one machine share.
 */
import type { BrowserContext, Page } from 'playwright'
import {
  armClickToShown,
  armShown,
  idle,
  payerCalls,
  readShownAt,
  readTiming,
  type PayerCall,
} from './in-page.ts'

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

/**
 * The payer's phone makes `calls` while the shopper's page watches for `shownSelector`: milliseconds from
 * the payer's answer to the shopper's frame (negative when the live stream beat the answer).
 */
async function timeLanding(
  shopper: Page,
  payer: BrowserContext,
  origin: string,
  calls: PayerCall[],
  shownSelector: string,
  what: string,
): Promise<number> {
  const payerPage = await payer.newPage()
  try {
    // Any page of the site will do to call its API from: the health check is the lightest.
    await payerPage.goto(`${origin}/api/health`)
    await shopper.evaluate(armShown, { shownSelector, timeoutMs: TIMEOUT_MS })
    const { answeredAt, status } = await payerPage.evaluate(payerCalls, calls)
    if (Number.isNaN(answeredAt))
      throw new Error(`${what}: the payer's call answered HTTP ${status}`)
    return (await shopper.evaluate(readShownAt)) - answeredAt
  } finally {
    await payerPage.close()
  }
}

export async function scanTry(
  context: BrowserContext,
  payer: BrowserContext,
  origin: string,
): Promise<ScanTry> {
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
    const landingMs = await timeLanding(
      page,
      payer,
      origin,
      [
        { path: `${sheet}/open`, persona: 'friend', body: {} },
        {
          path: `${sheet}/confirm`,
          persona: 'friend',
          body: { password: PASSWORD, source: 'wechat-balance' },
        },
      ],
      '[data-testid="qr-status"][data-status="SUCCESS"]',
      'scan-code payment',
    )
    return { tapToQrMs, landingMs }
  } finally {
    await page.close()
  }
}

export async function friendTry(
  context: BrowserContext,
  payer: BrowserContext,
  origin: string,
): Promise<number> {
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
    return await timeLanding(
      page,
      payer,
      origin,
      [
        {
          path: `/api/pay/friend-requests/${encodeURIComponent(token)}/pay`,
          persona: 'friend',
          body: { password: PASSWORD, source: 'wechat-balance' },
        },
      ],
      '[data-testid="friend-pay-status"][data-status="PAID"], [data-testid="pay-result"][data-status="success"]',
      'friend payment',
    )
  } finally {
    await page.close()
  }
}
