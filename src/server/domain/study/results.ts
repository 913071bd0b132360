// A study's results from its folded state (docs/studies.md, "Statistics"): per route n, completion with
// a Wilson interval, time on task with a bootstrap interval, taps, misclicks, switches, errors, SEQ,
// SUS, the model's prediction, the steps (funnel); each route against the first with the test that fits
// the design; the tap heatmaps. Pure and deterministic: every bootstrap is seeded from the study's id.
import { MOBILE_KLM, klmSeconds } from '../../../contract/klm.ts'
import type { KlmCounts } from '../../../contract/klm.ts'
import { STUDY_MIN_N } from '../../../contract/study.ts'
import type {
  RouteComparison,
  RouteResult,
  StudyEvent,
  StudyResults,
  StudyRoute,
} from '../../../contract/study.ts'
import type { ParticipantState, StudyState, TaskState } from './model.ts'
import { bootstrapCi, medianRatio } from './stats/bootstrap.ts'
import { mean, median } from './stats/describe.ts'
import { fisherExact } from './stats/fisher.ts'
import { mannWhitney } from './stats/mann-whitney.ts'
import { mcnemarExact } from './stats/mcnemar.ts'
import { seedOf } from './stats/rng.ts'
import { susScore } from './stats/sus.ts'
import { wilcoxonSignedRank } from './stats/wilcoxon.ts'
import { wilsonInterval } from './stats/wilson.ts'
import { summarize } from './summary.ts'

/** Taps kept per screen for its heatmap. */
export const HEATMAP_TAPS_PER_SCREEN = 5_000

interface ScreenFacts {
  /** Its place among the task's screens (the first time it came up). */
  first: number
  /** Time spent on it, null when the task is still on it. */
  ms: number | null
  taps: number
  keys: number
  keyRuns: number
  switches: number
}

/** One task of one participant, measured from the events sent while it was under way. */
interface TaskFacts {
  participant: ParticipantState
  task: TaskState
  taps: number
  misclicks: number
  keys: number
  keyRuns: number
  switches: number
  errors: number
  screens: Map<string, ScreenFacts>
  lastScreen: string | null
}

const byTime = (a: StudyEvent, b: StudyEvent) => a.at - b.at

function measure(
  participant: ParticipantState,
  task: TaskState,
  sorted: readonly StudyEvent[],
): TaskFacts {
  const facts: TaskFacts = {
    participant,
    task,
    taps: 0,
    misclicks: 0,
    keys: 0,
    keyRuns: 0,
    switches: 0,
    errors: 0,
    screens: new Map(),
    lastScreen: null,
  }
  const from = task.startedAt ?? Number.POSITIVE_INFINITY
  const to = task.endedAt ?? Number.POSITIVE_INFINITY
  let current: ScreenFacts | null = null
  let since = 0
  let inKeyRun = false
  const screenOf = (name: string): ScreenFacts => {
    let s = facts.screens.get(name)
    if (!s) {
      s = { first: facts.screens.size, ms: 0, taps: 0, keys: 0, keyRuns: 0, switches: 0 }
      facts.screens.set(name, s)
    }
    return s
  }
  // The screen already up when the task began (a phone may show it just before the start mark).
  let before: string | null = null
  for (const e of sorted) {
    if (e.at < from) {
      if (e.kind === 'screen') before = e.screen
      continue
    }
    if (e.at > to) break
    if (current === null && before !== null && !(e.kind === 'screen' && e.screen === before)) {
      current = screenOf(before)
      facts.lastScreen = before
      since = from
      before = null
    }
    if (e.kind !== 'key') inKeyRun = false
    switch (e.kind) {
      case 'screen': {
        if (facts.lastScreen === e.screen) break
        if (current && current.ms !== null) current.ms += Math.max(0, e.at - since)
        current = screenOf(e.screen)
        facts.lastScreen = e.screen
        since = e.at
        break
      }
      case 'tap': {
        facts.taps += 1
        if (e.hit === false) facts.misclicks += 1
        const on = e.screen !== undefined ? screenOf(e.screen) : current
        if (on) on.taps += 1
        break
      }
      case 'key': {
        facts.keys += 1
        if (current) current.keys += 1
        if (!inKeyRun) {
          facts.keyRuns += 1
          if (current) current.keyRuns += 1
        }
        inKeyRun = true
        break
      }
      case 'app':
        if (e.via === 'switcher') {
          facts.switches += 1
          if (current) current.switches += 1
        }
        break
      case 'error':
        if (e.source === 'alert') facts.errors += 1
        break
      default:
        break
    }
  }
  if (current === null && before !== null && task.startedAt !== null) {
    current = screenOf(before)
    facts.lastScreen = before
    since = from
  }
  if (current && current.ms !== null) {
    current.ms = task.endedAt === null ? null : current.ms + Math.max(0, task.endedAt - since)
  }
  return facts
}

