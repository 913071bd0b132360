/**
 * Screenshots of the main screens, in zh-CN and en, for a before/after comparison of a style change
 * (`npm run screens:compare`). Starts the app's server on a build of its own, reaches every screen of the
 * accessibility list (e2e/a11y-screens.ts) plus a few more through the UI with the suite's page objects,
 * and saves one PNG per screen and language into <out>.
 *
 * Usage: npm run screens:capture -- <out> [--dist <build folder>] [--only <text>] [--port 4600]
 *   e.g. npx vite build --outDir /tmp/dist-a && npm run screens:capture -- /tmp/shots-a --dist /tmp/dist-a
 *
 * What moves is frozen, so two runs of the same build give the same pixels: the server's Date stands
 * still (fixed-clock.ts) and so does the browser's (`clock.setFixedTime`), animations are finished or
 * stopped (`reducedMotion`, `animations: 'disabled'`), transitions and the caret are off, every screen
 * starts in a fresh world (the seed), and what is random by design (order numbers, pay tokens, the QR
 * codes that carry them) is masked with a flat box of the element's size.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, devices, request as apiRequest } from 'playwright'
import type { Browser, BrowserContext, Locator, Page } from 'playwright'
import { expect } from '@playwright/test'
import { createWorld, Gateway, WORLD_HEADER } from '@taobao-sim/playwright-kit'
import type { Lang } from '@taobao-sim/playwright-kit'
import { SimPhone, type PhoneFactoryOptions, type Phones } from '../../e2e/fixtures.ts'
import { SCREENS, type Reach } from '../../e2e/a11y-screens.ts'
import { jumpToWechat, launch } from '../../e2e/pages/journeys.ts'
import { Lab } from '../../e2e/pages/lab.ts'
import { untilStill } from '../../e2e/pages/motion.ts'
import { Phone, WeChat } from '../../e2e/pages/wechat.ts'

const root = resolve(import.meta.dirname, '..', '..')

// The page objects' `expect` waits 5 s outside the test runner (no config to read); a busy machine needs
// longer. Playwright keeps that setting in a module the package does not export: reached by its path.
const matchers = createRequire(import.meta.url)(
  join(root, 'node_modules/playwright/lib/matchers/expect.js'),
) as { expectConfig(): object; setExpectConfig(config: object): void }
matchers.setExpectConfig({ ...matchers.expectConfig(), timeout: 30_000 })
const NOW = '2025-09-10T02:00:00.000Z'
const LANGS: Lang[] = ['zh-CN', 'en']
const PHONE = { ...devices['iPhone 14'], viewport: { width: 390, height: 844 } }
const DESKTOP = { viewport: { width: 1280, height: 1000 } }
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
]
/** Transitions and the caret off; animations are finished by the screenshot itself. */
const STILL_CSS = `*, *::before, *::after { transition: none !important; caret-color: transparent !important; }`
/** Put on the page before a tap whose next screen only shows for a moment (the jump's 700 ms). */
const HOLD_SCRIPT = `(() => {
  const real = window.setTimeout
  window.setTimeout = function (fn, ms, ...rest) {
    if (window.__screensHold && ms === window.__screensHold) return 0
    return real.call(window, fn, ms, ...rest)
  }
})()`
/** What is random by design: masked (a flat box the element's size) so it does not count as a change. */
const RANDOM = [
  '[data-testid="wechat-qr"] svg', // the pay code's QR: its token
  '.cashier__order-no', // the cashier's 淘宝订单号
  '.result-facts > div:first-child dd', // the result page's order no.
  '.kv__mono', // the order page's order no.
  '[data-testid="wechat-voucher-transaction"]',
  '[data-testid="wechat-voucher-order"]',
  '[data-testid="friend-pay-link"]', // the pay-for-me link: its token
  '.wx-album__cell img', // screenshots of a QR code in the album
]

