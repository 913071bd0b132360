import { describe, expect, it } from 'vitest'
import { StudyResultsSchema, type RouteResult } from '@/contract/study.ts'
import { completing, DEFAULT_DROP_OFF } from '../funnel.ts'
import { readSavedStudies } from './my-studies.ts'
import { syntheticResults } from './results-fixture.ts'
import {
  fitBox,
  heatmapSize,
  pValue,
  rateBar,
  scaledTaps,
  screenLabel,
  stepsView,
  tapCounts,
} from './results-view.ts'

function route(steps: RouteResult['steps'], patch: Partial<RouteResult> = {}): RouteResult {
  return {
    route: 'jump',
    started: 10,
    completed: 7,
    abandoned: 3,
    completionRate: 0.7,
    completionCi: { low: 0.4, high: 0.89 },
    timeMedianMs: 20_000,
    timeCi: { low: 15_000, high: 26_000 },
    taps: 6,
    misclicks: 1,
    misclickRate: 1 / 6,
    appSwitches: 0,
    errors: 0,
    seq: 6,
    sus: 80,
    predictedMs: null,
    enough: true,
    steps,
    ...patch,
  }
}

describe('the results page, drawn from the results', () => {
  it('puts each measured step beside the lab funnel’s projection, and the model’s seconds beside the medians', () => {
    const view = stepsView(
      route([
        { screen: '/', medianMs: 3000, reached: 10, droppedHere: 0, predictedMs: 2350 },
        {
          screen: '/pay/cashier?orderId=x',
          medianMs: 5000,
          reached: 10,
          droppedHere: 2,
          predictedMs: 4700,
        },
        { screen: '/pay/result', medianMs: 1000, reached: 8, droppedHere: 1, predictedMs: 2350 },
      ]),
      { perStep: 0.1, perSwitch: 0.2 },
    )
    expect(view.rows.map((r) => r.reachedShare)).toEqual([1, 1, 0.8])
    expect(view.rows.map((r) => r.modelShare)).toEqual([1, 0.9, expect.closeTo(0.81, 10)])
    expect(view.rows.map((r) => r.droppedHere)).toEqual([0, 2, 1])
    expect(view.completedShare).toBe(0.7)
    expect(view.modelCompleted).toBeCloseTo(0.81, 10)
    expect(view.measuredTotalMs).toBe(20_000)
    // No route total from the server: the steps' predictions add up.
    expect(view.predictedTotalMs).toBe(9400)
  })

  it("counts the route's app switches in the model's last bar, and a missing prediction stays missing", () => {
    const steps = [
      { screen: '/', medianMs: null, reached: 4, droppedHere: 0, predictedMs: null },
      { screen: '/wechat', medianMs: null, reached: 4, droppedHere: 0, predictedMs: 1000 },
    ]
    const view = stepsView(route(steps, { appSwitches: 1.6, predictedMs: null }), DEFAULT_DROP_OFF)
    expect(view.modelCompleted).toBeCloseTo(completing(2, 2, DEFAULT_DROP_OFF), 10)
    expect(view.predictedTotalMs).toBeNull()
    expect(stepsView(route([], { started: 0 }), DEFAULT_DROP_OFF).rows).toEqual([])
  })

  it('scales a heatmap to fit, keeping its aspect, and its taps with it', () => {
    expect(fitBox(390, 844, 220, 476)).toEqual({
      scale: expect.closeTo(476 / 844, 10),
      width: 220,
      height: 476,
    })
    // A long page is bound by the height.
    expect(fitBox(390, 1688, 220, 476)).toMatchObject({ width: 110, height: 476 })
    expect(fitBox(0, 0, 100, 200)).toEqual({ scale: 1, width: 100, height: 200 })
    const map = {
      screen: '/pay/cashier',
      imageId: null,
      width: null,
      height: null,
      taps: [
        { x: 195, y: 422, hit: true },
        { x: 10, y: 1200, hit: false },
        { x: -5, y: 10, hit: false },
      ],
    }
    // No screenshot yet: the phone's width, tall enough for the lowest tap.
    expect(heatmapSize(map)).toEqual({ width: 390, height: 1220 })
    expect(scaledTaps(map, 0.5)).toEqual([
      { x: 97.5, y: 211, hit: true },
      { x: 5, y: 600, hit: false },
    ])
    expect(tapCounts(map)).toEqual({ taps: 3, misses: 2 })
  })

  it('formats p values, rate bars and screen names', () => {
    expect(pValue(0.0004)).toBe('< 0.001')
    expect(pValue(0.0312)).toBe('0.031')
    expect(pValue(null)).toBe('—')
    expect(rateBar(0.5, 0.2, 1.2)).toEqual({ bar: 50, low: 20, high: 100 })
    expect(rateBar(null, null, null)).toEqual({ bar: 0, low: null, high: null })
    expect(screenLabel('/?pay')).toBe('/?pay')
    expect(screenLabel('')).toBe('/')
  })

  it('has a fixture the contract accepts, 200 participants included', () => {
    for (const participants of [0, 6, 200]) {
      const parsed = StudyResultsSchema.safeParse(syntheticResults({ participants }))
      expect(parsed.success, parsed.error?.message).toBe(true)
    }
    expect(syntheticResults({ participants: 200 }).people).toHaveLength(200)
  })

  it('keeps only well-formed entries of the saved list of studies', () => {
    const good = { id: 'st1', name: null, ownerKey: 'k', createdAt: 1 }
    expect(readSavedStudies({ studies: [good, { id: 3 }, null] })).toEqual([good])
    expect(readSavedStudies('nonsense')).toEqual([])
    expect(readSavedStudies(undefined)).toEqual([])
  })
})
