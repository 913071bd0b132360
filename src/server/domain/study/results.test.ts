// The results of a study, from hand-made participants: the shape (StudyResultsSchema), the counts, the
// funnel, the heatmaps, the comparison's test and words, and the bench (200 participants × 2 routes).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MOBILE_KLM } from '../../../contract/klm.ts'
import { StudyResultsSchema } from '../../../contract/study.ts'
import type { StudyRoute } from '../../../contract/study.ts'
import { applyStudyEvent } from './apply.ts'
import { decideScreen } from './decide.ts'
import { fastMedian, studyResults } from './results.ts'
import { median } from './stats/describe.ts'
import type { StudyState } from './model.ts'
import { join, newStudy, playTask, quit, send, STUDY_T0 } from './testing.ts'

const S = 1000

/** A between study where each jump participant takes `jump` s and each screenshot one `shot` s. */
function between(jump: number[], shot: number[], lang: 'en' | 'zh-CN' = 'en'): StudyState {
  const state = newStudy({ lang, target: 1000 })
  const times: Record<StudyRoute, number[]> = { jump: [...jump], screenshot: [...shot] } as Record<
    StudyRoute,
    number[]
  >
  let at = STUDY_T0
  for (let guard = 0; guard < 1000; guard++) {
    const { id, routes } = join(state, at)
    const route = routes[0] as StudyRoute
    const seconds = times[route]?.shift()
    if (seconds === undefined) {
      quit(state, id, at)
      // Remove the extra: it never started, so it counts nowhere.
      if ((times.jump?.length ?? 0) === 0 && (times.screenshot?.length ?? 0) === 0) break
      continue
    }
    playTask(state, id, route, {
      start: at,
      screens: [['/cashier', at + 100]],
      paid: at + seconds * S,
    })
    at += 60 * S
  }
  return state
}