interface Screen {
  name: string
  /** A desktop-sized first phone (the lab) instead of the default phone. */
  desktop?: boolean
  reach: (at: Reach) => Promise<Page | undefined>
}

/** Screens the accessibility list does not have. */
const MORE: Screen[] = [
  {
    name: 'jump to WeChat (正在打开微信)',
    reach: async ({ phone }) => {
      const cashier = await launch(phone).checkout()
      await phone.page.evaluate(() => {
        ;(window as unknown as { __screensHold: number }).__screensHold = 700
      })
      await cashier.choose('wechat')
      await expect(phone.page.getByTestId('wechat-jump')).toBeVisible()
    },
  },
  {
    name: 'update-app notice (old Taobao)',
    reach: async ({ phone }) => {
      const cashier = await launch(phone.with({ persona: 'old_app' })).checkout()
      await untilStill(cashier.method('wechat'))
      await cashier.method('wechat').click({ force: true })
      await expect(phone.page.getByTestId('update-app-notice')).toBeVisible()
    },
  },
  {
    name: 'WeChat 账单 (bills)',
    reach: async ({ phone }) => {
      const wechat = await jumpToWechat(phone)
      await wechat.pay()
      await wechat.done()
      await new Phone(phone.page).switchTo('wechat')
      await wechat.openBills()
      await expect(phone.page.getByTestId('wechat-bill').first()).toBeVisible()
    },
  },
  {
    name: 'WeChat home after paying',
    reach: async ({ phone }) => {
      const wechat = await jumpToWechat(phone)
      await wechat.pay()
      await wechat.done()
      await new Phone(phone.page).switchTo('wechat')
      await expect(new WeChat(phone.page).page).toHaveURL(/\/wechat/)
    },
  },
  {
    name: '/lab (desktop)',
    desktop: true,
    reach: async ({ phone }) => {
      await new Lab(phone.page).open(phone.lang === 'en' ? 'en' : 'zh-CN')
    },
  },
]

/** Screens reached through a pay-for-me link (journeys.ts `friendLink`). */
const FRIEND_LINK = /^(friend-pay waiting view|friend's page)/
/** In English, the shopper's side of it would be the Chinese screen again. */
const ZH_ONLY = /^friend-pay waiting view$/

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
}

async function startServer(dist: string, port: number): Promise<ChildProcess> {
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './scripts/screens/fixed-clock.ts', 'src/server/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        GATEWAY_DATA: 'memory',
        DIST_DIR: dist,
        SCREENS_NOW: NOW,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  )
  let stderr = ''
  server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const deadline = Date.now() + 60_000
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited: ${stderr}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return server
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not start: ${stderr}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Waits until fonts and images are in (in every frame) and two frames have been drawn. */
async function settle(page: Page): Promise<void> {
  for (const frame of page.frames().slice(1)) {
    await frame.locator('#root > *').first().waitFor()
  }
  for (const frame of page.frames())
    await frame.evaluate(async () => {
      await document.fonts.ready
      await Promise.all(
        [...document.images].map((img) =>
          img.complete
            ? undefined
            : new Promise((r) => img.addEventListener('load', r, { once: true })),
        ),
      )
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    })
  await page.waitForTimeout(300)
}

