// The example merchant (examples/merchant) as the e2e suite runs it: its own process on a free port, in
// the test's world (SIM_WORLD), so its SDK calls, the payments and the notifications all land there.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures.ts'

/** A free loopback port for the shop. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts `npm run example:merchant`'s program in `world`, and answers its URL once it listens (on
 * `port`, to start it again where its notify_url points; by default a free one).
 */
export async function startShop(
  simUrl: string,
  world: string,
  port?: number,
): Promise<{ url: string; port: number; stop: () => Promise<void> }> {
  port ??= await freePort()
  const child: ChildProcess = spawn(process.execPath, ['examples/merchant/server.mjs'], {
    env: { ...process.env, SIM_URL: simUrl, SIM_WORLD: world, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    // A cold Node start (the shop loads alipay-sdk and its crypto) on a loaded two-core runner.
    const timer = setTimeout(() => reject(new Error(`the shop did not start:\n${output}`)), 30_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('[shop] example merchant at')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => reject(new Error(`the shop exited (${code}):\n${output}`)))
  })
  // The start's own listener (it failed the start) gives way to one that waits for the stop.
  child.removeAllListeners('exit')
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill()
      await exited
    },
  }
}

/** A test with the example shop running in its world: `shop` is the shop's URL. */
export const shopTest = test.extend<{ shop: string }>({
  shop: async ({ baseURL, world }, use) => {
    const shop = await startShop(baseURL ?? '', world)
    await use(shop.url)
    await shop.stop()
  },
})

/** axe on what is on screen (frames included): no serious or critical WCAG 2.1 A/AA violation. */
export async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  )
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([])
}
