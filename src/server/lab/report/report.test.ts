// The one-page report: what it says (n, rates, intervals, the comparisons with their tests, the funnel,
// the heatmaps), that it is one self-contained and well-formed document in either language, and that
// nothing from the results gets out of its text.
import { describe, expect, it } from 'vitest'
import { StudyResultsSchema } from '../../../contract/study.ts'
import type { StudyResults } from '../../../contract/study.ts'
import { imageSize } from './heatmap.ts'
import { REPORT_MESSAGES } from './messages.ts'
import { studyReportHtml } from './report.ts'

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
)
/** The start of a JPEG up to its SOF0 frame: 844 high, 390 wide. */
const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x4c, 0x01, 0x86, 0x03, 0x01, 0x22,
  0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
])

const step = (
  screen: string,
  reached: number,
  droppedHere: number,
  medianMs: number | null,
  predictedMs: number | null,
) => ({ screen, reached, droppedHere, medianMs, predictedMs })

function fixture(name: string | null = 'Jump vs screenshot, launch week'): StudyResults {
  return StudyResultsSchema.parse({
    study: {
      id: 'st_4kq9',
      name,
      design: 'between',
      seq: true,
      sus: false,
      status: 'open',
      lang: 'en',
      finished: 27,
      target: 40,
      routes: ['jump', 'screenshot', 'friend'],
      createdAt: Date.UTC(2026, 11, 1, 9, 30),
      minN: 5,
    },
    people: [
      {
        participantId: 'p1',
        status: 'finished',
        joinedAt: Date.UTC(2026, 11, 1, 10),
        tasks: [{ route: 'jump', status: 'completed' }],
      },
    ],
    participants: { total: 29, active: 2, finished: 23, quit: 4 },
    routes: [
      {
        route: 'jump',
        started: 13,
        completed: 11,
        abandoned: 1,
        completionRate: 11 / 12,
        completionCi: { low: 0.646, high: 0.985 },
        timeMedianMs: 21_340,
        timeCi: { low: 17_020, high: 26_910 },
        taps: 7.25,
        misclicks: 0.4,
        misclickRate: 0.055,
        appSwitches: 1,
        errors: 0.1,
        seq: 6.2,
        sus: null,
        predictedMs: 14_960,
        enough: true,
        steps: [
          step('/', 12, 0, 4_100, 2_350),
          step('/?pay', 12, 1, 6_200, 4_700),
          step('/wechat/pay', 11, 0, 5_900, 5_070),
          step('/pay/result/:orderId', 11, 0, 900, null),
        ],
      },
      {
        route: 'screenshot',
        started: 12,
        completed: 8,
        abandoned: 4,
        completionRate: 8 / 12,
        completionCi: { low: 0.391, high: 0.862 },
        timeMedianMs: 47_800,
        timeCi: { low: 38_160, high: 61_400 },
        taps: 14.5,
        misclicks: 2.1,
        misclickRate: 0.1448,
        appSwitches: 2.4,
        errors: 0.6,
        seq: 3.9,
        sus: null,
        predictedMs: 31_210,
        enough: true,
        steps: [
          step('/', 12, 0, 4_300, 2_350),
          step('/?pay', 12, 0, 6_900, 4_700),
          step('/wechat/scan', 10, 3, 19_400, 9_800),
          step('/pay/result/:orderId', 8, 1, 1_100, null),
        ],
      },
      {
        route: 'friend',
        started: 4,
        completed: 2,
        abandoned: 1,
        completionRate: 2 / 3,
        completionCi: { low: 0.208, high: 0.939 },
        timeMedianMs: 65_000,
        timeCi: { low: null, high: null },
        taps: 11,
        misclicks: 1,
        misclickRate: 0.09,
        appSwitches: 1,
        errors: 0,
        seq: 4,
        sus: null,
        predictedMs: 24_000,
        enough: false,
        steps: [step('/', 3, 0, 5_000, 2_350), step('/?pay', 3, 1, 8_000, 4_700)],
      },
    ],
    comparisons: [
      {
        a: 'jump',
        b: 'screenshot',
        n: [12, 12],
        enough: true,
        timeRatio: 2.24,
        timeRatioCi: { low: 1.61, high: 2.93 },
        timeTest: { name: 'mann-whitney', statistic: 9, p: 0.0021, effect: -0.8 },
        completionTest: { name: 'fisher', p: 0.317, difference: -0.25 },
        summary: 'screenshot took 2.2× as long, 95 % CI 1.6–2.9×, n = 12 + 12',
      },
      {
        a: 'jump',
        b: 'friend',
        n: [12, 3],
        enough: false,
        timeRatio: null,
        timeRatioCi: { low: null, high: null },
        timeTest: { name: 'mann-whitney', statistic: null, p: null, effect: null },
        completionTest: { name: 'fisher', p: null, difference: null },
        summary: 'not enough data yet',
      },
    ],
    heatmaps: [
      {
        screen: '/?pay',
        imageId: 'img-pay',
        width: 390,
        height: 844,
        taps: [
          { x: 195, y: 790, hit: true },
          { x: 200, y: 795, hit: true },
          { x: 40, y: 300, hit: false },
        ],
      },
      {
        screen: '/wechat/scan',
        imageId: 'img-scan',
        width: null,
        height: null,
        taps: [{ x: 300, y: 120, hit: false }],
      },
      { screen: '/', imageId: 'img-home', width: 390, height: 844, taps: [] },
      {
        screen: '/pay/result/:orderId',
        imageId: null,
        width: 390,
        height: 844,
        taps: [{ x: 195, y: 500, hit: true }],
      },
    ],
  })
}

