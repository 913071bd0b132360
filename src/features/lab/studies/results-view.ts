import type { RouteResult, StudyResults } from '@/contract/study.ts'
import { completing, funnel, type DropOff } from '../funnel.ts'

type Heatmap = StudyResults['heatmaps'][number]

/** One screen of a route as the results page draws it: measured beside the model. */
export interface StepRow {
  screen: string
  reached: number
  /** Share (0–1) of the route's starters who reached this screen. */
  reachedShare: number
  droppedHere: number
  /** Share (0–1) the model's funnel keeps at this step (the lab's drop-off settings). */
  modelShare: number
  medianMs: number | null
  predictedMs: number | null
}

export interface StepsView {
  rows: StepRow[]
  /** The last bar of each funnel: measured completion and the model's, with its app switches. */
  completedShare: number | null
  modelCompleted: number
  /** Sum over the steps, where every step has a value (else null). */
  measuredTotalMs: number | null
  predictedTotalMs: number | null
}

/**
 * A route's steps beside the lab's funnel projection (features/lab/funnel.ts): the model loses
 * `perStep` at every screen after the first and `perSwitch` at each of the route's app switches (its
 * measured mean, rounded), so its last bar is what the lab would have projected for this route.
 */
export function stepsView(route: RouteResult, drop: DropOff): StepsView {
  const stages = funnel(route.steps.length, 0, drop)
  const starters = route.started
  const rows = route.steps.map((step, i) => ({
    screen: step.screen,
    reached: step.reached,
    reachedShare: starters > 0 ? step.reached / starters : 0,
    droppedHere: step.droppedHere,
    modelShare: stages[i]?.remaining ?? 0,
    medianMs: step.medianMs,
    predictedMs: step.predictedMs,
  }))
  const switches = Math.round(route.appSwitches ?? 0)
  return {
    rows,
    completedShare: route.completionRate,
    modelCompleted: completing(Math.max(1, route.steps.length), switches, drop),
    measuredTotalMs: route.timeMedianMs,
    predictedTotalMs:
      route.predictedMs ??
      (rows.length > 0 && rows.every((r) => r.predictedMs !== null)
        ? rows.reduce((sum, r) => sum + (r.predictedMs ?? 0), 0)
        : null),
  }
}

/** The size a screen is drawn at: its own aspect, as large as fits in `maxWidth` × `maxHeight`. */
export function fitBox(
  width: number,
  height: number,
  maxWidth: number,
  maxHeight: number,
): { scale: number; width: number; height: number } {
  if (width <= 0 || height <= 0) return { scale: 1, width: maxWidth, height: maxHeight }
  const scale = Math.min(maxWidth / width, maxHeight / height)
  return { scale, width: Math.round(width * scale), height: Math.round(height * scale) }
}

/** A phone's screen when no screenshot says otherwise (the simulator's 390 CSS px wide). */
export const DEFAULT_SCREEN = { width: 390, height: 844 }

/**
 * The heatmap's own size: the screenshot's, else the phone's default, grown to hold every tap (a long
 * page scrolled far down is taller than one screen).
 */
export function heatmapSize(map: Heatmap): { width: number; height: number } {
  const width = map.width ?? DEFAULT_SCREEN.width
  const tallest = map.taps.reduce((max, tap) => Math.max(max, tap.y), 0)
  const height = map.height ?? Math.max(DEFAULT_SCREEN.height, Math.ceil(tallest + 20))
  return { width, height }
}

/** The taps of a heatmap in the drawing's pixels, the ones outside the screen left out. */
export function scaledTaps(map: Heatmap, scale: number): { x: number; y: number; hit: boolean }[] {
  const { width, height } = heatmapSize(map)
  return map.taps
    .filter((tap) => tap.x >= 0 && tap.y >= 0 && tap.x <= width && tap.y <= height)
    .map((tap) => ({ x: tap.x * scale, y: tap.y * scale, hit: tap.hit }))
}

export function tapCounts(map: Heatmap): { taps: number; misses: number } {
  return { taps: map.taps.length, misses: map.taps.filter((t) => !t.hit).length }
}

/** 0.6667 → "67 %"-style text without the sign; null → null. */
export function percent(share: number | null): string | null {
  return share === null ? null : String(Math.round(share * 100))
}

export function seconds(ms: number | null, digits = 1): string | null {
  return ms === null ? null : (ms / 1000).toFixed(digits)
}

/** A p value as a paper prints it: "< 0.001" below that, else three decimals. */
export function pValue(p: number | null): string {
  if (p === null) return '—'
  return p < 0.001 ? '< 0.001' : p.toFixed(3)
}

/** The whisker bar's geometry (0–100 % of its width) for a rate and its interval. */
export function rateBar(rate: number | null, low: number | null, high: number | null) {
  const clamp = (v: number) => Math.min(100, Math.max(0, v * 100))
  return {
    bar: rate === null ? 0 : clamp(rate),
    low: low === null ? null : clamp(low),
    high: high === null ? null : clamp(high),
  }
}

/** A screen's address as a short label: the path without the query, and "/" for the home page. */
export function screenLabel(screen: string): string {
  // `/?pay` (the cashier over the order page) is a screen of its own: the query's names are kept.
  return screen.length > 0 ? screen : '/'
}