async function capture(
  browser: Browser,
  baseURL: string,
  screen: Screen,
  lang: Lang,
  file: string,
): Promise<void> {
  const request = await apiRequest.newContext({ baseURL })
  const made = await createWorld(request)
  const contexts: BrowserContext[] = []
  const newContext = async (desktop: boolean) => {
    const context = await browser.newContext({
      ...(desktop ? DESKTOP : PHONE),
      baseURL,
      extraHTTPHeaders: { [WORLD_HEADER]: made.world },
      locale: lang === 'en' ? 'en-US' : 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce',
    })
    context.setDefaultTimeout(60_000)
    await context.clock.setFixedTime(NOW)
    await context.addInitScript(HOLD_SCRIPT)
    await context.addInitScript((css: string) => {
      const add = () => {
        const style = document.createElement('style')
        style.dataset.screens = ''
        style.textContent = css
        document.head.append(style)
      }
      if (document.head) add()
      else document.addEventListener('DOMContentLoaded', add, { once: true })
    }, STILL_CSS)
    contexts.push(context)
    return context
  }
  try {
    const phones: Phones = {
      async open({ screen: size, baseURL: _other, ...options }: PhoneFactoryOptions = {}) {
        const context = await newContext(size === 'desktop')
        const device = options.device ?? `phone-${contexts.length}`
        return new SimPhone(await context.newPage(), made.world, { lang, ...options, device })
      },
    }
    const first = await newContext(screen.desktop ?? false)
    // The pay-for-me journey picks 复制链接 by its Chinese name (e2e/pages/friend-pay.ts): in English the
    // shopper's phone stays Chinese and the friend's phone, the one captured, is English.
    const shopperLang = lang === 'en' && FRIEND_LINK.test(screen.name) ? 'zh-CN' : lang
    const phone = new SimPhone(await first.newPage(), made.world, {
      lang: shopperLang,
      device: 'phone-1',
    })
    const gateway = new Gateway({ request, world: made.world })
    const page = (await screen.reach({ phone, phones, gateway })) ?? phone.page
    await settle(page)
    const mask: Locator[] = RANDOM.map((selector) => page.locator(selector))
    const frames = await page.locator('iframe').count()
    for (let i = 0; i < frames; i++) {
      const frame = page.locator('iframe').nth(i).contentFrame()
      for (const selector of RANDOM) mask.push(frame.locator(selector))
    }
    await page.screenshot({
      path: file,
      fullPage: true,
      animations: 'disabled',
      caret: 'hide',
      mask,
      maskColor: '#ff00ff',
    })
  } finally {
    await Promise.all(contexts.map((c) => c.close()))
    await made.delete()
    await request.dispose()
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dist: { type: 'string', default: process.env.DIST_DIR ?? join(root, 'dist') },
      only: { type: 'string' },
      port: { type: 'string', default: '4600' },
      workers: { type: 'string', default: '3' },
    },
  })
  const out = positionals[0]
  if (!out) {
    console.error('usage: npm run screens:capture -- <out folder> [--dist <build>] [--only <text>]')
    process.exit(2)
  }
  const outDir = resolve(out)
  if (!values.only) rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const port = Number(values.port)
  const baseURL = `http://127.0.0.1:${port}`
  const server = await startServer(resolve(values.dist), port)
  const browser = await chromium.launch({
    ...(process.env.CHROMIUM_PATH !== ''
      ? { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }
      : {}),
    args: LAUNCH_ARGS,
  })
  const jobs = LANGS.flatMap((lang) =>
    [...SCREENS, ...MORE]
      .filter((s) => !values.only || s.name.includes(values.only))
      .filter((s) => lang === 'zh-CN' || !ZH_ONLY.test(s.name))
      .map((screen) => ({ screen, lang, file: join(outDir, `${lang}__${slug(screen.name)}.png`) })),
  )
  const failed: string[] = []
  let next = 0
  const worker = async () => {
    for (;;) {
      const job = jobs[next++]
      if (!job) return
      const started = Date.now()
      try {
        await capture(browser, baseURL, job.screen, job.lang, job.file)
        console.log(`  ${job.lang} ${job.screen.name} (${Date.now() - started} ms)`)
      } catch (error) {
        failed.push(`${job.lang} ${job.screen.name}`)
        console.error(
          `✗ ${job.lang} ${job.screen.name}: ${(error as Error).message.split('\n')[0]}`,
        )
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Number(values.workers) }, worker))
  } finally {
    await browser.close()
    server.kill()
  }
  console.log(`${jobs.length - failed.length} of ${jobs.length} screens saved in ${outDir}`)
  if (failed.length > 0) process.exit(1)
}

await main()
