// `GET /api/lab/studies/:studyId/report.html`: a study's results as one self-contained, printable page to
// paste into a design review. Inline CSS and SVG, screenshots as data: URLs, no script, no external
// request; every value from the results escaped. A4, one or two pages; no table breaks across pages.
import { KLM_SOURCE } from '../../../contract/klm.ts'
import type { RouteComparison, RouteResult, StudyResults } from '../../../contract/study.ts'
import { completionChart, timeChart } from './charts.ts'
import { heatmapFigure } from './heatmap.ts'
import type { ScreenImage } from './heatmap.ts'
import { esc, one, percent, pValue, secondsOf, signed, utcDate } from './html.ts'
import { REPORT_MESSAGES } from './messages.ts'
import type { ReportLang, ReportMessages } from './messages.ts'

const STYLE = `
:root {
  --ink: #1d1d1f; --muted: #6e6e73; --line: #d2d2d7; --soft: #f5f5f7; --brand: #ff5000;
  --bar: #4a7bb7; --dot: #1f4e8c; --predicted: #8a8a8e; --hit: #2c7bb6; --miss: #d7191c;
}
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { font: 10pt/1.4 -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 1mm; line-height: 1.2; }
h2 { font-size: 11.5pt; margin: 5mm 0 2mm; padding-bottom: 1mm; border-bottom: 2px solid var(--brand); }
h3 { font-size: 10pt; margin: 0 0 1mm; }
p { margin: 0 0 1.5mm; }
code { font: 8.5pt ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
.kicker { color: var(--brand); font-weight: 600; font-size: 8.5pt; text-transform: uppercase; letter-spacing: .04em; margin: 0; }
.meta { color: var(--muted); }
.meta span + span::before { content: " · "; }
.badge { display: inline-block; padding: 0 4px; border-radius: 3px; background: var(--soft); color: var(--muted); font-weight: 400; font-size: 8pt; }
table { border-collapse: collapse; width: 100%; break-inside: avoid; page-break-inside: avoid; font-variant-numeric: tabular-nums; }
th, td { text-align: left; vertical-align: top; padding: 1mm 1.5mm; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 1.5px solid var(--ink); font-size: 9pt; }
tbody th { font-weight: 400; color: var(--muted); width: 34%; }
td.num, th.num { text-align: right; }
.funnel td.num { white-space: nowrap; }
.funnel th { font-size: 8pt; }
.funnel code { font-size: 8pt; }
.ci { color: var(--muted); font-size: 8.5pt; white-space: nowrap; }
.thin { color: var(--muted); font-style: italic; }
ul.comparisons { margin: 0; padding-left: 5mm; }
ul.comparisons li { margin-bottom: 1.5mm; break-inside: avoid; }
.tests { color: var(--muted); font-size: 8.5pt; }
.charts { display: flex; flex-wrap: wrap; gap: 4mm; break-inside: avoid; page-break-inside: avoid; }
.charts figure { margin: 0; flex: 1 1 88mm; }
figcaption { font-size: 8.5pt; color: var(--muted); }
svg.chart { display: block; max-width: 100%; height: auto; }
.c-grid { stroke: var(--line); stroke-width: 1; }
.c-tick { font-size: 9px; fill: var(--muted); }
.c-label { font-size: 10px; fill: var(--ink); }
.c-value { font-size: 10px; fill: var(--ink); font-weight: 600; }
.c-note { font-size: 10px; fill: var(--muted); font-style: italic; }
.c-bar { fill: var(--bar); }
.c-whisker { stroke: var(--ink); stroke-width: 1.2; }
.c-dot { fill: var(--dot); }
.c-predicted { fill: none; stroke: var(--predicted); stroke-width: 1.5; }
.legend { font-size: 8.5pt; color: var(--muted); margin: 1mm 0 0; }
.key { display: inline-block; width: 9px; height: 9px; border-radius: 50%; vertical-align: -1px; margin: 0 3px 0 8px; }
.key-bar { border-radius: 0; background: var(--bar); }
.key-dot { background: var(--dot); }
.key-whisker { border-radius: 0; height: 1.5px; width: 12px; vertical-align: 3px; background: var(--ink); }
.key-predicted { border-radius: 0; transform: rotate(45deg) scale(.8); border: 1.5px solid var(--predicted); }
.key-hit { background: var(--hit); opacity: .6; }
.key-miss { background: var(--miss); opacity: .75; }
.funnels { display: flex; flex-wrap: wrap; gap: 4mm; }
.funnel { flex: 1 1 88mm; break-inside: avoid; page-break-inside: avoid; }
.funnel td.screen { width: 40%; }
.reach { display: inline-block; height: 6px; background: var(--bar); vertical-align: middle; margin-right: 3px; }
.heatmaps { display: flex; flex-wrap: wrap; gap: 4mm; }
.heatmap { margin: 0; width: 180px; break-inside: avoid; page-break-inside: avoid; }
.heatmap svg { display: block; border-radius: 6px; background: var(--soft); }
.h-frame { fill: none; stroke: var(--line); stroke-width: 2; }
.h-blank { fill: var(--soft); }
.h-blank-text { font-size: 22px; fill: var(--muted); }
.h-hit { fill: var(--hit); fill-opacity: .5; stroke: #fff; stroke-width: 1.5; stroke-opacity: .7; }
.h-miss { fill: var(--miss); fill-opacity: .65; stroke: #fff; stroke-width: 1.5; stroke-opacity: .8; }
footer { margin-top: 5mm; padding-top: 2mm; border-top: 1px solid var(--line); color: var(--muted); font-size: 8pt; }
@page { size: A4; margin: 12mm; }
@media print {
  html { font-size: 9pt; }
  body { max-width: none; padding: 0; }
  th, td { padding: .6mm 1.2mm; }
  tbody th { width: 40%; }
  h2 { margin-top: 4mm; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section { break-inside: auto; }
  /* Five screens a row on paper, so the heatmaps and the funnel share the second page. */
  .heatmaps { gap: 3mm; }
  .heatmap { width: 34mm; }
  .heatmap svg { width: 100%; height: auto; }
}
`