let scratch = new Float64Array(64)

/**
 * The median of a bootstrap resample, by selection in a reused buffer (no copy, no comparator sort):
 * the same value as `median`, for the 2,000 resamples of every interval.
 */
export function fastMedian(xs: readonly number[]): number | null {
  const n = xs.length
  if (n === 0) return null
  if (scratch.length < n) scratch = new Float64Array(n * 2)
  const a = scratch
  for (let i = 0; i < n; i++) a[i] = xs[i] ?? 0
  const select = (k: number): number => {
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const pivot = a[(lo + hi) >> 1] ?? 0
      let i = lo
      let j = hi
      while (i <= j) {
        while ((a[i] ?? 0) < pivot) i++
        while ((a[j] ?? 0) > pivot) j--
        if (i <= j) {
          const t = a[i] ?? 0
          a[i] = a[j] ?? 0
          a[j] = t
          i++
          j--
        }
      }
      if (k <= j) hi = j
      else if (k >= i) lo = i
      else return a[k] ?? 0
    }
    return a[k] ?? 0
  }
  const upper = select(n >> 1)
  if (n % 2 === 1) return upper
  // The largest of the lower half: after selecting n/2, everything before it is no larger.
  let lower = Number.NEGATIVE_INFINITY
  for (let i = 0; i < n >> 1; i++) if ((a[i] ?? 0) > lower) lower = a[i] ?? 0
  return (lower + upper) / 2
}

const klmMs = (counts: KlmCounts) => Math.round(klmSeconds(counts, MOBILE_KLM) * 1000)

function medianCounts(
  list: readonly { taps: number; keys: number; keyRuns: number; switches: number }[],
) {
  if (list.length === 0) return null
  return {
    taps: median(list.map((f) => f.taps)) ?? 0,
    keystrokes: median(list.map((f) => f.keys)) ?? 0,
    keyRuns: median(list.map((f) => f.keyRuns)) ?? 0,
    appSwitches: median(list.map((f) => f.switches)) ?? 0,
  }
}

const durationOf = (t: TaskState) =>
  t.startedAt !== null && t.endedAt !== null ? Math.max(0, t.endedAt - t.startedAt) : null

function steps(route: readonly TaskFacts[]): RouteResult['steps'] {
  const names = new Map<
    string,
    { firsts: number[]; ms: number[]; facts: ScreenFacts[]; dropped: number }
  >()
  const entry = (name: string) => {
    let e = names.get(name)
    if (!e) {
      e = { firsts: [], ms: [], facts: [], dropped: 0 }
      names.set(name, e)
    }
    return e
  }
  for (const f of route) {
    for (const [name, s] of f.screens) {
      const e = entry(name)
      e.firsts.push(s.first)
      e.facts.push(s)
      if (s.ms !== null) e.ms.push(s.ms)
    }
    if (f.task.status === 'abandoned') {
      const where = f.task.abandonedAt ?? f.lastScreen
      if (where !== null) {
        const e = entry(where)
        e.dropped += 1
        if (!f.screens.has(where)) e.firsts.push(f.screens.size)
      }
    }
  }
  return [...names.entries()]
    .map(([screen, e]) => {
      const counts = medianCounts(e.facts)
      return {
        screen,
        order: median(e.firsts) ?? 0,
        step: {
          screen,
          medianMs: median(e.ms),
          reached: e.firsts.length,
          droppedHere: e.dropped,
          predictedMs: counts ? klmMs(counts) : null,
        },
      }
    })
    .sort(
      (a, b) =>
        a.order - b.order || b.step.reached - a.step.reached || (a.screen < b.screen ? -1 : 1),
    )
    .map((s) => s.step)
}

