import type { Translate } from '@/lib/i18n/i18n.ts'
import { figuresOf, type RunFigures } from './figures.ts'
import { FLOW_IDS, type FlowId } from './flows.ts'
import { completing, type DropOff } from './funnel.ts'
import { klmSeconds, type KlmTimes } from './klm.ts'
import type { LabRun } from './run.ts'

/** A row of the lab's table: a flow's latest run, its figures and what the models make of them. */
export interface FlowRow {
  flow: FlowId
  run: LabRun
  figures: RunFigures
  klmSeconds: number
  /** Share (0–1) of shoppers the funnel projects to finish. */
  completing: number
}

/** The latest run of each flow (runs are newest first), in the flows' order. */
export function latestRows(runs: readonly LabRun[], klm: KlmTimes, drop: DropOff): FlowRow[] {
  const rows: FlowRow[] = []
  for (const flow of FLOW_IDS) {
    const run = runs.find((r) => r.flow === flow)
    if (!run) continue
    rows.push(rowOf(run, klm, drop))
  }
  return rows
}

export function rowOf(run: LabRun, klm: KlmTimes, drop: DropOff): FlowRow {
  const figures = figuresOf(run.events)
  return {
    flow: run.flow,
    run,
    figures,
    klmSeconds: klmSeconds(figures, klm),
    completing: completing(figures.steps, figures.appSwitches, drop),
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(1)

/** The table's header: the CSV export's first row is the same. */
export function headerCells(t: Translate): string[] {
  return [
    t('lab.table.flow'),
    t('lab.table.mode'),
    t('lab.table.steps'),
    t('lab.table.taps'),
    t('lab.table.keystrokes'),
    t('lab.table.appSwitches'),
    t('lab.table.elapsed'),
    t('lab.table.waiting'),
    t('lab.table.errors'),
    t('lab.table.klm'),
    t('lab.table.completing'),
  ]
}

/** A row as the table shows it, cell by cell: the CSV export writes exactly these. */
export function rowCells(row: FlowRow, t: Translate): string[] {
  const { figures, run } = row
  const name = t(`lab.flows.${row.flow}.name`)
  return [
    run.done ? name : `${name} ${t('lab.table.unfinished')}`,
    run.mode === 'autoplay'
      ? t('lab.table.autoplayMode', { speed: run.speed })
      : t('lab.table.handMode'),
    String(figures.steps),
    String(figures.taps),
    String(figures.keystrokes),
    String(figures.appSwitches),
    seconds(figures.elapsedMs),
    seconds(figures.waitMs),
    String(figures.errors),
    row.klmSeconds.toFixed(1),
    `${Math.round(row.completing * 100)}%`,
  ]
}

/** How much more the screenshot route costs than the jump route, when both have finished a run. */
export interface Comparison {
  taps: number
  switches: number
  steps: number
  seconds: number
  /** Percentage points fewer shoppers finishing. */
  lost: number
}

export function compareRoutes(rows: readonly FlowRow[]): Comparison | null {
  const jump = rows.find((r) => r.flow === 'jump' && r.run.done)
  const shot = rows.find((r) => r.flow === 'screenshot' && r.run.done)
  if (!jump || !shot) return null
  return {
    taps: shot.figures.taps - jump.figures.taps,
    switches: shot.figures.appSwitches - jump.figures.appSwitches,
    steps: shot.figures.steps - jump.figures.steps,
    seconds: shot.klmSeconds - jump.klmSeconds,
    lost: Math.round(jump.completing * 100) - Math.round(shot.completing * 100),
  }
}
