/**
 * The gateway figures of BRIEF §11 from the gateway bench (scripts/bench/gateway-load.ts, its own servers
 * on free loopback ports), run shorter: the bare Hono limit and the gateway with its journal on disk, at
 * 1 and at 100 busy worlds, in the same run; its lines are echoed.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { Figure } from './figures.ts'
import { ROOT } from './root.ts'

export interface GatewayOptions {
  seconds: number
  warmup: number
  /** The build whose server bundle is measured (else gateway-load.ts makes one). */
  dist?: string | undefined
}

/** BRIEF §11: gateway cycles/s ≥ 85 % of the bare Hono app's, p99 of each call ≤ 10 ms. */
const RATIO_MIN = 0.85
const P99_MAX_MS = 10

function run(options: GatewayOptions): Promise<{ out: string; code: number | null }> {
  const args = [
    '--import',
    'tsx',
    join(ROOT, 'scripts/bench/gateway-load.ts'),
    '--seconds',
    String(options.seconds),
    '--warmup',
    String(options.warmup),
  ]
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      // The build `npm run bench` measures: its server bundle is the gateway under load.
      env: options.dist ? { ...process.env, DIST_DIR: options.dist } : process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.once('error', fail)
    child.once('exit', (code) => done({ out, code }))
  })
}

function number(out: string, pattern: RegExp): number | null {
  const match = pattern.exec(out)
  return match?.[1] === undefined ? null : Number(match[1])
}

/** The part of the bench's output under the heading that contains `heading` (up to the next `==`). */
function section(out: string, heading: RegExp): string {
  const part = out.split(/^(?===)/m).find((s) => heading.test(s.split('\n')[0] ?? ''))
  return part ?? ''
}

/** The worst p99 of the three calls in a section (null unless all three were printed). */
function worstP99(part: string): number | null {
  const p99s = [...part.matchAll(/^POST .*?p99 ([\d.]+) ms/gm)].map((m) => Number(m[1]))
  return p99s.length === 3 ? Math.max(...p99s) : null
}

export async function gatewayFigures(options: GatewayOptions): Promise<Figure[]> {
  const { out, code } = await run(options)
  for (const line of out.trim().split('\n')) console.log(`    ${line}`)
  const note = code === 0 ? undefined : `gateway bench exited ${code}`
  const bare = section(out, /^== bare Hono/)
  const figures: Figure[] = [
    {
      name: 'gateway: bare Hono limit, create-and-pay cycles/s (same client, same run)',
      value: number(bare, /^cycles\/s\s+(\d+)/m),
      unit: '/s',
      digits: 0,
      ...(note ? { note } : {}),
    },
  ]
  for (const [label, heading] of [
    ['1 world', /journal on disk, 1 busy world/],
    ['100 worlds', /journal on disk, \d+ busy worlds/],
  ] as const) {
    const part = section(out, heading)
    figures.push(
      {
        name: `gateway, journal on disk, ${label}: cycles/s`,
        value: number(part, /^cycles\/s\s+(\d+)/m),
        unit: '/s',
        digits: 0,
        note: 'on a shared machine: see the ratio',
      },
      {
        name: `gateway, journal on disk, ${label}: cycles/s ÷ bare Hono's`,
        value: number(part, /^ratio to bare Hono\s+([\d.]+)/m),
        unit: '',
        digits: 2,
        budget: { kind: 'min', limit: RATIO_MIN },
      },
      {
        // The machine may be shared: when other work starves both servers, cycles/s say little, and
        // this one (the servers' own CPU a cycle) says what the gateway costs beside the framework.
        name: `gateway, journal on disk, ${label}: bare Hono's server CPU a cycle ÷ the gateway's`,
        value: number(part, /^CPU ratio\s+([\d.]+)/m),
        unit: '',
        digits: 2,
      },
      {
        name: `gateway, journal on disk, ${label}: p99 of each call (worst of order, payment, confirm)`,
        value: worstP99(part),
        unit: 'ms',
        budget: { kind: 'max', limit: P99_MAX_MS },
      },
    )
  }
  const money = section(out, /^== money, gateway with journal on disk/)
  figures.push(
    {
      name: 'gateway: double payments',
      value: number(money, /^double payments\s+(\d+)/m),
      unit: '',
      digits: 0,
      budget: { kind: 'max', limit: 0 },
    },
    {
      name: 'gateway: lost payments',
      value: number(money, /^lost payments\s+(\d+)/m),
      unit: '',
      digits: 0,
      budget: { kind: 'max', limit: 0 },
    },
    {
      name: 'gateway: money drift',
      value: number(money, /^money drift\s+(-?\d+) fen/m),
      unit: 'fen',
      digits: 0,
      budget: { kind: 'max', limit: 0 },
    },
  )
  return figures
}