describe('study results', () => {
  it('match the contract and count what happened', () => {
    const state = newStudy({ seq: true, sus: true, target: 10, lang: 'en' })
    const a = join(state)
    const b = join(state)
    const c = join(state)
    const ra = a.routes[0] as StudyRoute
    playTask(state, a.id, ra, {
      start: STUDY_T0,
      screens: [
        ['/cart', STUDY_T0],
        ['/cashier', STUDY_T0 + 2 * S],
      ],
      taps: [
        { at: STUDY_T0 + 500, screen: '/cart', x: 10, y: 20 },
        { at: STUDY_T0 + 600, screen: '/cart', x: 300, y: 400, hit: false },
        { at: STUDY_T0 + 2500, screen: '/cashier', x: 50, y: 60 },
      ],
      paid: STUDY_T0 + 6 * S,
    })
    send(state, a.id, [
      { kind: 'seq', at: STUDY_T0 + 7 * S, route: ra, value: 6 },
      { kind: 'sus', at: STUDY_T0 + 8 * S, answers: [4, 2, 5, 1, 4, 2, 4, 1, 5, 2] },
    ])
    const rb = b.routes[0] as StudyRoute
    playTask(state, b.id, rb, {
      start: STUDY_T0,
      screens: [
        ['/cart', STUDY_T0],
        ['/cashier', STUDY_T0 + 3 * S],
      ],
    })
    quit(state, b.id, STUDY_T0 + 10 * S, '/cashier')
    void c
    const results = studyResults(state)
    expect(StudyResultsSchema.parse(results)).toEqual(results)
    expect(results.participants).toEqual({ total: 3, active: 1, finished: 1, quit: 1 })
    const ofA = results.routes.find((r) => r.route === ra)
    expect(ofA).toMatchObject({
      started: 1,
      completed: 1,
      abandoned: 0,
      completionRate: 1,
      timeMedianMs: 6000,
      taps: 3,
      misclicks: 1,
      misclickRate: 1 / 3,
      seq: 6,
      sus: 85,
      enough: false,
    })
    // Three taps, no keys: 3 × (M + P).
    expect(ofA?.predictedMs).toBe(Math.round(3 * (MOBILE_KLM.m + MOBILE_KLM.p) * 1000))
    expect(ofA?.steps).toEqual([
      { screen: '/cart', medianMs: 2000, reached: 1, droppedHere: 0, predictedMs: 4700 },
      { screen: '/cashier', medianMs: 4000, reached: 1, droppedHere: 0, predictedMs: 2350 },
    ])
    const ofB = results.routes.find((r) => r.route === rb)
    expect(ofB).toMatchObject({ started: 1, completed: 0, abandoned: 1, completionRate: 0 })
    expect(ofB?.steps.map((s) => [s.screen, s.reached, s.droppedHere])).toEqual([
      ['/cart', 1, 0],
      ['/cashier', 1, 1],
    ])
    const cart = results.heatmaps.find((h) => h.screen === '/cart')
    expect(cart?.taps).toEqual([
      { x: 10, y: 20, hit: true },
      { x: 300, y: 400, hit: false },
    ])
    expect(cart?.imageId).toBeNull()
    expect(results.comparisons[0]?.summary).toBe('not enough data yet (n = 1 + 1, at least 5 each)')
  })

  it('a screen’s first screenshot is its heatmap’s image; a later one is not kept', () => {
    const state = newStudy()
    const { id } = join(state)
    const shot = (imageId: string) =>
      decideScreen(
        state,
        {
          participantId: id,
          screen: '/cart',
          imageId,
          contentType: 'image/png',
          width: 390,
          height: 844,
        },
        STUDY_T0,
      )
    const first = shot('img-1')
    expect(first.ok && first.value).toEqual({ imageId: 'img-1', kept: true })
    if (first.ok) for (const e of first.events) applyStudyEvent(state, e)
    const second = shot('img-2')
    expect(second.ok && second.value).toEqual({ imageId: 'img-1', kept: false })
    expect(studyResults(state).heatmaps).toEqual([
      { screen: '/cart', imageId: 'img-1', width: 390, height: 844, taps: [] },
    ])
  })

  it('between: Mann–Whitney and Fisher, the ratio of medians, in plain words (en and zh-CN)', () => {
    // jump 10…14 s, screenshot 21…29 s: every screenshot slower than every jump.
    const jump = [10, 11, 12, 13, 14]
    const shot = [21, 23, 25, 27, 29]
    const en = studyResults(between(jump, shot))
    const c = en.comparisons[0]
    expect(c).toMatchObject({ a: 'jump', b: 'screenshot', n: [5, 5], enough: true })
    expect(c?.timeRatio).toBeCloseTo(25 / 12, 10)
    expect(c?.timeTest.name).toBe('mann-whitney')
    // U = 0 for a (all of a below b): the exact two-sided p is 2 / C(10, 5) = 2 / 252.
    expect(c?.timeTest.statistic).toBe(0)
    expect(c?.timeTest.p).toBeCloseTo(2 / 252, 10)
    expect(c?.timeTest.effect).toBe(1)
    expect(c?.completionTest).toEqual({ name: 'fisher', p: 1, difference: 0 })
    const low = c?.timeRatioCi.low ?? 0
    const high = c?.timeRatioCi.high ?? 0
    expect(low).toBeLessThanOrEqual(25 / 12)
    expect(high).toBeGreaterThanOrEqual(25 / 12)
    expect(c?.summary).toBe(
      `screenshot took 2.1× as long as jump (95 % CI ${low.toFixed(1)}–${high.toFixed(1)}×, n = 5 + 5; Mann–Whitney p = 0.008)`,
    )
    const zh = studyResults(between(jump, shot, 'zh-CN')).comparisons[0]
    expect(zh?.summary).toMatch(
      /^截图扫码 用时是 跳转微信 的 2\.1 倍（95% 置信区间 \d\.\d–\d\.\d 倍，n = 5 \+ 5；Mann–Whitney p = 0\.008）$/,
    )
    const route = en.routes.find((r) => r.route === 'jump')
    expect(route?.timeMedianMs).toBe(12_000)
    expect(route?.completionCi.low).toBeCloseTo(0.5655, 3) // Wilson 5/5
    expect(route?.timeCi.low).not.toBeNull()
  })

  it('says "not enough data yet" below the minimum, in zh-CN too', () => {
    const zh = studyResults(between([10, 11, 12], [20, 21], 'zh-CN'))
    expect(zh.comparisons[0]?.summary).toBe('数据还不够（n = 3 + 2，每组至少 5）')
    expect(zh.routes.every((r) => !r.enough)).toBe(true)
  })

  it('within: Wilcoxon on the paired times, McNemar on paired completion', () => {
    const state = newStudy({ design: 'within', target: 100, lang: 'en' })
    let at = STUDY_T0
    for (let i = 0; i < 6; i++) {
      const { id, routes } = join(state, at)
      for (const route of routes) {
        const seconds = route === 'jump' ? 10 + i : 20 + 2 * i
        playTask(state, id, route, {
          start: at,
          screens: [['/cashier', at]],
          paid: at + seconds * S,
        })
        at += 60 * S
      }
    }
    const results = studyResults(state)
    const c = results.comparisons[0]
    expect(c).toMatchObject({
      n: [6, 6],
      enough: true,
      timeTest: { name: 'wilcoxon', statistic: 0 },
    })
    // All six differences positive: exact two-sided p = 2 / 2^6.
    expect(c?.timeTest.p).toBeCloseTo(2 / 64, 10)
    expect(c?.completionTest).toEqual({ name: 'mcnemar', p: 1, difference: 0 })
    expect(c?.summary).toMatch(
      /^screenshot took 2\.0× as long as jump \(95 % CI .*, n = 6 paired; Wilcoxon p = 0\.031\)$/,
    )
  })

  it('the bootstrap’s fast median is the median', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 60 }), (xs) => {
        expect(fastMedian(xs)).toBe(median(xs))
      }),
    )
  })

  it('200 participants × 2 routes add up', () => {
    const state = newStudy({ target: 1000 })
    let at = STUDY_T0
    for (let i = 0; i < 200; i++) {
      const { id, routes } = join(state, at)
      const route = routes[0] as StudyRoute
      const screens: [string, number][] = ['/cart', '/order', '/cashier', '/wechat', '/result'].map(
        (s, k) => [s, at + k * 2 * S],
      )
      const taps = Array.from({ length: 30 }, (_, k) => ({
        at: at + k * 300,
        screen: screens[k % 5]?.[0] ?? '/cart',
        x: k * 10,
        y: k * 20,
        hit: k % 7 !== 0,
      }))
      if (i % 9 === 0) {
        playTask(state, id, route, { start: at, screens, taps })
        quit(state, id, at + 9 * S)
      } else {
        playTask(state, id, route, {
          start: at,
          screens,
          taps,
          paid: at + (route === 'jump' ? 10 : 20) * S + i * 10,
        })
      }
      at += 60 * S
    }
    // How long it takes is `npm run bench:study`'s to print (no timing in a test); here, that it adds up.
    const results = studyResults(state)
    expect(results.participants.total).toBe(200)
  })
})