const IMAGES = new Map([
  ['img-pay', { contentType: 'image/png', bytes: PNG }],
  ['img-scan', { contentType: 'image/jpeg', bytes: JPEG }],
  ['img-home', { contentType: 'image/png', bytes: PNG }],
])

const VOID = new Set(['meta', 'br', 'img', 'link', 'hr', 'input', 'col', 'wbr'])

/** Every tag closed in order, void elements aside: the little parse a browser would not need to fix. */
function wellFormed(html: string): { ok: boolean; problem?: string; tags: Map<string, number> } {
  const tags = new Map<string, number>()
  const body = html
    .replace(/^<!DOCTYPE html>\s*/i, '')
    .replace(/<style>[^<]*<\/style>/g, '<style></style>')
  if (/<!|<\?/.test(body)) return { ok: false, problem: 'comment or declaration', tags }
  const stack: string[] = []
  for (const match of body.matchAll(
    /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g,
  )) {
    const [, closing, rawName = '', , selfClosing] = match
    const name = rawName.toLowerCase()
    if (closing) {
      const open = stack.pop()
      if (open !== name) return { ok: false, problem: `</${name}> closes <${open}>`, tags }
      continue
    }
    tags.set(name, (tags.get(name) ?? 0) + 1)
    if (!selfClosing && !VOID.has(name)) stack.push(name)
  }
  // Anything that looks like a tag but did not match the pattern (a stray `<`) is a defect too.
  const stray = body.replace(/<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g, '')
  if (stray.includes('<') || stray.includes('>'))
    return {
      ok: false,
      problem: `stray bracket near ${stray.slice(stray.search(/[<>]/), 60)}`,
      tags,
    }
  if (stack.length) return { ok: false, problem: `unclosed ${stack.join(', ')}`, tags }
  return { ok: true, tags }
}

const count = (text: string, part: string) => text.split(part).length - 1

