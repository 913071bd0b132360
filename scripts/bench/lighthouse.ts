/**
 * Lighthouse's mobile performance score of `/` with Debian's Chromium. Lighthouse is not a dependency
 * (its lockfile breaks `npm ci` here): npx fetches the pinned version once and then runs it from its
 * cache (`--prefer-offline`); the page itself is on loopback, so no run needs the network.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Figure } from './figures.ts'

const LIGHTHOUSE = 'lighthouse@12.8.2'

interface Report {
  categories?: { performance?: { score?: number | null } }
  audits?: Record<string, { numericValue?: number } | undefined>
  runtimeError?: { message?: string }
}

function runLighthouse(url: string, output: string): Promise<number | null> {
  const chrome = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  const args = [
    '--yes',
    '--prefer-offline',
    LIGHTHOUSE,
    url,
    `--chrome-path=${chrome}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
    '--only-categories=performance',
    '--form-factor=mobile',
    '--output=json',
    `--output-path=${output}`,
    '--quiet',
  ]
  return new Promise((done, fail) => {
    const child = spawn('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] })
    child.once('error', fail)
    child.once('exit', (code) => done(code))
  })
}

interface Run {
  report: Report
  /** Why the run gave no score, if it did not. */
  problem: string | undefined
}

async function oneRun(url: string, folder: string, index: number): Promise<Run> {
  const output = join(folder, `report-${index}.json`)
  const code = await runLighthouse(url, output)
  let report: Report = {}
  try {
    report = JSON.parse(readFileSync(output, 'utf8')) as Report
  } catch {
    // No report: the exit code says why.
  }
  const problem =
    report.runtimeError?.message ??
    (typeof report.categories?.performance?.score === 'number'
      ? undefined
      : `lighthouse exited ${code} without a score`)
  return { report, problem }
}

const scoreOf = (run: Run) => run.report.categories?.performance?.score ?? Number.NaN

/**
 * `runs` Lighthouse runs (a run that fails, as NO_NAVSTART sometimes does on a busy machine, is tried
 * once more); the figures are those of the median run by score, as Lighthouse's own docs advise.
 */
export async function lighthouseFigures(origin: string, runs: number): Promise<Figure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'))
  const url = `${origin}/?persona=shopper&era=beta`
  try {
    const done: Run[] = []
    const problems: string[] = []
    for (let i = 0; i < runs; i++) {
      let run = await oneRun(url, folder, i * 2)
      if (run.problem) run = await oneRun(url, folder, i * 2 + 1)
      if (run.problem) problems.push(run.problem)
      else done.push(run)
    }
    const sorted = done.sort((a, b) => scoreOf(a) - scoreOf(b))
    const median = sorted[Math.floor((sorted.length - 1) / 2)]
    const audit = (id: string) => median?.report.audits?.[id]?.numericValue ?? null
    const scores = sorted.map((run) => (scoreOf(run) * 100).toFixed(0)).join(', ')
    const note = [
      done.length ? `median of ${done.length} run(s): ${scores}` : '',
      problems.length ? `failed: ${problems.join('; ')}` : '',
    ]
      .filter(Boolean)
      .join('; ')
    return [
      {
        name: 'Lighthouse mobile performance score of /',
        value: median ? scoreOf(median) * 100 : null,
        unit: '',
        digits: 0,
        budget: { kind: 'min', limit: 98 },
        note,
      },
      {
        name: 'Lighthouse: first contentful paint',
        value: audit('first-contentful-paint'),
        unit: 'ms',
        digits: 0,
        budget: { kind: 'max', limit: 1200 },
      },
      {
        name: 'Lighthouse: largest contentful paint',
        value: audit('largest-contentful-paint'),
        unit: 'ms',
        digits: 0,
        budget: { kind: 'max', limit: 1500 },
      },
      {
        name: 'Lighthouse: total blocking time',
        value: audit('total-blocking-time'),
        unit: 'ms',
        digits: 0,
      },
      {
        name: 'Lighthouse: cumulative layout shift',
        value: audit('cumulative-layout-shift'),
        unit: '',
        digits: 3,
        budget: { kind: 'max', limit: 0 },
      },
    ]
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
