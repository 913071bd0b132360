// npm run bench:study [-- --participants 200 --port 4850 --seed 24 --calls 20 --loads 5 --report-out r.html]
//   (DIST_DIR= a build, else one is made in a temporary folder)
// A study with 200 synthetic participants, made and run over the real HTTP routes of the production
// server (a temporary data folder), then measured against its budgets:
// 1. `GET /api/lab/studies/:id/results`: time on loopback (median of --calls) and size;
// 2. the results page (`/lab/studies/:id?key=`) in Debian's Chromium, desktop 1280×900, each load in a
//    fresh context (a cold cache): from `page.goto` until `[data-testid="study-results"][data-ready="true"]`
//    is visible (tables, funnel and heatmaps drawn), median of --loads;
// and, for the record, the one-page report (`report.html`). Exits 0 even over budget (and says so).
//
// The participants: a 2-route between-subjects study (`jump`, `screenshot`); each joins, is given a route
// and a world of their own, and sends what a phone would (screens, taps with x/y/hit on a 390×844
// screen, keys, app switches, requests, a task start); about 80 % really pay their task's order in their
// world (POST /api/shop/orders and the route's payment, with `x-sim-world`), then send `done` (some with
// a SEQ answer); the rest quit where they were. Seeded: the same --seed makes the same study.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { PNG } from 'pngjs'
import {
  IDEMPOTENCY_HEADER,
  SIM_HEADERS,
  SIM_NOW_HEADER,
  WORLD_HEADER,
} from '../../src/contract/headers.ts'
import { labStudyPath } from '../../src/contract/paths.ts'
import {
  CreatedStudySchema,
  ParticipantSchema,
  ROUTE_METHOD,
  StudyEventsAcceptedSchema,
  StudyResultsSchema,
} from '../../src/contract/study.ts'
import type { Participant, StudyEvent, StudyResults, StudyRoute } from '../../src/contract/study.ts'
import { chance, parseSeed, pick, streamOf } from '../../test/support/random.ts'
import type { Random } from '../../test/support/random.ts'
import { startServer, stopServer } from '../../test/support/loopback.ts'
import type { Page } from 'playwright'
import { launchChromium } from './browser.ts'
import { prepareBuild } from './build.ts'
import { ROOT } from './root.ts'
import { percentile } from './stats.ts'

const { values: args } = parseArgs({
  options: {
    participants: { type: 'string', default: '200' },
    port: { type: 'string', default: '4850' },
    seed: { type: 'string', default: '24' },
    calls: { type: 'string', default: '20' },
    loads: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
    /** Where to keep a copy of the study's report.html (to look at it). */
    'report-out': { type: 'string' },
  },
})
const PARTICIPANTS = Number(args.participants)
const SEED = parseSeed(args.seed)
const CALLS = Number(args.calls)
const LOADS = Number(args.loads)
const CONCURRENCY = Number(args.concurrency)
const ROUTES = ['jump', 'screenshot'] as const satisfies readonly StudyRoute[]
const PAY_SHARE = 0.8
const SEQ_SHARE = 0.6

/** The budgets: the page's is the issue's; the API's are ours (a fifth of the page's, and what a phone would fetch comfortably). */
const BUDGET = { resultsMs: 200, resultsBytes: 512 * 1024, pageMs: 1000 }

// --- the phone's screen: 390×844, what the participant meets on each route ---------------------------

const W = 390
const H = 844
type App = 'taobao' | 'wechat' | 'alipay'
interface Target {
  id: string
  x: number
  y: number
  /** Half width and half height of what can be tapped. */
  w: number
  h: number
}
interface Step {
  screen: string
  app: App
  /** Taps in order (a key pad's digits are keys, not taps). */
  taps: Target[]
  keys?: number
  /** The app the step ends in when it is not the next step's. */
  leaveVia?: 'switcher' | 'link'
  request?: { method: string; path: string; status: number }
}

