import type { StudyResults, StudyRoute } from '@/contract/study.ts'

/**
 * Results shaped as `GET /api/lab/studies/:id/results` answers (they pass StudyResultsSchema): for the
 * tests, the screenshots and the bench before (and besides) a server with real participants. Seeded, so
 * the same call gives the same numbers. Not imported by product code.
 */
export function syntheticResults(
  options: {
    participants?: number
    routes?: readonly StudyRoute[]
    seed?: number
    withImages?: boolean
  } = {},
): StudyResults {
  const n = options.participants ?? 12
  const routes = options.routes ?? ['jump', 'screenshot']
  let state = options.seed ?? 7
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0
    let x = Math.imul(state ^ (state >>> 15), 1 | state)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  const screens: Record<string, string[]> = {
    jump: ['/', '/pay/cashier', '/wechat/jump', '/pay/result'],
    screenshot: [
      '/',
      '/pay/cashier',
      '/wechat',
      '/wechat/scan',
      '/wechat/scan/album',
      '/pay/result',
    ],
  }
  const people: StudyResults['people'] = []
  const perRoute = new Map<StudyRoute, { done: number; quit: number; active: number }>()
  for (const r of routes) perRoute.set(r, { done: 0, quit: 0, active: 0 })
  for (let i = 0; i < n; i++) {
    const route = routes[i % routes.length] ?? 'jump'
    const roll = random()
    const status = roll < 0.75 ? 'finished' : roll < 0.9 ? 'quit' : 'active'
    const counts = perRoute.get(route)
    if (counts) {
      if (status === 'finished') counts.done += 1
      else if (status === 'quit') counts.quit += 1
      else counts.active += 1
    }
    people.push({
      participantId: `p${String(i + 1).padStart(3, '0')}`,
      status,
      joinedAt: 1_780_000_000_000 + i * 60_000,
      tasks: [
        {
          route,
          status: status === 'finished' ? 'completed' : status === 'quit' ? 'abandoned' : 'started',
        },
      ],
    })
  }
  const results: StudyResults['routes'] = routes.map((route, index) => {
    const counts = perRoute.get(route) ?? { done: 0, quit: 0, active: 0 }
    const ended = counts.done + counts.quit
    const rate = ended > 0 ? counts.done / ended : null
    const names = screens[route] ?? ['/', '/pay/cashier', '/pay/result']
    const base = 14_000 + index * 16_000
    let reached = counts.done + counts.quit + counts.active
    const steps = names.map((screen, i) => {
      const dropped = i === names.length - 2 ? counts.quit : 0
      const step = {
        screen,
        medianMs: 2_000 + Math.round(random() * 4_000),
        reached,
        droppedHere: dropped,
        predictedMs: 2_350 * (i + 1),
      }
      reached -= dropped
      return step
    })
    return {
      route,
      started: counts.done + counts.quit + counts.active,
      completed: counts.done,
      abandoned: counts.quit,
      completionRate: rate,
      completionCi:
        rate === null
          ? { low: null, high: null }
          : { low: Math.max(0, rate - 0.25), high: Math.min(1, rate + 0.1) },
      timeMedianMs: counts.done > 0 ? base : null,
      timeCi: counts.done > 1 ? { low: base * 0.8, high: base * 1.3 } : { low: null, high: null },
      taps: 6 + index * 7,
      misclicks: 0.4 + index,
      misclickRate: (0.4 + index) / (6 + index * 7),
      appSwitches: index * 2,
      errors: 0.1 * index,
      seq: 6.1 - index * 1.4,
      sus: 82 - index * 17,
      predictedMs: 2_350 * names.length,
      enough: ended >= 5,
      steps,
    }
  })
  const heatmaps: StudyResults['heatmaps'] = [...new Set(Object.values(screens).flat())].map(
    (screen, i) => ({
      screen,
      imageId: options.withImages ? `img${i}` : null,
      width: 390,
      height: 844,
      taps: Array.from({ length: Math.max(1, Math.round(n * 1.5)) }, () => ({
        x: Math.round(40 + random() * 310),
        y: Math.round(120 + random() * 680),
        hit: random() > 0.12,
      })),
    }),
  )
  const first = results[0]
  const comparisons: StudyResults['comparisons'] = results.slice(1).map((b) => ({
    a: first?.route ?? 'jump',
    b: b.route,
    n: [first ? first.completed : 0, b.completed],
    enough: (first?.enough ?? false) && b.enough,
    timeRatio: 2.1,
    timeRatioCi: { low: 1.6, high: 2.7 },
    timeTest: { name: 'mann-whitney', statistic: 12, p: 0.004, effect: 0.62 },
    completionTest: { name: 'fisher', p: 0.31, difference: -0.17 },
    summary: `Screenshot the code took 2.1× as long as Jump to WeChat, 95 % CI 1.6–2.7×, n = ${first?.completed ?? 0} + ${b.completed}.`,
  }))
  const finished = people.filter((p) => p.status === 'finished').length
  const quit = people.filter((p) => p.status === 'quit').length
  return {
    study: {
      id: 'st_fixture',
      name: 'Jump vs screenshot, autumn round',
      design: 'between',
      seq: true,
      sus: true,
      status: finished + quit >= Math.max(n, 1) ? 'closed' : 'open',
      lang: 'en',
      finished: finished + quit,
      target: Math.max(n, 20),
      routes: [...routes],
      createdAt: 1_780_000_000_000,
      minN: 5,
    },
    people,
    participants: { total: n, active: n - finished - quit, finished, quit },
    routes: results,
    comparisons,
    heatmaps,
  }
}
