/**
 * Debian's Chromium through the `playwright` library, with the flags of playwright.config.ts, and a
 * phone-sized context (iPhone 14) like the e2e suite's.
 */
import { chromium, devices } from 'playwright'
import type { Browser, BrowserContext } from 'playwright'
import config from '../../playwright.config.ts'

/** CHROMIUM_PATH names another Chromium; CHROMIUM_PATH="" uses Playwright's own (as in the e2e suite). */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: config.use?.launchOptions?.args ?? [],
  })
}

export async function newPhone(browser: Browser, origin: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    ...devices['iPhone 14'],
    baseURL: origin,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  // tsx compiles with esbuild's keepNames, which wraps the inner functions of what we hand to
  // page.evaluate in `__name(fn, "name")`: the page needs that helper too.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn' })
  return context
}