/** Completed or abandoned: the n a route's statistics stand on. */
const nOf = (r: RouteResult) => r.completed + r.abandoned

function interval(low: number | null, high: number | null, show: (v: number) => string): string {
  if (low === null || high === null) return ''
  return ` <span class="ci">(${esc(show(low))}–${esc(show(high))})</span>`
}

function routeTable(results: StudyResults, t: ReportMessages): string {
  const routes = results.routes
  const min = results.study.minN
  const head = routes
    .map((r) => {
      const thin = r.enough
        ? ''
        : `<br/><span class="badge">${esc(t.notEnoughN(nOf(r), min))}</span>`
      return `<th class="num" scope="col" data-route="${esc(r.route)}">${esc(t.routes[r.route])}${thin}</th>`
    })
    .join('')
  const none = t.none
  const thin = `<span class="thin">${esc(t.notEnough)}</span>`
  const noPct = (v: number) => percent(v, none)
  const noSec = (v: number) => t.seconds(secondsOf(v, none))
  type Cell = (r: RouteResult) => string
  const rows: [string, Cell][] = [
    [t.metric.started, (r) => esc(r.started)],
    [t.metric.completed, (r) => esc(r.completed)],
    [t.metric.abandoned, (r) => esc(r.abandoned)],
    [
      t.metric.completion,
      (r) =>
        r.enough
          ? esc(percent(r.completionRate, none)) +
            interval(r.completionCi.low, r.completionCi.high, noPct)
          : thin,
    ],
    [
      t.metric.time,
      (r) =>
        r.enough
          ? esc(t.seconds(secondsOf(r.timeMedianMs, none))) +
            interval(r.timeCi.low, r.timeCi.high, noSec)
          : thin,
    ],
    [t.metric.taps, (r) => (r.enough ? esc(one(r.taps, none)) : thin)],
    [
      t.metric.misclicks,
      (r) =>
        r.enough
          ? esc(percent(r.misclickRate, none)) +
            (r.misclicks === null
              ? ''
              : ` <span class="ci">(${esc(t.perTask(one(r.misclicks, none)))})</span>`)
          : thin,
    ],
    [t.metric.appSwitches, (r) => (r.enough ? esc(one(r.appSwitches, none)) : thin)],
    [t.metric.errors, (r) => (r.enough ? esc(one(r.errors, none)) : thin)],
    [t.metric.seq, (r) => (r.enough ? esc(one(r.seq, none)) : thin)],
    [t.metric.sus, (r) => (r.enough ? esc(one(r.sus, none)) : thin)],
    [t.metric.predicted, (r) => esc(t.seconds(secondsOf(r.predictedMs, none)))],
  ]
  const body = rows
    .map(
      ([name, cell]) =>
        `<tr><th scope="row">${esc(name)}</th>${routes.map((r) => `<td class="num">${cell(r)}</td>`).join('')}</tr>`,
    )
    .join('')
  return (
    `<table class="routes" data-testid="report-routes"><thead><tr><th scope="col"></th>${head}</tr></thead>` +
    `<tbody>${body}</tbody></table>`
  )
}