describe('studyReportHtml', () => {
  const en = studyReportHtml(fixture(), IMAGES, 'en')
  const zh = studyReportHtml(fixture(), IMAGES, 'zh-CN')

  it('is one well-formed, self-contained document with its charset and language', () => {
    for (const [html, lang] of [
      [en, 'en'],
      [zh, 'zh-CN'],
    ] as const) {
      const parsed = wellFormed(html)
      expect(parsed.problem).toBeUndefined()
      expect(parsed.ok).toBe(true)
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
      expect(html).toContain(`<html lang="${lang}">`)
      expect(html).toContain('<meta charset="utf-8"/>')
      expect(parsed.tags.get('style')).toBe(1)
      // No script, no request anywhere else: no URL that is not data:.
      expect(html.replace(/data:[^"]*/g, '')).not.toMatch(
        /<script|javascript:|@import|url\(|https?:\/\/|\/\/[a-z]/i,
      )
      for (const ref of html.matchAll(/\s(?:href|src)="([^"]*)"/g))
        expect(ref[1]).toMatch(/^data:image\/(png|jpeg);base64,/)
      expect(html).toContain('@page { size: A4')
      expect(html).toContain('break-inside: avoid')
    }
  })

  it('names the study, its design, the n per route and the date', () => {
    expect(en).toContain('<h1>Jump vs screenshot, launch week</h1>')
    expect(en).toContain('Between-subjects')
    expect(en).toContain('Jump to WeChat: n = 12')
    expect(en).toContain('Screenshot the QR code: n = 12')
    expect(en).toContain('Ask a friend: n = 3')
    expect(en).toContain('2026-12-01 09:30 UTC')
    expect(en).toContain('29 participants (23 finished, 4 quit, 2 active)')
  })

  it('has a column per route with n, the rates and times with their intervals, and the means', () => {
    const table = /<table class="routes"[\s\S]*?<\/table>/.exec(en)?.[0] ?? ''
    expect(count(table, 'data-route=')).toBe(3)
    expect(table).toContain(
      '<th scope="row">Started</th><td class="num">13</td><td class="num">12</td><td class="num">4</td>',
    )
    expect(table).toContain('92% <span class="ci">(65%–99%)</span>')
    expect(table).toContain('67% <span class="ci">(39%–86%)</span>')
    expect(table).toContain('21.3 s <span class="ci">(17.0 s–26.9 s)</span>')
    expect(table).toContain('47.8 s <span class="ci">(38.2 s–61.4 s)</span>')
    expect(table).toContain('14% <span class="ci">(2.1 per task)</span>')
    expect(table).toContain('<td class="num">6.2</td>')
    expect(table).toContain('<td class="num">15.0 s</td>')
  })

  it('says "not enough data yet" for a thin route instead of its statistics', () => {
    const table = /<table class="routes"[\s\S]*?<\/table>/.exec(en)?.[0] ?? ''
    expect(table).toContain('Not enough data yet (n = 3, needs 5)')
    expect(table).not.toContain('65.0 s')
    expect(count(table, 'Not enough data yet</span>')).toBe(8)
    expect(en).toContain(
      'Ask a friend vs Jump to WeChat</strong>: <span class="thin">Not enough data yet (n = 12 + 3, needs 5 per route)',
    )
  })

  it('words the comparison plainly, with the tests named and their p', () => {
    expect(en).toContain('screenshot took 2.2× as long, 95 % CI 1.6–2.9×, n = 12 + 12')
    expect(en).toContain('Time: Mann–Whitney U test, p = 0.002; rank-biserial r = −0.80')
    expect(en).toContain('ratio of median times 2.2× (95 % CI 1.6–2.9×)')
    expect(en).toContain(
      'Completion: Fisher&#39;s exact test, p = 0.32; difference −25 percentage points',
    )
    expect(zh).toContain('Mann–Whitney U 检验')
    expect(zh).toContain('Fisher 精确检验')
  })

  it('draws both charts as inline SVG, with a whisker per interval and the model beside the times', () => {
    expect(en).toContain('aria-labelledby="chart-completion"')
    expect(en).toContain('aria-labelledby="chart-time"')
    const completion = /<svg[^>]*chart-completion[\s\S]*?<\/svg>/.exec(en)?.[0] ?? ''
    const time = /<svg[^>]*chart-time[\s\S]*?<\/svg>/.exec(en)?.[0] ?? ''
    expect(count(completion, 'class="c-bar"')).toBe(2)
    expect(count(completion, 'class="c-whisker"')).toBe(6)
    expect(completion).toContain('Not enough data yet')
    expect(count(time, 'class="c-dot"')).toBe(2)
    expect(count(time, 'class="c-predicted"')).toBe(3)
  })

  it('lays out each route’s funnel: reached, dropped here, measured and predicted seconds', () => {
    const jump =
      /<div class="funnel" data-route="jump">[\s\S]*?<\/table><\/div>/.exec(en)?.[0] ?? ''
    expect(jump).toContain('<tr data-screen="/wechat/pay">')
    expect(jump).toMatch(
      /data-screen="\/\?pay">.*?>12<\/td><td class="num">1<\/td><td class="num">6\.2 s<\/td><td class="num">4\.7 s<\/td>/,
    )
    expect(en).toMatch(
      /<div class="funnel" data-route="friend"><h3>Ask a friend <span class="badge">Not enough/,
    )
  })

  it('draws a heatmap per screen with taps, its screenshot as a data: URL and the taps in two colours', () => {
    expect(count(en, '<figure class="heatmap"')).toBe(3)
    expect(en).not.toContain('data-screen="/"><svg')
    expect(count(en, 'href="data:image/png;base64,')).toBe(1)
    expect(count(en, 'href="data:image/jpeg;base64,')).toBe(1)
    expect(en).toContain(Buffer.from(PNG).toString('base64'))
    expect(count(en, 'class="h-hit"')).toBe(3)
    expect(count(en, 'class="h-miss"')).toBe(2)
    // ~180 px wide, the height in proportion (the JPEG's own size when the results have none).
    expect(en).toContain('viewBox="0 0 390 844" width="180" height="389.54"')
    expect(count(en, 'width="180" height="389.54"')).toBe(3)
    expect(en).toContain('>no screenshot</text>')
  })

  it('escapes every value from the results', () => {
    const evil = fixture('<script>alert(1)</script>')
    evil.routes[0]?.steps.push(step('/"><img src=x onerror=alert(2)>', 1, 0, 1, null))
    const first = evil.comparisons[0]
    if (first) first.summary = '<b onmouseover="x">&</b>'
    evil.heatmaps.push({
      screen: '<svg onload=alert(3)>',
      imageId: 'evil',
      width: 390,
      height: 844,
      taps: [{ x: 1, y: 1, hit: true }],
    })
    const images = new Map(IMAGES)
    images.set('evil', { contentType: 'image/png"><script>alert(4)</script>', bytes: PNG })
    const html = studyReportHtml(evil, images, 'en')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<b ')
    expect(html).not.toContain('<svg onload')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;b onmouseover=&quot;x&quot;&gt;&amp;&lt;/b&gt;')
    expect(wellFormed(html).ok).toBe(true)
  })

  it('renders in both languages, each complete', () => {
    expect(zh).toContain('<h1>Jump vs screenshot, launch week</h1>')
    expect(zh).toContain('组间设计')
    expect(zh).toContain('跳转微信支付: n = 12')
    expect(zh).toContain('92% <span class="ci">(65%–99%)</span>')
    expect(zh).toContain('21.3 秒')
    expect(zh).toContain('数据不足（n = 3，需 5）')
    expect(zh).toContain('点击热图')
    const untitled = studyReportHtml(fixture(null), IMAGES, 'zh-CN')
    expect(untitled).toContain('<h1>未命名研究</h1>')
    // Every key of zh-CN is in en, and each string is filled.
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null
          ? keys(v as object, `${prefix}${k}.`)
          : [`${prefix}${k}`],
      )
    expect(keys(REPORT_MESSAGES.en)).toEqual(keys(REPORT_MESSAGES['zh-CN']))
    for (const lang of ['en', 'zh-CN'] as const)
      for (const key of keys(REPORT_MESSAGES[lang])) {
        const value = key
          .split('.')
          .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], REPORT_MESSAGES[lang])
        expect(typeof value === 'function' || (typeof value === 'string' && value.length > 0)).toBe(
          true,
        )
      }
  })

  it('says so when one route has nothing to compare and nobody tapped yet', () => {
    const lone = fixture()
    lone.routes = lone.routes.slice(0, 1)
    lone.comparisons = []
    lone.heatmaps = []
    const html = studyReportHtml(lone, new Map(), 'en')
    expect(html).toContain('One route only: nothing to compare it with.')
    expect(html).toContain('No taps recorded yet.')
    expect(wellFormed(html).ok).toBe(true)
  })
})

describe('imageSize', () => {
  it('reads a PNG’s and a JPEG’s pixel size, and nothing else', () => {
    expect(imageSize(PNG)).toEqual({ width: 1, height: 1 })
    expect(imageSize(JPEG)).toEqual({ width: 390, height: 844 })
    expect(imageSize(Uint8Array.from([1, 2, 3]))).toBeNull()
  })
})
