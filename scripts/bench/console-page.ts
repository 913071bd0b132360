// npm run bench:console-page [-- --events 10000 --live 100 --port 4391]   (DIST_DIR= a build, else one is made)
// The console page in Debian's Chromium against the production server (memory), in a fresh world:
// 1. the world filled with --events entries (orders placed through the API), then /console opened:
//    the time until its rows are on screen, and the frames while the list is scrolled end to end
//    (the virtualised list: long frames over 50 ms counted);
// 2. --live more orders, one at a time, while the page is open: from each call's answer to its row in
//    the page (a MutationObserver in the page stamps each row's arrival), p50/p95 (target p95 < 100 ms).
import { parseArgs } from 'node:util'
import { rmSync } from 'node:fs'
import { SEED_CART } from '../../src/server/domain/seed.ts'
import { launchChromium } from './browser.ts'
import { prepareBuild } from './build.ts'
import { startAppServer } from './server.ts'
import { percentile } from './stats.ts'

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    live: { type: 'string', default: '100' },
    port: { type: 'string', default: '4391' },
  },
})
const EVENTS = Number(values.events)
const LIVE = Number(values.live)
const TARGET_P95_MS = 100

const build = prepareBuild()
const server = await startAppServer(build.dist, Number(values.port))
const browser = await launchChromium()
try {
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.origin}/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as Record<string, unknown>
  }
  const world = String((await post('/__test/worlds', {})).world)
  const inWorld = { 'x-sim-world': world }
  for (const { skuId } of SEED_CART)
    await post('/__test/stock', { skuId, stock: 10_000_000 }, inWorld)
  let n = 0
  const order = () =>
    post(
      '/shop/orders',
      { lines: SEED_CART, addressId: 'addr-hz' },
      { ...inWorld, 'x-sim-persona': 'shopper', 'idempotency-key': `console-page-${++n}` },
    )
  // Each order is one entry or more (the order, the stock it takes): fill past --events.
  for (let i = 0; i < EVENTS; i += 16) await Promise.all(Array.from({ length: 16 }, order))

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  const t0 = Date.now()
  await page.goto(`${server.origin}/console?world=${world}`)
  await page.getByTestId('console-row').first().waitFor()
  const firstRows = Date.now() - t0
  const held = await page.getByTestId('console-count').innerText()

  // Scroll the whole list in steps of a screen, one per frame, counting long frames.
  const frames = await page.evaluate(async () => {
    const list = document.querySelector<HTMLElement>('[data-testid="console-timeline"]')
    if (!list) throw new Error('no list')
    const gaps: number[] = []
    let last = performance.now()
    while (list.scrollTop + list.clientHeight < list.scrollHeight) {
      list.scrollTop += list.clientHeight
      await new Promise(requestAnimationFrame)
      const now = performance.now()
      gaps.push(now - last)
      last = now
    }
    return { gaps, rows: document.querySelectorAll('[data-testid="console-row"]').length }
  })

  // Live: each new row's arrival, stamped in the page on the wall clock.
  await page.evaluate(() => {
    const seen = new Map<string, number>()
    ;(window as unknown as { __rows: Map<string, number> }).__rows = seen
    new MutationObserver(() => {
      for (const row of document.querySelectorAll<HTMLElement>('[data-type="order.created"]')) {
        const ids = row.querySelector('.console-row__ids')?.textContent ?? ''
        if (!seen.has(ids)) seen.set(ids, Date.now())
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true })
  })
  await page.evaluate(() =>
    document.querySelector('[data-testid="console-timeline"]')?.scrollTo(0, 0),
  )
  const lags: number[] = []
  for (let i = 0; i < LIVE; i++) {
    const answer = await order()
    const answeredAt = Date.now()
    // The seeded cart: two shops' orders; the row of the first one's order.created.
    const orderId = String((answer.orderIds as unknown[] | undefined)?.[0])
    await page.waitForFunction(
      (id) =>
        [...(window as unknown as { __rows: Map<string, number> }).__rows.keys()].some((k) =>
          k.includes(id),
        ),
      orderId,
    )
    const at = await page.evaluate(
      (id) =>
        [...(window as unknown as { __rows: Map<string, number> }).__rows].find(([k]) =>
          k.includes(id),
        )?.[1] ?? NaN,
      orderId,
    )
    lags.push(at - answeredAt)
  }
  const long = frames.gaps.filter((g) => g > 50).length
  console.log(`\n== the console with ${held} ==`)
  console.log(
    `first rows on screen        ${firstRows} ms (open → rows; ${frames.rows} rows in the page at a time)`,
  )
  console.log(
    `scrolled end to end        ${frames.gaps.length} frames: p50 ${percentile(frames.gaps, 50).toFixed(1)} ms, p95 ${percentile(frames.gaps, 95).toFixed(1)} ms, ${long} over 50 ms`,
  )
  const p95 = percentile(lags, 95)
  console.log(
    `answer → row, ${LIVE} live    p50 ${percentile(lags, 50).toFixed(0)} ms  p95 ${p95.toFixed(0)} ms  (target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'ok' : 'OVER'})`,
  )
} finally {
  await browser.close()
  await server.stop()
  if (build.fresh) rmSync(build.dist, { recursive: true, force: true })
}