function comparisonItem(c: RouteComparison, t: ReportMessages, min: number): string {
  const title = `<strong>${esc(t.versus(t.routes[c.b], t.routes[c.a]))}</strong>`
  if (!c.enough)
    return `<li data-a="${esc(c.a)}" data-b="${esc(c.b)}">${title}: <span class="thin">${esc(t.comparisonNotEnough(c.n[0], c.n[1], min))}</span></li>`
  const none = t.none
  const time = [
    `${t.timeTest}: ${t.test[c.timeTest.name]}, ${pValue(c.timeTest.p, none)}`,
    c.timeTest.effect === null ? null : t.effect(signed(c.timeTest.effect, 2)),
    c.timeRatio === null
      ? null
      : t.ratio(
          c.timeRatio.toFixed(1),
          c.timeRatioCi.low === null ? none : c.timeRatioCi.low.toFixed(1),
          c.timeRatioCi.high === null ? none : c.timeRatioCi.high.toFixed(1),
        ),
  ].filter((s): s is string => s !== null)
  const completion = [
    `${t.completionTest}: ${t.test[c.completionTest.name]}, ${pValue(c.completionTest.p, none)}`,
    c.completionTest.difference === null
      ? null
      : t.difference(signed(c.completionTest.difference * 100, 0)),
  ].filter((s): s is string => s !== null)
  return (
    `<li data-a="${esc(c.a)}" data-b="${esc(c.b)}">${title}: ${esc(c.summary)}` +
    `<br/><span class="tests">${esc(time.join('; '))}</span>` +
    `<br/><span class="tests">${esc(completion.join('; '))}</span></li>`
  )
}

function comparisons(results: StudyResults, t: ReportMessages): string {
  if (results.comparisons.length === 0) return `<p class="thin">${esc(t.noComparison)}</p>`
  const items = results.comparisons.map((c) => comparisonItem(c, t, results.study.minN)).join('')
  return `<ul class="comparisons">${items}</ul>`
}

function charts(results: StudyResults, t: ReportMessages): string {
  return (
    `<div class="charts">` +
    `<figure>${completionChart(results.routes, t)}<figcaption>${esc(t.chart.completion)}` +
    `<br/><span class="key key-bar"></span>${esc(t.chart.rate)}` +
    `<span class="key key-whisker"></span>${esc(t.chart.interval)}</figcaption></figure>` +
    `<figure>${timeChart(results.routes, t)}<figcaption>${esc(t.chart.time)}<br/>` +
    `<span class="key key-dot"></span>${esc(t.chart.measured)}` +
    `<span class="key key-whisker"></span>${esc(t.chart.interval)}` +
    `<span class="key key-predicted"></span>${esc(t.chart.predicted)}` +
    `</figcaption></figure></div>`
  )
}

