import { describe, expect, it } from 'vitest'
import { DEFAULT_DROP_OFF } from './funnel.ts'
import { DEFAULT_KLM } from './klm.ts'
import type { LabRun, RunEvent } from './run.ts'
import { compareRoutes, latestRows } from './table-rows.ts'

function run(
  id: string,
  flow: LabRun['flow'],
  taps: number,
  switches: number,
  screens: number,
): LabRun {
  const events: RunEvent[] = [{ kind: 'mark', at: 0, mark: 'start', phone: 'p' }]
  for (let i = 0; i < screens; i++)
    events.push({ kind: 'screen', at: i + 1, screen: `/s${i}`, app: 'taobao', phone: 'p' })
  for (let i = 0; i < taps; i++) events.push({ kind: 'tap', at: 10 + i, target: 't', phone: 'p' })
  for (let i = 0; i < switches; i++)
    events.push({
      kind: 'app',
      at: 50 + i,
      from: 'taobao',
      to: 'wechat',
      via: 'switcher',
      phone: 'p',
    })
  events.push({ kind: 'mark', at: 100, mark: 'done', phone: 'p' })
  return { id, flow, mode: 'autoplay', speed: 1, startedAt: 0, done: true, failure: null, events }
}

describe('the lab table', () => {
  it("shows each route's latest run, in the routes' order", () => {
    const runs = [
      run('s2', 'screenshot', 13, 2, 7),
      run('j1', 'jump', 6, 0, 4),
      run('s1', 'screenshot', 1, 0, 1),
    ]
    const rows = latestRows(runs, DEFAULT_KLM, DEFAULT_DROP_OFF)
    expect(rows.map((r) => r.run.id)).toEqual(['j1', 's2'])
    expect(rows[0]?.klmSeconds).toBeCloseTo(6 * 2.35, 10)
  })

  it('says how much more the screenshot route costs than the jump route', () => {
    const rows = latestRows(
      [run('j', 'jump', 6, 0, 4), run('s', 'screenshot', 13, 2, 7)],
      DEFAULT_KLM,
      DEFAULT_DROP_OFF,
    )
    const comparison = compareRoutes(rows)
    expect(comparison).toMatchObject({ taps: 7, switches: 2, steps: 3 })
    expect(comparison?.seconds).toBeCloseTo(7 * 2.35 + 2 * 0.36, 10)
    // 0.97³ → 91 %; 0.97⁶ · 0.9² → 67 %.
    expect(comparison?.lost).toBe(91 - 67)
    expect(compareRoutes(rows.slice(0, 1))).toBeNull()
  })
})