const T = (id: string, x: number, y: number, w = 150, h = 22): Target => ({ id, x, y, w, h })
const ORDER_PAGE: Step = {
  screen: '/',
  app: 'taobao',
  taps: [T('address-card', 195, 150, 175, 40), T('submit-order', 310, 810, 70, 24)],
  request: { method: 'POST', path: '/api/shop/orders', status: 201 },
}
const RESULT: Step = { screen: '/pay/result/:orderId', app: 'taobao', taps: [] }

const FLOWS: Record<(typeof ROUTES)[number], Step[]> = {
  jump: [
    ORDER_PAGE,
    {
      screen: '/?pay',
      app: 'taobao',
      taps: [T('pay-method-wechat', 195, 560), T('confirm-pay', 195, 800)],
      leaveVia: 'link',
      request: { method: 'POST', path: '/api/pay/payments', status: 201 },
    },
    { screen: '/wechat/pay', app: 'wechat', taps: [], keys: 6, leaveVia: 'link' },
    RESULT,
  ],
  screenshot: [
    ORDER_PAGE,
    {
      screen: '/?pay',
      app: 'taobao',
      taps: [T('pay-method-wechat-scan', 195, 616), T('confirm-pay', 195, 800)],
      leaveVia: 'switcher',
      request: { method: 'POST', path: '/api/pay/payments', status: 201 },
    },
    {
      screen: '/wechat',
      app: 'wechat',
      taps: [T('wechat-more', 360, 60, 20, 20), T('wechat-menu-scan', 310, 130, 60, 20)],
    },
    { screen: '/wechat/scan', app: 'wechat', taps: [T('wechat-scan-album', 320, 760, 40, 30)] },
    {
      screen: '/wechat/scan?album',
      app: 'wechat',
      taps: [T('wechat-album-photo', 65, 160, 62, 62)],
    },
    {
      screen: '/wechat/pay',
      app: 'wechat',
      taps: [T('wechat-pay-confirm', 195, 700)],
      keys: 6,
      leaveVia: 'switcher',
      request: { method: 'POST', path: '/api/pay/sheets/:token/confirm', status: 200 },
    },
    RESULT,
  ],
}

/** Seconds a person takes before a tap: mostly 0.8–3 s, now and then much longer (a long tail). */
const think = (r: Random, scale = 1) =>
  Math.round((700 + 1800 * r() + (chance(r, 0.1) ? 6000 * r() : 0)) * scale)

interface Story {
  /** The events before the participant pays (or quits), and after it. */
  before: StudyEvent[]
  after: StudyEvent[]
  durationMs: number
  /** Where a quitter leaves; null for one who pays. */
  quitAt: string | null
  screens: string[]
}