function funnel(r: RouteResult, t: ReportMessages, min: number): string {
  const none = t.none
  const most = Math.max(1, ...r.steps.map((s) => s.reached))
  const caption = r.enough ? '' : ` <span class="badge">${esc(t.notEnoughN(nOf(r), min))}</span>`
  const rows = r.steps
    .map(
      (s) =>
        `<tr data-screen="${esc(s.screen)}"><td class="screen"><code>${esc(s.screen)}</code></td>` +
        `<td class="num"><span class="reach" style="width:${Math.round((s.reached / most) * 40)}px"></span>${esc(s.reached)}</td>` +
        `<td class="num">${esc(s.droppedHere)}</td>` +
        `<td class="num">${esc(t.seconds(secondsOf(s.medianMs, none)))}</td>` +
        `<td class="num">${esc(s.predictedMs === null ? none : t.seconds(secondsOf(s.predictedMs, none)))}</td></tr>`,
    )
    .join('')
  const body =
    r.steps.length > 0 ? rows : `<tr><td colspan="5" class="thin">${esc(t.funnel.empty)}</td></tr>`
  return (
    `<div class="funnel" data-route="${esc(r.route)}"><h3>${esc(t.routes[r.route])}${caption}</h3>` +
    `<table><thead><tr><th scope="col">${esc(t.funnel.screen)}</th><th scope="col" class="num">${esc(t.funnel.reached)}</th>` +
    `<th scope="col" class="num">${esc(t.funnel.dropped)}</th><th scope="col" class="num">${esc(t.funnel.median)}</th>` +
    `<th scope="col" class="num">${esc(t.funnel.predicted)}</th></tr></thead><tbody>${body}</tbody></table></div>`
  )
}

function heatmaps(
  results: StudyResults,
  images: Map<string, ScreenImage>,
  t: ReportMessages,
): string {
  const figures = results.heatmaps
    .filter((h) => h.taps.length > 0)
    .map((h, i) => heatmapFigure(h, h.imageId === null ? undefined : images.get(h.imageId), i, t))
    .join('')
  if (!figures) return `<p class="thin">${esc(t.heatmap.none)}</p>`
  return (
    `<p class="legend"><span class="key key-hit"></span>${esc(t.heatmap.hits)}` +
    `<span class="key key-miss"></span>${esc(t.heatmap.misclicks)}</p>` +
    `<div class="heatmaps">${figures}</div>`
  )
}

/** The report as one HTML document, in `lang`. */
export function studyReportHtml(
  results: StudyResults,
  images: Map<string, { contentType: string; bytes: Uint8Array }>,
  lang: 'zh-CN' | 'en',
): string {
  const t = REPORT_MESSAGES[lang satisfies ReportLang]
  const { study, participants } = results
  const name = study.name ?? t.untitled
  const perRoute = results.routes
    .map((r) => `<span>${esc(t.routes[r.route])}: n = ${esc(nOf(r))}</span>`)
    .join('')
  const meta = [
    t.design[study.design],
    t.participants(
      participants.total,
      participants.finished,
      participants.quit,
      participants.active,
    ),
    t.target(study.finished, study.target),
    t.status[study.status],
    t.createdAt(utcDate(study.createdAt)),
  ]
    .map((s) => `<span>${esc(s)}</span>`)
    .join('')
  const min = study.minN
  return (
    `<!DOCTYPE html>\n<html lang="${esc(lang)}"><head><meta charset="utf-8"/>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"/>` +
    `<title>${esc(t.docTitle(name))}</title><style>${STYLE}</style></head>` +
    `<body data-study="${esc(study.id)}"><header><p class="kicker">${esc(t.kicker)}</p>` +
    `<h1>${esc(name)}</h1><p class="meta">${meta}</p>` +
    `<p class="meta" data-testid="report-n"><span>${esc(t.nPerRoute)}</span>${perRoute}</p>` +
    `<p class="meta"><span>${esc(t.minN(min))}</span></p></header>` +
    `<section><h2>${esc(t.section.table)}</h2>${routeTable(results, t)}</section>` +
    `<section><h2>${esc(t.section.comparisons)}</h2>${comparisons(results, t)}</section>` +
    `<section><h2>${esc(t.section.charts)}</h2>${charts(results, t)}</section>` +
    `<section><h2>${esc(t.section.funnel)}</h2><div class="funnels">` +
    `${results.routes.map((r) => funnel(r, t, min)).join('')}</div></section>` +
    `<section><h2>${esc(t.section.heatmaps)}</h2>${heatmaps(results, images, t)}</section>` +
    `<footer><p>${esc(t.klmSource(KLM_SOURCE))}</p><p>${esc(t.footer)}</p></footer>` +
    `</body></html>\n`
  )
}
