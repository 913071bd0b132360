// The report's two charts as inline SVG (no script, no external request): completion per route as bars
// with their Wilson interval as whiskers, and the median time on task as a dot with its bootstrap interval
// and the model's prediction beside it. Styled by the report's own stylesheet (the `c-` classes).
import type { RouteResult } from '../../../contract/study.ts'
import { esc, num, percent, secondsOf } from './html.ts'
import type { ReportMessages } from './messages.ts'

const WIDTH = 380
const LEFT = 132
const PLOT = 190
const ROW = 26
const TOP = 8
const AXIS = 22

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/** Ticks from 0 to a round maximum at or above `max`, at most about five of them. */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1]
  const rough = max / 4
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power
  const ticks: number[] = []
  for (let t = 0; t < max + step * 0.999; t += step) ticks.push(Math.round(t * 1e6) / 1e6)
  return ticks
}

interface Frame {
  height: number
  rows: (i: number) => number
}

function frame(count: number): Frame {
  return { height: TOP + count * ROW + AXIS, rows: (i) => TOP + i * ROW }
}

function axis(ticks: number[], top: number, bottom: number, label: (t: number) => string): string {
  const last = ticks[ticks.length - 1] ?? 1
  return ticks
    .map((t) => {
      const x = LEFT + (t / last) * PLOT
      return (
        `<line class="c-grid" x1="${num(x)}" y1="${num(top)}" x2="${num(x)}" y2="${num(bottom)}"/>` +
        `<text class="c-tick" x="${num(x)}" y="${num(bottom + 12)}" text-anchor="middle">${esc(label(t))}</text>`
      )
    })
    .join('')
}

function svg(title: string, id: string, height: number, body: string): string {
  return (
    `<svg class="chart" role="img" aria-labelledby="${id}" viewBox="0 0 ${WIDTH} ${num(height)}" width="${WIDTH}" height="${num(height)}">` +
    `<title id="${id}">${esc(title)}</title>${body}</svg>`
  )
}

const label = (y: number, text: string) =>
  `<text class="c-label" x="${LEFT - 6}" y="${num(y + 11)}" text-anchor="end">${esc(text)}</text>`

function whisker(x1: number, x2: number, y: number): string {
  return (
    `<line class="c-whisker" x1="${num(x1)}" y1="${num(y)}" x2="${num(x2)}" y2="${num(y)}"/>` +
    `<line class="c-whisker" x1="${num(x1)}" y1="${num(y - 4)}" x2="${num(x1)}" y2="${num(y + 4)}"/>` +
    `<line class="c-whisker" x1="${num(x2)}" y1="${num(y - 4)}" x2="${num(x2)}" y2="${num(y + 4)}"/>`
  )
}

/** Completion per route: a bar to its rate, whiskers over its 95 % Wilson interval. */
export function completionChart(routes: readonly RouteResult[], t: ReportMessages): string {
  const f = frame(routes.length)
  const bottom = f.height - AXIS + 4
  const x = (rate: number) => LEFT + Math.min(1, Math.max(0, rate)) * PLOT
  const rows = routes
    .map((r, i) => {
      const y = f.rows(i)
      const name = label(y, t.routes[r.route])
      if (!r.enough || !finite(r.completionRate))
        return `${name}<text class="c-note" x="${LEFT + 4}" y="${num(y + 11)}">${esc(t.notEnough)}</text>`
      const low = r.completionCi.low
      const high = r.completionCi.high
      const ci = finite(low) && finite(high) ? whisker(x(low), x(high), y + 7) : ''
      const end = Math.max(x(r.completionRate), finite(high) ? x(high) : 0)
      return (
        name +
        `<rect class="c-bar" x="${LEFT}" y="${num(y)}" width="${num(x(r.completionRate) - LEFT)}" height="14"/>` +
        ci +
        `<text class="c-value" x="${num(Math.min(end + 5, LEFT + PLOT + 5))}" y="${num(y + 11)}">${esc(percent(r.completionRate, t.none))}</text>`
      )
    })
    .join('')
  const grid = axis([0, 0.25, 0.5, 0.75, 1], TOP - 4, bottom, (v) => percent(v, t.none))
  return svg(t.chart.completion, 'chart-completion', f.height, grid + rows)
}

/** Median time on task per route: a dot with its 95 % bootstrap interval, and the KLM's prediction. */
export function timeChart(routes: readonly RouteResult[], t: ReportMessages): string {
  const f = frame(routes.length)
  const bottom = f.height - AXIS + 4
  const values = routes.flatMap((r) =>
    [r.enough ? r.timeMedianMs : null, r.enough ? r.timeCi.high : null, r.predictedMs].filter(
      finite,
    ),
  )
  const ticks = niceTicks(Math.max(1, ...values) / 1000)
  const max = (ticks[ticks.length - 1] ?? 1) * 1000
  const x = (ms: number) => LEFT + (Math.min(max, Math.max(0, ms)) / max) * PLOT
  const rows = routes
    .map((r, i) => {
      const y = f.rows(i)
      const mid = y + 7
      let body = label(y, t.routes[r.route])
      // The note of a thin route starts past the model's diamond when that is near the start.
      let note = LEFT + 4
      if (finite(r.predictedMs)) {
        const px = x(r.predictedMs)
        body += `<path class="c-predicted" d="M${num(px)} ${num(mid - 5)}l5 5l-5 5l-5 -5z"/>`
        if (px < LEFT + PLOT / 2) note = px + 9
      }
      if (!r.enough || !finite(r.timeMedianMs))
        return `${body}<text class="c-note" x="${num(note)}" y="${num(y + 11)}">${esc(t.notEnough)}</text>`
      const low = r.timeCi.low
      const high = r.timeCi.high
      if (finite(low) && finite(high)) body += whisker(x(low), x(high), mid)
      body += `<circle class="c-dot" cx="${num(x(r.timeMedianMs))}" cy="${num(mid)}" r="4.5"/>`
      const end = Math.max(x(r.timeMedianMs), finite(high) ? x(high) : 0)
      body += `<text class="c-value" x="${num(Math.min(end + 5, LEFT + PLOT + 5))}" y="${num(y + 11)}">${esc(t.seconds(secondsOf(r.timeMedianMs, t.none)))}</text>`
      return body
    })
    .join('')
  const grid = axis(ticks, TOP - 4, bottom, (v) => String(v))
  return svg(t.chart.time, 'chart-time', f.height, grid + rows)
}