/** What one participant's phone records, from `t0` on: the route's steps, some misclicks, maybe a quit. */
function story(r: Random, route: (typeof ROUTES)[number], t0: number, pays: boolean): Story {
  const flow = FLOWS[route]
  const slow = route === 'screenshot' ? 1.4 : 1
  // A quitter leaves on one of the steps before the result.
  const lastStep = pays ? flow.length - 1 : Math.floor(r() * (flow.length - 1))
  const before: StudyEvent[] = [{ kind: 'task', at: t0, route, phase: 'start' }]
  const after: StudyEvent[] = []
  let into = before
  let at = t0
  const screens: string[] = []
  for (let i = 0; i <= lastStep; i++) {
    const step = flow[i]
    if (!step) break
    at += 300 + Math.round(r() * 500)
    into.push({ kind: 'screen', at, screen: step.screen, app: step.app })
    screens.push(step.screen)
    const quitsHere = !pays && i === lastStep
    const taps = quitsHere ? step.taps.slice(0, Math.floor(r() * step.taps.length)) : step.taps
    for (const target of taps) {
      // Misclicks: beside the target, on nothing.
      const misses = chance(r, route === 'screenshot' ? 0.18 : 0.07) ? 1 + Math.floor(r() * 2) : 0
      for (let m = 0; m < misses; m++) {
        at += think(r, slow)
        const side = chance(r, 0.5) ? -1 : 1
        into.push({
          kind: 'tap',
          at,
          target: 'body',
          screen: step.screen,
          x: clamp(target.x + side * (target.w + 10 + r() * 40), 4, W - 4),
          y: clamp(target.y + (r() - 0.5) * 120, 4, H - 4),
          hit: false,
        })
      }
      at += think(r, slow)
      into.push({
        kind: 'tap',
        at,
        target: target.id,
        screen: step.screen,
        x: Math.round(target.x + (r() - 0.5) * target.w * 1.6),
        y: Math.round(target.y + (r() - 0.5) * target.h * 1.6),
        hit: true,
      })
    }
    if (quitsHere) break
    for (let k = 0; k < (step.keys ?? 0); k++) {
      at += 250 + Math.round(r() * 350)
      into.push({ kind: 'key', at, target: 'wechat-pin-pad' })
    }
    if (step.request) {
      const ms = 20 + Math.round(r() * 120)
      into.push({ kind: 'request', at, ms, ...step.request })
      at += ms
    }
    if (chance(r, 0.04)) {
      into.push({
        kind: 'error',
        at,
        source: 'api',
        code: 'PASSWORD_WRONG',
        message: '支付密码错误',
      })
      for (let k = 0; k < 6; k++)
        into.push({ kind: 'key', at: (at += 300), target: 'wechat-pin-pad' })
    }
    const next = flow[i + 1]
    if (next && next.app !== step.app) {
      at += step.leaveVia === 'switcher' ? think(r, 1.5) : 200
      into.push({ kind: 'app', at, from: step.app, to: next.app, via: step.leaveVia ?? 'link' })
    }
    // What a phone has sent by the time its order is paid: everything up to the last step's screen.
    if (pays && i === flow.length - 2) into = after
  }
  return {
    before,
    after,
    durationMs: at - t0,
    quitAt: pays ? null : (screens.at(-1) ?? null),
    screens,
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, v)))

/** A plain stand-in for a screen's capture: a header band in the app's colour, bars where things are. */
function screenPng(screen: string, app: App): Buffer {
  const png = new PNG({ width: W, height: H })
  const band = app === 'wechat' ? [7, 193, 96] : [255, 80, 0]
  const targets = Object.values(FLOWS)
    .flat()
    .filter((s) => s.screen === screen)
    .flatMap((s) => s.taps)
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4
      const onTarget = targets.some((t) => Math.abs(x - t.x) <= t.w && Math.abs(y - t.y) <= t.h)
      const colour =
        y < 88 ? band : onTarget ? [235, 235, 240] : y % 120 < 2 ? [225, 225, 230] : [255, 255, 255]
      png.data[i] = colour[0] ?? 0
      png.data[i + 1] = colour[1] ?? 0
      png.data[i + 2] = colour[2] ?? 0
      png.data[i + 3] = 255
    }
  }
  return PNG.sync.write(png)
}

// --- HTTP ------------------------------------------------------------------------------------------

interface Answer {
  status: number
  body: unknown
  headers: Headers
  bytes: number
}

function client(origin: string) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const raw = body instanceof Uint8Array
    const res = await fetch(`${origin}${path}`, {
      method,
      headers:
        body === undefined || raw ? headers : { 'content-type': 'application/json', ...headers },
      body:
        body === undefined
          ? undefined
          : raw
            ? new Blob([Uint8Array.from(body)])
            : JSON.stringify(body),
    })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      // not JSON: kept as text
    }
    return {
      status: res.status,
      body: parsed,
      headers: res.headers,
      bytes: Buffer.byteLength(text),
    }
  }
}
type Call = ReturnType<typeof client>

