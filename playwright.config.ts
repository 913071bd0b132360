import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import { seconds } from './e2e/timeouts.ts'
import { serverBundleOf } from './src/server/server-bundle.ts'

/**
 * The suite runs against one production server for the whole run, or against an instance that is
 * already running when BASE_URL is set: every test gets a world of its own on it (the Playwright kit,
 * packages/playwright-kit), so workers never see each other's orders, clocks or faults. See TESTING.md.
 */
const externalBaseURL = process.env.BASE_URL
const workers = Number(process.env.E2E_WORKERS ?? 2)
/** Specs the Android-size project runs by default: one per main payment route. */
const ANDROID_SMOKE = [
  'pay-with-balance.spec.ts',
  'order-once.spec.ts',
  'cashier-methods.spec.ts',
  'wechat-scan-screenshot.spec.ts',
  'wechat-jump.spec.ts',
  'forgot-password-wallets.spec.ts',
  /friend-pay-.*\.spec\.ts/,
]

/**
 * `npm test` runs the core specs (the main routes, on the iPhone): its five minutes (issue 25); `npm run
 * test:slow` runs the rest, so the two together run every spec on both phones (`.ci/run` runs both).
 * E2E_SCOPE=core | rest | all (default all: `npm run test:e2e`, `npx playwright test`).
 */
const scope = process.env.E2E_SCOPE ?? 'all'
if (!['core', 'rest', 'all'].includes(scope))
  throw new Error(`E2E_SCOPE: core, rest or all, not ${scope}`)
const CORE = [
  'first-frame.spec.ts',
  'order-once.spec.ts',
  'pay-with-balance.spec.ts',
  'cashier-methods.spec.ts',
  'checkout-per-shop.spec.ts',
  'wechat-jump.spec.ts',
  'wechat-scan-screenshot.spec.ts',
  'friend-pay-flow.spec.ts',
  'cross-site.spec.ts',
  'study-participant.spec.ts',
]
const NOTHING = /^$/
const iphoneScope =
  scope === 'core' ? { testMatch: CORE } : scope === 'rest' ? { testIgnore: CORE } : {}
const androidScope =
  scope === 'core'
    ? { testMatch: NOTHING }
    : process.env.E2E_ANDROID === 'all'
      ? {}
      : { testMatch: ANDROID_SMOKE }

export const FIRST_PORT = Number(process.env.E2E_FIRST_PORT ?? 4301)

/** Debian's Chromium by default; CHROMIUM_PATH names another, CHROMIUM_PATH="" uses Playwright's own. */
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '')

const launchOptions = {
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers,
  // Scaled to the load: more browsers than cores wait longer (e2e/timeouts.ts, TESTING.md).
  timeout: seconds(30),
  expect: { timeout: seconds(5) },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL: externalBaseURL ?? `http://127.0.0.1:${FIRST_PORT}`,
    // An instance beyond loopback wants its test token on test-API calls (TESTING.md).
    ...(externalBaseURL && process.env.GATEWAY_TEST_TOKEN
      ? { extraHTTPHeaders: { 'x-sim-test-token': process.env.GATEWAY_TEST_TOKEN } }
      : {}),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions,
    // Motion off, as the CSS's prefers-reduced-motion has it: an endless scan light repainting in four
    // browsers on two cores kept Playwright's "stable" check from ever passing (the 支付宝 scan screen).
    // Nothing waits on an animation's end; the motion itself is looked at in screenshots.
    reducedMotion: 'reduce',
  },
  projects: [
    {
      name: 'iphone',
      use: { ...devices['iPhone 14'], browserName: 'chromium', launchOptions },
      ...iphoneScope,
    },
    {
      // The Android-size phone runs the main paths only (in `npm run test:slow`'s half); `E2E_ANDROID=all`
      // runs every spec on it too.
      name: 'android',
      use: { ...devices['Pixel 7'], browserName: 'chromium', launchOptions },
      ...androidScope,
    },
  ],
  webServer: externalBaseURL
    ? undefined
    : {
        // The build under test's own server bundle (`vite build` makes it, decision 017): what `npm start` runs.
        command: `node "${serverBundleOf(process.env.DIST_DIR || 'dist')}"`,
        url: `http://127.0.0.1:${FIRST_PORT}/api/health`,
        env: {
          PORT: String(FIRST_PORT),
          HOST: '127.0.0.1',
          GATEWAY_DATA: 'memory',
          ...(process.env.DIST_DIR ? { DIST_DIR: process.env.DIST_DIR } : {}),
        },
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'ignore' as const,
        stderr: 'pipe' as const,
      },
})