function routeResult(
  state: StudyState,
  route: StudyRoute,
  facts: readonly TaskFacts[],
): RouteResult {
  const started = facts.length
  const completedFacts = facts.filter((f) => f.task.status === 'completed')
  const ended = facts.filter((f) => f.task.status === 'completed' || f.task.status === 'abandoned')
  const completed = completedFacts.length
  const abandoned = ended.length - completed
  const times = completedFacts.map((f) => durationOf(f.task) ?? 0)
  const taps = ended.reduce((sum, f) => sum + f.taps, 0)
  const misclicks = ended.reduce((sum, f) => sum + f.misclicks, 0)
  const seqs = facts.flatMap((f) => (f.task.seq === null ? [] : [f.task.seq]))
  const sus = facts.flatMap((f) =>
    f.participant.sus === null ? [] : [susScore(f.participant.sus)],
  )
  const counts = medianCounts(completedFacts)
  return {
    route,
    started,
    completed,
    abandoned,
    completionRate: ended.length === 0 ? null : completed / ended.length,
    completionCi: wilsonInterval(completed, ended.length),
    timeMedianMs: median(times),
    timeCi: bootstrapCi(times, fastMedian, { seed: seedOf(`${state.config.id}:time:${route}`) }),
    taps: mean(completedFacts.map((f) => f.taps)),
    misclicks: mean(completedFacts.map((f) => f.misclicks)),
    misclickRate: taps === 0 ? null : misclicks / taps,
    appSwitches: mean(completedFacts.map((f) => f.switches)),
    errors: mean(completedFacts.map((f) => f.errors)),
    seq: mean(seqs),
    sus: mean(sus),
    predictedMs: counts ? klmMs(counts) : null,
    enough: ended.length >= STUDY_MIN_N,
    steps: steps(facts),
  }
}

const isEnded = (t: TaskState) => t.status === 'completed' || t.status === 'abandoned'

function compareBetween(
  state: StudyState,
  a: StudyRoute,
  b: StudyRoute,
  byRoute: Map<StudyRoute, TaskFacts[]>,
): RouteComparison {
  const endedOf = (r: StudyRoute) => (byRoute.get(r) ?? []).filter((f) => isEnded(f.task))
  const ea = endedOf(a)
  const eb = endedOf(b)
  const times = (list: TaskFacts[]) =>
    list.filter((f) => f.task.status === 'completed').map((f) => durationOf(f.task) ?? 0)
  const ta = times(ea)
  const tb = times(eb)
  const enough = ea.length >= STUDY_MIN_N && eb.length >= STUDY_MIN_N
  const ratio = medianRatio(ta, tb, {
    seed: seedOf(`${state.config.id}:ratio:${a}:${b}`),
    paired: false,
  })
  const test = mannWhitney(ta, tb)
  const rate = (ended: TaskFacts[], times: number[]) =>
    ended.length === 0 ? null : times.length / ended.length
  const ra = rate(ea, ta)
  const rb = rate(eb, tb)
  const fisher =
    ea.length > 0 && eb.length > 0
      ? fisherExact({ successes: ta.length, n: ea.length }, { successes: tb.length, n: eb.length })
      : null
  const comparison: Omit<RouteComparison, 'summary'> = {
    a,
    b,
    n: [ea.length, eb.length],
    enough,
    timeRatio: ratio.ratio,
    timeRatioCi: { low: ratio.low, high: ratio.high },
    timeTest: {
      name: 'mann-whitney',
      statistic: test?.u ?? null,
      p: test?.p ?? null,
      effect: test?.rankBiserial ?? null,
    },
    completionTest: {
      name: 'fisher',
      p: fisher?.p ?? null,
      difference: ra === null || rb === null ? null : rb - ra,
    },
  }
  return {
    ...comparison,
    summary: summarize(state.config.lang, state.config.design, comparison, [ra, rb]),
  }
}

function compareWithin(state: StudyState, a: StudyRoute, b: StudyRoute): RouteComparison {
  const pairs: [number, number][] = []
  let bothEnded = 0
  let onlyA = 0
  let onlyB = 0
  let doneA = 0
  let doneB = 0
  for (const p of state.participants.values()) {
    const ta = p.tasks.find((t) => t.route === a)
    const tb = p.tasks.find((t) => t.route === b)
    if (!ta || !tb || !isEnded(ta) || !isEnded(tb)) continue
    bothEnded += 1
    const ca = ta.status === 'completed'
    const cb = tb.status === 'completed'
    if (ca) doneA += 1
    if (cb) doneB += 1
    if (ca && !cb) onlyA += 1
    if (cb && !ca) onlyB += 1
    if (ca && cb) pairs.push([durationOf(ta) ?? 0, durationOf(tb) ?? 0])
  }
  const enough = bothEnded >= STUDY_MIN_N
  const ratio = medianRatio(
    pairs.map(([x]) => x),
    pairs.map(([, y]) => y),
    { seed: seedOf(`${state.config.id}:ratio:${a}:${b}`), paired: true },
  )
  const test = wilcoxonSignedRank(pairs)
  const ra = bothEnded === 0 ? null : doneA / bothEnded
  const rb = bothEnded === 0 ? null : doneB / bothEnded
  const comparison: Omit<RouteComparison, 'summary'> = {
    a,
    b,
    n: [bothEnded, bothEnded],
    enough,
    timeRatio: ratio.ratio,
    timeRatioCi: { low: ratio.low, high: ratio.high },
    timeTest: {
      name: 'wilcoxon',
      statistic: test?.w ?? null,
      p: test?.p ?? null,
      effect: test?.rankBiserial ?? null,
    },
    completionTest: {
      name: 'mcnemar',
      p: bothEnded === 0 ? null : mcnemarExact(onlyA, onlyB).p,
      difference: ra === null || rb === null ? null : rb - ra,
    },
  }
  return {
    ...comparison,
    summary: summarize(state.config.lang, state.config.design, comparison, [ra, rb]),
  }
}

