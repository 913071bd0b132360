/**
 * The gateway figures of BRIEF §11 from the existing gateway bench (scripts/bench/gateway-load.ts, its own server
 * on a free loopback port), run shorter and with the memory journal only; its lines are echoed.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { Figure } from './figures.ts'
import { ROOT } from './root.ts'

export interface GatewayOptions {
  seconds: number
  warmup: number
}

function run(options: GatewayOptions): Promise<{ out: string; code: number | null }> {
  const args = [
    '--import',
    'tsx',
    join(ROOT, 'scripts/bench/gateway-load.ts'),
    '--seconds',
    String(options.seconds),
    '--warmup',
    String(options.warmup),
    '--only',
    'memory',
  ]
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
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

export async function gatewayFigures(options: GatewayOptions): Promise<Figure[]> {
  const { out, code } = await run(options)
  for (const line of out.trim().split('\n')) console.log(`    ${line}`)
  const p99s = [...out.matchAll(/^POST .*?p99 ([\d.]+) ms/gm)].map((m) => Number(m[1]))
  const note = code === 0 ? undefined : `gateway bench exited ${code}`
  return [
    {
      name: 'gateway: create-and-pay cycles/s (memory journal)',
      value: number(out, /^cycles\/s\s+(\d+)/m),
      unit: '/s',
      digits: 0,
      budget: { kind: 'min', limit: 2000 },
      note: 'on a shared machine: see the CPU-second figure',
    },
    {
      name: 'gateway: cycles per server CPU-second (one core)',
      value: number(out, /→ (\d+) cycles per CPU-second/),
      unit: '/s',
      digits: 0,
      budget: { kind: 'min', limit: 2000 },
    },
    {
      name: 'gateway: p99 of each call (worst of order, payment, confirm)',
      value: p99s.length === 3 ? Math.max(...p99s) : null,
      unit: 'ms',
      budget: { kind: 'max', limit: 50 },
      ...(note ? { note } : {}),
    },
    {
      name: 'gateway: double payments',
      value: number(out, /^double payments\s+(\d+)/m),
      unit: '',
      digits: 0,
      budget: { kind: 'max', limit: 0 },
    },
    {
      name: 'gateway: lost payments',
      value: number(out, /^lost payments\s+(\d+)/m),
      unit: '',
      digits: 0,
      budget: { kind: 'max', limit: 0 },
    },
    {
      name: 'gateway: money drift',
      value: number(out, /^money drift\s+(-?\d+) fen/m),
      unit: 'fen',
      digits: 0,
      budget: { kind: 'max', limit: 0 },
    },
  ]
}