function must(answer: Answer, what: string, ...ok: number[]): unknown {
  if (!ok.includes(answer.status))
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`)
  return answer.body
}

const idOf = (body: unknown, key: string): string => {
  const value = (body as Record<string, unknown> | null)?.[key]
  if (typeof value !== 'string')
    throw new Error(`no ${key} in ${JSON.stringify(body).slice(0, 200)}`)
  return value
}

/** Pays the participant's order the route's way in their world, as the phone would have. */
async function payTask(call: Call, world: string, route: (typeof ROUTES)[number], n: number) {
  const headers = {
    [WORLD_HEADER]: world,
    [SIM_HEADERS.persona]: 'shopper',
    // The era the route's cashier offers it in, as the study's phone opens it (features/study/phone-src.ts).
    [SIM_HEADERS.era]: route === 'jump' ? 'launch' : 'beta',
  }
  const order = must(
    await call(
      'POST',
      '/api/shop/orders',
      { lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 'addr-hz' },
      { ...headers, [IDEMPOTENCY_HEADER]: `bench-study-o-${n}` },
    ),
    'order',
    200,
    201,
  )
  const payment = must(
    await call(
      'POST',
      '/api/pay/payments',
      { orderId: idOf(order, 'checkoutId'), method: ROUTE_METHOD[route] },
      { ...headers, [IDEMPOTENCY_HEADER]: `bench-study-p-${n}` },
    ),
    'payment',
    200,
    201,
  )
  const token = idOf(payment, 'payToken')
  if (route === 'screenshot')
    must(await call('POST', `/api/pay/sheets/${token}/open`, undefined, headers), 'open sheet', 200)
  must(
    await call(
      'POST',
      `/api/pay/sheets/${token}/confirm`,
      { password: '123456', source: 'wechat-balance' },
      headers,
    ),
    'confirm',
    200,
  )
}

// --- the run ----------------------------------------------------------------------------------------

const median = (values: number[]) => percentile(values, 50)
const verdict = (value: number, budget: number) => (value <= budget ? 'ok' : 'OVER BUDGET')
const ms = (v: number) => `${v.toFixed(0)} ms`

interface PageRun {
  kind: 'cold' | 'warm'
  times: number[]
  /** The same loads on the page's own clock: navigation start → the marker (no browser start-up in it). */
  inPage: number[]
  error: string | null
  /** Where the median load's time went, from the page's own clock. */
  detail: string | null
}

/** Stamps, on the page's clock, when the results say they are drawn. */
const READY_PROBE = `
globalThis.__name ??= (fn) => fn
new MutationObserver((_, observer) => {
  if (document.querySelector('[data-testid="study-results"][data-ready="true"]')) {
    globalThis.__readyAt = performance.now()
    observer.disconnect()
  }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] })
