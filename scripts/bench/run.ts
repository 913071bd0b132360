/**
 * `npm run bench`: every figure of BRIEF §11 against its budget, then one table.
 *
 *   npm run bench -- [--only size,browser,gateway,lighthouse] [--skip-lighthouse] [--tries 30]
 *                    [--warmup-tries 2] [--port 4450] [--gateway-seconds 5] [--gateway-warmup 3]
 *                    [--lighthouse-runs 3] [--check]
 *
 * Builds the app into a temporary folder (or measures DIST_DIR), starts the production server on
 * loopback with a memory journal, drives Debian's Chromium with Playwright, runs the gateway bench and
 * Lighthouse. Exits 0 even when a figure fails its budget, unless `--check`.
 */
import { rmSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { launchChromium, newPhone } from './browser.ts'
import { prepareBuild } from './build.ts'
import type { Figure } from './figures.ts'
import { printFigure, printTable, verdict } from './figures.ts'
import { friendTry, scanTry } from './flows.ts'
import { gatewayFigures } from './gateway.ts'
import { lighthouseFigures } from './lighthouse.ts'
import { startAppServer } from './server.ts'
import type { AppServer } from './server.ts'
import { sizeFigures } from './size.ts'
import { spread } from './stats.ts'

/** Issue 25's target for a payment landing on the shopper's screen (BRIEF §11 allows 100 ms). */
const LANDING_P95_MAX_MS = 30

const SECTIONS = ['size', 'browser', 'gateway', 'lighthouse'] as const
type Section = (typeof SECTIONS)[number]

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    'skip-lighthouse': { type: 'boolean', default: false },
    tries: { type: 'string', default: '30' },
    'warmup-tries': { type: 'string', default: '2' },
    port: { type: 'string', default: '4450' },
    'gateway-seconds': { type: 'string', default: '5' },
    'gateway-warmup': { type: 'string', default: '3' },
    'lighthouse-runs': { type: 'string', default: '3' },
    check: { type: 'boolean', default: false },
  },
})

function chosenSections(): Set<Section> {
  const only = args.only?.split(',').map((s) => s.trim())
  const unknown = only?.filter((s) => !SECTIONS.includes(s as Section)) ?? []
  if (unknown.length)
    throw new Error(`--only: unknown ${unknown.join(', ')} (${SECTIONS.join(', ')})`)
  const chosen = new Set<Section>((only as Section[] | undefined) ?? SECTIONS)
  if (args['skip-lighthouse']) chosen.delete('lighthouse')
  return chosen
}

function section(title: string): void {
  console.log(`\n== ${title} ==`)
}

async function browserFigures(server: AppServer): Promise<Figure[]> {
  const tries = Number(args.tries)
  const warmups = Number(args['warmup-tries'])
  const browser = await launchChromium()
  try {
    const context = await newPhone(browser, server.origin)
    // The friend's phone: its own browser context, paying from its own page.
    const payer = await newPhone(browser, server.origin)
    const qr: number[] = []
    const scanLanding: number[] = []
    const friendLanding: number[] = []
    for (let i = 0; i < warmups + tries; i++) {
      const scan = await scanTry(context, payer, server.origin)
      const friend = await friendTry(context, payer, server.origin)
      if (i < warmups) continue
      qr.push(scan.tapToQrMs)
      scanLanding.push(scan.landingMs)
      friendLanding.push(friend)
      process.stdout.write(i + 1 === warmups + tries ? '\n' : '.')
    }
    await context.close()
    await payer.close()
    const tap = spread(qr)
    const scanned = spread(scanLanding)
    const friended = spread(friendLanding)
    const samples = (name: string, values: number[]) =>
      console.log(
        `  ${name} (ms, sorted): ${[...values]
          .sort((a, b) => a - b)
          .map((v) => v.toFixed(0))
          .join(' ')}`,
      )
    samples('tap → QR', qr)
    samples('QR paid → shown', scanLanding)
    samples('friend paid → shown', friendLanding)
    const n = `n=${tries}, after ${warmups} warm-up tries`
    // The live stream can reach the page before the payer's own answer does.
    const early = `${n}; below 0: drawn before the payer's answer was read`
    return [
      { name: 'tap 确认付款 (wechat-scan) → QR drawn: p50', value: tap.p50, unit: 'ms', note: n },
      {
        name: 'tap 确认付款 (wechat-scan) → QR drawn: p95',
        value: tap.p95,
        unit: 'ms',
        budget: { kind: 'max', limit: 150 },
        note: `max ${tap.max.toFixed(1)} ms`,
      },
      { name: 'QR paid → shopper sees 支付成功: p50', value: scanned.p50, unit: 'ms', note: early },
      {
        name: 'QR paid → shopper sees 支付成功: p95',
        value: scanned.p95,
        unit: 'ms',
        budget: { kind: 'max', limit: LANDING_P95_MAX_MS },
        note: `max ${scanned.max.toFixed(1)} ms`,
      },
      {
        name: 'friend pays → shopper sees paid: p50',
        value: friended.p50,
        unit: 'ms',
        note: early,
      },
      {
        name: 'friend pays → shopper sees paid: p95',
        value: friended.p95,
        unit: 'ms',
        budget: { kind: 'max', limit: LANDING_P95_MAX_MS },
        note: `max ${friended.max.toFixed(1)} ms`,
      },
    ]
  } finally {
    await browser.close()
  }
}

async function main(): Promise<number> {
  const sections = chosenSections()
  const figures: Figure[] = []
  const add = (list: Figure[]) => {
    for (const f of list) printFigure(f)
    figures.push(...list)
  }
  const needsBuild = sections.has('size') || sections.has('browser') || sections.has('lighthouse')
  const build = needsBuild ? prepareBuild() : null
  let server: AppServer | null = null
  try {
    if (build && sections.has('size')) {
      section(`JavaScript (gzip level 9) of ${build.dist}`)
      add(sizeFigures(build.dist))
    }
    if (build && (sections.has('browser') || sections.has('lighthouse'))) {
      server = await startAppServer(build.dist, Number(args.port))
    }
    if (server && sections.has('browser')) {
      section(`Chromium, iPhone 14, ${server.origin} (memory journal)`)
      add(await browserFigures(server))
    }
    if (sections.has('gateway')) {
      section(
        'gateway (scripts/bench/gateway-load.ts: bare Hono, then the journal on disk at 1 and 100 worlds)',
      )
      add(
        await gatewayFigures({
          seconds: Number(args['gateway-seconds']),
          warmup: Number(args['gateway-warmup']),
          dist: build?.dist,
        }),
      )
    }
    if (server && sections.has('lighthouse')) {
      section('Lighthouse 12.8.2, mobile, Debian Chromium')
      add(await lighthouseFigures(server.origin, Number(args['lighthouse-runs'])))
    }
  } finally {
    await server?.stop()
    if (build?.fresh) rmSync(build.dist, { recursive: true, force: true })
  }
  section('BRIEF §11 budgets')
  printTable(figures)
  const failed = figures.filter((f) => ['FAIL', 'ERROR'].includes(verdict(f)))
  if (failed.length) console.log(`\n${failed.length} figure(s) off budget or not measured`)
  return args.check && failed.length ? 1 : 0
}

process.exitCode = await main()