function heatmaps(state: StudyState): StudyResults['heatmaps'] {
  const taps = new Map<string, { x: number; y: number; hit: boolean }[]>()
  const order: string[] = []
  const listOf = (screen: string) => {
    let list = taps.get(screen)
    if (!list) {
      list = []
      taps.set(screen, list)
      order.push(screen)
    }
    return list
  }
  for (const p of state.participants.values()) {
    let current: string | null = null
    for (const e of p.events) {
      if (e.kind === 'screen') {
        current = e.screen
        listOf(e.screen)
      } else if (e.kind === 'tap' && e.x !== undefined && e.y !== undefined) {
        const screen = e.screen ?? current
        if (screen === null) continue
        const list = listOf(screen)
        if (list.length < HEATMAP_TAPS_PER_SCREEN)
          list.push({ x: e.x, y: e.y, hit: e.hit !== false })
      }
    }
  }
  for (const screen of state.screens.keys()) listOf(screen)
  return order.map((screen) => {
    const image = state.screens.get(screen)
    return {
      screen,
      imageId: image?.imageId ?? null,
      width: image?.width ?? null,
      height: image?.height ?? null,
      taps: taps.get(screen) ?? [],
    }
  })
}

/** Everything `GET /api/lab/studies/:studyId/results` answers. */
export function studyResults(state: StudyState): StudyResults {
  const { config } = state
  const byRoute = new Map<StudyRoute, TaskFacts[]>(config.routes.map((r) => [r, []]))
  const people: StudyResults['people'] = []
  const counts = { total: 0, active: 0, finished: 0, quit: 0 }
  for (const p of state.participants.values()) {
    counts.total += 1
    counts[p.status] += 1
    people.push({
      participantId: p.id,
      status: p.status,
      joinedAt: p.joinedAt,
      tasks: p.tasks.map((t) => ({ route: t.route, status: t.status })),
    })
    const sorted = [...p.events].sort(byTime)
    for (const task of p.tasks) {
      if (task.status === 'pending') continue
      byRoute.get(task.route)?.push(measure(p, task, sorted))
    }
  }
  const routes = config.routes.map((r) => routeResult(state, r, byRoute.get(r) ?? []))
  const [first, ...others] = config.routes
  const comparisons =
    first === undefined
      ? []
      : others.map((b) =>
          config.design === 'between'
            ? compareBetween(state, first, b, byRoute)
            : compareWithin(state, first, b),
        )
  return {
    study: {
      ...publicStudy(state),
      routes: [...config.routes],
      createdAt: config.createdAt,
      minN: STUDY_MIN_N,
    },
    people,
    participants: counts,
    routes,
    comparisons,
    heatmaps: heatmaps(state),
  }
}

/** What anyone with the join link may read (`StudyPublic`). */
export function publicStudy(state: StudyState) {
  const { config } = state
  return {
    id: config.id,
    name: config.name,
    design: config.design,
    seq: config.seq,
    sus: config.sus,
    status: state.ended >= config.target ? ('closed' as const) : ('open' as const),
    lang: config.lang,
    finished: state.ended,
    target: config.target,
  }
}

/** What each of a participant's tasks counted (zeros for a task never started), for the CSV. */
export function taskCounts(
  p: ParticipantState,
): { taps: number; misclicks: number; appSwitches: number; errors: number }[] {
  const sorted = [...p.events].sort(byTime)
  return p.tasks.map((task) => {
    if (task.status === 'pending') return { taps: 0, misclicks: 0, appSwitches: 0, errors: 0 }
    const f = measure(p, task, sorted)
    return { taps: f.taps, misclicks: f.misclicks, appSwitches: f.switches, errors: f.errors }
  })
}

/** The route of the task under way at `at` (its start to its end), or null between tasks. */
export function routeAt(p: ParticipantState, at: number): StudyRoute | null {
  for (const task of p.tasks) {
    if (task.startedAt === null || at < task.startedAt) continue
    if (task.endedAt === null || at <= task.endedAt) return task.route
  }
  return null
}