`

/**
 * LOADS loads of the results page, from \`page.goto\` until the marker is visible: each in a fresh context
 * (\`cold\`: nothing cached, what the owner's first click meets), or in one context after a first load
 * (\`warm\`: the app's files cached, a reload or the next visit).
 */
async function pageLoads(origin: string, path: string, kind: 'cold' | 'warm'): Promise<PageRun> {
  const run: PageRun = { kind, times: [], inPage: [], error: null, detail: null }
  const details: { ms: number; text: string }[] = []
  const browser = await launchChromium()
  const fresh = async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    })
    await context.addInitScript({ content: READY_PROBE })
    return context
  }
  try {
    const shared = kind === 'warm' ? await fresh() : null
    if (shared) {
      const tab = await shared.newPage()
      await tab.goto(`${origin}${path}`, { waitUntil: 'commit' })
      await tab
        .locator('[data-testid="study-results"][data-ready="true"]')
        .waitFor({ timeout: 15_000 })
      await tab.close()
    }
    for (let i = 0; i < LOADS; i++) {
      const context = shared ?? (await fresh())
      const tab = await context.newPage()
      try {
        const start = performance.now()
        await tab.goto(`${origin}${path}`, { waitUntil: 'commit' })
        await tab
          .locator('[data-testid="study-results"][data-ready="true"]')
          .waitFor({ state: 'visible', timeout: 15_000 })
        const took = performance.now() - start
        run.times.push(took)
        const seen = await breakdown(tab)
        run.inPage.push(seen.ready)
        details.push({ ms: took, text: seen.text })
      } catch (error) {
        run.error =
          error instanceof Error ? (error.message.split('\n')[0] ?? String(error)) : String(error)
        break
      } finally {
        await tab.close()
        if (!shared) await context.close()
      }
    }
    await shared?.close()
  } finally {
    await browser.close()
  }
  const mid = median(run.times)
  run.detail = details.find((d) => d.ms === mid)?.text ?? null
  return run
}

/** The page's own account of a load: its document, its scripts and styles, its API calls, the marker. */
async function breakdown(tab: Page): Promise<{ ready: number; text: string }> {
  const t = await tab.evaluate(() => {
    // The page's Performance (the DOM's, whose entry types Node's typings do not know).
    const perf = performance as unknown as { getEntriesByType(type: string): unknown[] }
    const nav = perf.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    const resources = perf.getEntriesByType('resource') as PerformanceResourceTiming[]
    const assets = resources.filter((r) => /\.(js|css)(\?|$)/.test(r.name))
    const api = resources.filter((r) => r.name.includes('/api/') && !r.name.includes('/screens/'))
    return {
      doc: nav?.responseEnd ?? 0,
      dcl: nav?.domContentLoadedEventEnd ?? 0,
      assets: assets.length,
      kb: assets.reduce((sum, r) => sum + r.encodedBodySize, 0) / 1024,
      lastAssetStart: Math.max(0, ...assets.map((r) => r.startTime)),
      assetsEnd: Math.max(0, ...assets.map((r) => r.responseEnd)),
      api: api.map(
        (r) =>
          `${new URL(r.name).pathname.replace(/^.*\/studies\/[^/]+/, '…')} ${r.startTime.toFixed(0)}–${r.responseEnd.toFixed(0)}`,
      ),
      images: resources.filter((r) => r.name.includes('/screens/')).length,
      ready: (globalThis as unknown as { __readyAt?: number }).__readyAt ?? NaN,
    }
  })
  const text =
    `document ${t.doc.toFixed(0)} ms, DOMContentLoaded ${t.dcl.toFixed(0)} ms; ${t.assets} scripts/styles ` +
    `(${t.kb.toFixed(0)} KB on the wire), the last asked for at ${t.lastAssetStart.toFixed(0)} ms, all in at ${t.assetsEnd.toFixed(0)} ms; ` +
    `API ${t.api.join(', ') || 'none'}; ${t.images} screenshots; marker at ${t.ready.toFixed(0)} ms`
  return { ready: t.ready, text }
}

async function main(): Promise<void> {
  const build = prepareBuild()
  const data = mkdtempSync(join(tmpdir(), 'bench-study-'))
  const port = Number(args.port)
  const taken = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    (r) => r.ok,
    () => false,
  )
  if (taken) throw new Error(`port ${port} is taken: pass another with --port`)
  const server = await startServer({ data, port, cwd: ROOT, env: { DIST_DIR: build.dist } })
  const call = client(server.origin)
  try {
    const load = loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')
    console.log(
      `server ${server.origin}, data ${data}, seed ${SEED}; load average ${load} on ${cpus().length} CPUs`,
    )
    const created = CreatedStudySchema.parse(
      must(
        await call('POST', '/api/lab/studies', {
          name: `bench: ${PARTICIPANTS} synthetic participants`,
          routes: [...ROUTES],
          design: 'between',
          seq: true,
          target: PARTICIPANTS,
          lang: 'en',
        }),
        'create study',
        201,
      ),
    )
    const owner = { 'x-study-key': created.ownerKey }
    const base = `/api/lab/studies/${encodeURIComponent(created.id)}`

    // The participants join one after another, so the nth gets the nth place of the balanced blocks
    // (the same route every run); then they do their tasks CONCURRENCY at a time, each one's choices
    // drawn from its own seeded stream.
    const uploaded = new Set<string>()
    const tally = { paid: 0, quit: 0, seq: 0, events: 0, accepted: 0, screens: 0 }
    const t0 = performance.now()
    const joins: Participant[] = []
    for (let n = 0; n < PARTICIPANTS; n++)
      joins.push(
        ParticipantSchema.parse(must(await call('POST', `${base}/participants`, {}), 'join', 201)),
      )
    const joinS = (performance.now() - t0) / 1000
    let next = 0
    const one = async (n: number) => {
      const r = streamOf(SEED, n)
      const joined = joins[n]
      if (!joined) throw new Error(`no participant ${n}`)
      const task = joined.tasks[0]
      if (!task) throw new Error('a participant with no task')
      const route = task.route
      if (route !== 'jump' && route !== 'screenshot') throw new Error(`unexpected route ${route}`)
      const pid = `${base}/participants/${encodeURIComponent(joined.participantId)}`
      // The world's clock (a phone learns it from any answer): the story is laid out to end now.
      const probe = await call('GET', '/api/shop/catalog', undefined, {
        [WORLD_HEADER]: task.world,
      })
      const now = Date.parse(probe.headers.get(SIM_NOW_HEADER) ?? '') || Date.now()
      const pays = chance(r, PAY_SHARE)
      const plan = story(r, route, 0, pays)
      const shift = (e: StudyEvent): StudyEvent => ({
        ...e,
        at: e.at + now - plan.durationMs - 1000,
      })
      const send = async (events: StudyEvent[]) => {
        if (events.length === 0) return
        const answer = StudyEventsAcceptedSchema.parse(
          must(await call('POST', `${pid}/events`, { events: events.map(shift) }), 'events', 200),
        )
        tally.events += events.length
        tally.accepted += answer.accepted
      }
      await send(plan.before)
      // Each screen's capture, once per study (the first phone to meet it), as the phone does.
      for (const screen of plan.screens) {
        if (uploaded.has(screen)) continue
        uploaded.add(screen)
        const app =
          Object.values(FLOWS)
            .flat()
            .find((s) => s.screen === screen)?.app ?? 'taobao'
        const answer = await call(
          'POST',
          `${pid}/screens?screen=${encodeURIComponent(screen)}`,
          screenPng(screen, app),
          {
            'content-type': 'image/png',
          },
        )
        if (answer.status === 201) tally.screens += 1
        else
          console.log(
            `  screen ${screen}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 120)}`,
          )
      }
      if (!pays) {
        must(await call('POST', `${pid}/quit`, { screen: plan.quitAt ?? undefined }), 'quit', 200)
        tally.quit += 1
        return
      }
      await payTask(call, task.world, route, n)
      const end = plan.durationMs + 1000
      const done: StudyEvent[] = [...plan.after, { kind: 'task', at: end, route, phase: 'done' }]
      if (chance(r, SEQ_SHARE)) {
        // Harder on the screenshot route, as people say it is.
        const base7 = route === 'jump' ? 6 : 4
        const value = Math.min(7, Math.max(1, base7 + pick(r, [-2, -1, 0, 0, 1])))
        done.push({ kind: 'seq', at: end + 3000, route, value })
        tally.seq += 1
      }
      await send(done)
      tally.paid += 1
    }
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < PARTICIPANTS) await one(next++)
      }),
    )
    const fillS = (performance.now() - t0) / 1000
    console.log(
      `${PARTICIPANTS} participants joined in ${joinS.toFixed(1)} s, did their tasks by ${fillS.toFixed(1)} s: ${tally.paid} paid, ${tally.quit} quit, ${tally.seq} SEQ answers, ` +
        `${tally.events} events sent (${tally.accepted} accepted), ${tally.screens} screens captured`,
    )

    // 1. The results over HTTP.
    const first = await call('GET', `${base}/results`, undefined, owner)
    const results: StudyResults = StudyResultsSchema.parse(must(first, 'results', 200))
    for (const route of results.routes)
      console.log(
        `  ${route.route.padEnd(10)} started ${route.started}, completed ${route.completed}, abandoned ${route.abandoned}, ` +
          `completion ${route.completionRate === null ? '—' : `${Math.round(route.completionRate * 100)}%`}, ` +
          `median ${route.timeMedianMs === null ? '—' : `${(route.timeMedianMs / 1000).toFixed(1)} s`}, ${route.steps.length} steps`,
      )
    for (const c of results.comparisons) console.log(`  ${c.summary}`)
    const taps = results.heatmaps.reduce((sum, h) => sum + h.taps.length, 0)
    console.log(
      `  ${results.heatmaps.length} heatmaps, ${taps} taps; ${results.people.length} people`,
    )
    const times: number[] = []
    for (let i = 0; i < CALLS; i++) {
      const start = performance.now()
      must(await call('GET', `${base}/results`, undefined, owner), 'results', 200)
      times.push(performance.now() - start)
    }
    const resultsMs = median(times)
    const kb = (first.bytes / 1024).toFixed(1)

    // The report, for the record.
    const reportTimes: number[] = []
    let reportBytes = 0
    for (let i = 0; i < 5; i++) {
      const start = performance.now()
      const report = await call('GET', `${base}/report.html`, undefined, owner)
      reportTimes.push(performance.now() - start)
      if (report.status !== 200) {
        console.log(`  report.html: ${report.status} ${JSON.stringify(report.body).slice(0, 120)}`)
        break
      }
      reportBytes = report.bytes
      if (i === 0 && args['report-out'] && typeof report.body === 'string')
        writeFileSync(args['report-out'], report.body)
    }

    // 2. The results page in Chromium, each load in a fresh context.
    const cold = await pageLoads(server.origin, labStudyPath(created.id, created.ownerKey), 'cold')
    const warm = await pageLoads(server.origin, labStudyPath(created.id, created.ownerKey), 'warm')

    console.log(
      `\n== a study of ${PARTICIPANTS} participants (${results.participants.finished} finished, ${results.participants.quit} quit) ==`,
    )
    console.log(
      `results API: ${ms(resultsMs)} median of ${CALLS} (budget ${BUDGET.resultsMs} ms) ${verdict(resultsMs, BUDGET.resultsMs)}` +
        `; p95 ${ms(percentile(times, 95))}`,
    )
    console.log(
      `results API size: ${kb} KB (budget ${BUDGET.resultsBytes / 1024} KB) ${verdict(first.bytes, BUDGET.resultsBytes)}`,
    )
    if (reportBytes)
      console.log(
        `report.html: ${ms(median(reportTimes))} median of ${reportTimes.length}, ${(reportBytes / 1024).toFixed(1)} KB (no budget)`,
      )
    for (const [run, what] of [
      [cold, 'a fresh browser context each (cold cache)'],
      [warm, 'one context after a first load (warm cache)'],
    ] as const) {
      if (run.times.length < LOADS) {
        console.log(
          `results page (${run.kind}): not measured (${run.error ?? 'no load finished'}) OVER BUDGET`,
        )
        continue
      }
      const pageMs = median(run.times)
      console.log(
        `results page (${run.kind}): ${ms(pageMs)} median of ${LOADS} (budget ${BUDGET.pageMs} ms) ${verdict(pageMs, BUDGET.pageMs)}` +
          `; loads ${run.times.map((v) => v.toFixed(0)).join(' ')} ms, ${what}; in the page (navigation start → marker) ${ms(median(run.inPage))}`,
      )
      if (run.detail) console.log(`  the median load, in the page: ${run.detail}`)
    }
  } finally {
    await stopServer(server)
    rmSync(data, { recursive: true, force: true })
    if (build.fresh) rmSync(build.dist, { recursive: true, force: true })
  }
}

await main()
