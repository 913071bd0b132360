// The model's invariants (docs/studies.md): balanced blocks, a counterbalanced order, tasks that end at
// most once, a study that closes at its target, a quit that abandons only the task under way.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { STUDY_ROUTES } from '../../../contract/study.ts'
import type { StudyEvent, StudyRoute } from '../../../contract/study.ts'
import { assignRoutes, williamsRows } from './assign.ts'
import { decideEvents, decideJoin, planJoin } from './decide.ts'
import { join, must, newStudy, quit, send, step, STUDY_T0 } from './testing.ts'

const routesArb = fc
  .shuffledSubarray([...STUDY_ROUTES], { minLength: 1, maxLength: STUDY_ROUTES.length })
  .map((r) => r as StudyRoute[])

describe('the Williams design', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'n = %i: each route once per position, each pair as often',
    (n) => {
      const rows = williamsRows(n)
      expect(rows).toHaveLength(n === 1 || n % 2 === 0 ? n : 2 * n)
      for (const row of rows) expect([...row].sort((a, b) => a - b)).toEqual([...Array(n).keys()])
      // Each route equally often in each position.
      for (let position = 0; position < n; position++) {
        const counts = new Map<number, number>()
        for (const row of rows)
          counts.set(row[position] ?? -1, (counts.get(row[position] ?? -1) ?? 0) + 1)
        expect(new Set(counts.values()).size).toBe(1)
        expect(counts.size).toBe(n)
      }
      // Each route immediately precedes every other equally often.
      if (n > 1) {
        const pairs = new Map<string, number>()
        for (const row of rows)
          for (let i = 0; i + 1 < row.length; i++) {
            const key = `${row[i]}>${row[i + 1]}`
            pairs.set(key, (pairs.get(key) ?? 0) + 1)
          }
        expect(pairs.size).toBe(n * (n - 1))
        expect(new Set(pairs.values()).size).toBe(1)
      }
    },
  )

  it('2 routes: AB then BA', () => {
    expect(williamsRows(2)).toEqual([
      [0, 1],
      [1, 0],
    ])
  })
})

describe('assignment in balanced blocks', () => {
  it('between: n per route never differs by more than 1, whatever the count and routes', () => {
    fc.assert(
      fc.property(
        routesArb,
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 60 }),
        (routes, id, n) => {
          const counts = new Map<StudyRoute, number>(routes.map((r) => [r, 0]))
          for (let k = 0; k < n; k++) {
            const [route, ...rest] = assignRoutes(id, 'between', routes, k)
            expect(rest).toEqual([])
            if (route) counts.set(route, (counts.get(route) ?? 0) + 1)
          }
          const values = [...counts.values()]
          expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1)
          // Each whole block gives every route once.
          for (const v of values) expect(v).toBeGreaterThanOrEqual(Math.floor(n / routes.length))
        },
      ),
    )
  })

  it('is replayable (the same id and k give the same route) and not one fixed order', () => {
    const routes: StudyRoute[] = ['jump', 'screenshot', 'save-image']
    const a = Array.from({ length: 30 }, (_, k) => assignRoutes('s1', 'between', routes, k)[0])
    const b = Array.from({ length: 30 }, (_, k) => assignRoutes('s1', 'between', routes, k)[0])
    expect(a).toEqual(b)
    const blocks = new Set(Array.from({ length: 10 }, (_, i) => a.slice(i * 3, i * 3 + 3).join()))
    expect(blocks.size).toBeGreaterThan(1)
  })

  it('within: the k-th participant does every route, in row k mod rows of the square', () => {
    fc.assert(
      fc.property(routesArb, fc.integer({ min: 0, max: 100 }), (routes, k) => {
        const order = assignRoutes('s', 'within', routes, k)
        expect([...order].sort()).toEqual([...routes].sort())
        const rows = williamsRows(routes.length)
        expect(order).toEqual((rows[k % rows.length] ?? []).map((i) => routes[i]))
      }),
    )
  })
})

/** One random thing a participant's phone may do. */
type Action =
  | { kind: 'join' }
  | { kind: 'start' | 'done' | 'abandon'; who: number; task: number; paid: boolean }
  | { kind: 'quit'; who: number }
  | { kind: 'sus'; who: number }

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.constant({ kind: 'join' as const }),
  fc.record({
    kind: fc.constantFrom('start' as const, 'done' as const, 'abandon' as const),
    who: fc.nat(20),
    task: fc.nat(3),
    paid: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('quit' as const), who: fc.nat(20) }),
  fc.record({ kind: fc.constant('sus' as const), who: fc.nat(20) }),
)

describe('a study under any sequence of commands', () => {
  it('ends each task at most once, closes at its target, abandons only the task under way', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('between' as const, 'within' as const),
        routesArb.filter((r) => r.length <= 4),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        fc.array(actionArb, { maxLength: 80 }),
        (design, routes, target, sus, actions) => {
          const state = newStudy({ design, routes, target, sus })
          const ids: string[] = []
          const ends = new Map<string, number>()
          let at = STUDY_T0
          for (const action of actions) {
            at += 1000
            if (action.kind === 'join') {
              const closed = state.ended >= target
              const plan = planJoin(state)
              if (closed) {
                expect(plan.ok ? null : plan.error.code).toBe('STUDY_CLOSED')
                const refused = decideJoin(state, { participantId: 'late', worlds: [] }, at)
                expect(refused.ok ? null : refused.error.code).toBe('STUDY_CLOSED')
                continue
              }
              ids.push(join(state, at).id)
              continue
            }
            const id = ids[action.who % Math.max(1, ids.length)]
            const p = id === undefined ? undefined : state.participants.get(id)
            if (!id || !p) continue
            if (action.kind === 'quit') {
              const before = p.tasks.map((t) => t.status)
              quit(state, id, at)
              p.tasks.forEach((t, i) => {
                if (before[i] === 'started') expect(t.status).toBe('abandoned')
                else expect(t.status).toBe(before[i])
              })
              continue
            }
            if (action.kind === 'sus') {
              send(state, id, [{ kind: 'sus', at, answers: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] }])
              continue
            }
            const task = p.tasks[action.task % p.tasks.length]
            if (!task) continue
            const event: StudyEvent = { kind: 'task', at, route: task.route, phase: action.kind }
            const before = task.status
            must(
              step(
                state,
                decideEvents(
                  state,
                  {
                    participantId: id,
                    events: [event],
                    paidAt: action.paid ? { [task.route]: at } : {},
                  },
                  at,
                ),
              ),
            )
            // A done without its payment is not believed (a task completed before stays completed).
            if (action.kind === 'done' && !action.paid && before !== 'completed')
              expect(task.status).not.toBe('completed')
          }
          for (const p of state.participants.values()) {
            for (const t of p.tasks) {
              const ended = t.status === 'completed' || t.status === 'abandoned'
              if (ended) ends.set(`${p.id}/${t.route}`, (ends.get(`${p.id}/${t.route}`) ?? 0) + 1)
              if (ended) expect(t.endedAt).not.toBeNull()
              if (t.status !== 'pending') expect(t.startedAt).not.toBeNull()
            }
            // At most one task under way.
            expect(p.tasks.filter((t) => t.status === 'started').length).toBeLessThanOrEqual(1)
            if (p.status === 'finished') {
              expect(
                p.tasks.every((t) => t.status === 'completed' || t.status === 'abandoned'),
              ).toBe(true)
              if (sus) expect(p.sus).not.toBeNull()
            }
          }
          for (const n of ends.values()) expect(n).toBe(1)
          const ended = [...state.participants.values()].filter((p) => p.status !== 'active').length
          expect(state.ended).toBe(ended)
        },
      ),
    )
  })

  it('completes a task at most once: a second done changes nothing', () => {
    const state = newStudy()
    const { id, routes } = join(state)
    const route = routes[0] as StudyRoute
    send(state, id, [{ kind: 'task', at: STUDY_T0, route, phase: 'start' }])
    send(state, id, [{ kind: 'task', at: STUDY_T0 + 5000, route, phase: 'done' }], {
      [route]: STUDY_T0 + 4000,
    })
    const task = state.participants.get(id)?.tasks[0]
    expect(task).toMatchObject({ status: 'completed', endedAt: STUDY_T0 + 5000 })
    send(state, id, [{ kind: 'task', at: STUDY_T0 + 9000, route, phase: 'done' }], {
      [route]: STUDY_T0 + 9000,
    })
    expect(task).toMatchObject({ status: 'completed', endedAt: STUDY_T0 + 5000 })
    expect(state.participants.get(id)?.status).toBe('finished')
  })

  it('a quit abandons the task under way at its last screen; pending tasks stay pending', () => {
    const state = newStudy({ design: 'within', routes: ['jump', 'screenshot', 'huabei'] })
    const { id, routes } = join(state)
    const [first, second] = routes as [StudyRoute, StudyRoute]
    send(state, id, [
      { kind: 'task', at: STUDY_T0, route: first, phase: 'start' },
      { kind: 'screen', at: STUDY_T0 + 10, screen: '/cashier', app: 'taobao' },
    ])
    send(state, id, [{ kind: 'task', at: STUDY_T0 + 5000, route: first, phase: 'done' }], {
      [first]: STUDY_T0 + 5000,
    })
    send(state, id, [
      { kind: 'task', at: STUDY_T0 + 6000, route: second, phase: 'start' },
      { kind: 'screen', at: STUDY_T0 + 6100, screen: '/wechat/scan', app: 'wechat' },
    ])
    quit(state, id, STUDY_T0 + 9000)
    const p = state.participants.get(id)
    expect(p?.status).toBe('quit')
    expect(p?.tasks.map((t) => t.status)).toEqual(['completed', 'abandoned', 'pending'])
    expect(p?.tasks[1]?.abandonedAt).toBe('/wechat/scan')
    expect(state.ended).toBe(1)
  })

  it('closes at its target: the next join is STUDY_CLOSED', () => {
    const state = newStudy({ target: 2 })
    const a = join(state)
    const b = join(state)
    quit(state, a.id, STUDY_T0 + 1)
    expect(planJoin(state).ok).toBe(true)
    quit(state, b.id, STUDY_T0 + 2)
    const refused = planJoin(state)
    expect(refused.ok ? null : refused.error.code).toBe('STUDY_CLOSED')
  })

  it('keeps at most 20,000 recorded events per participant, but still acts on the marks', () => {
    const state = newStudy()
    const { id, routes } = join(state)
    const route = routes[0] as StudyRoute
    const taps = (n: number, from: number): StudyEvent[] =>
      Array.from({ length: n }, (_, i) => ({ kind: 'tap' as const, at: from + i, target: 't' }))
    for (let i = 0; i < 40; i++) send(state, id, taps(500, STUDY_T0 + i * 500))
    const full = send(state, id, [
      ...taps(3, STUDY_T0),
      { kind: 'task', at: STUDY_T0 + 1, route, phase: 'start' },
    ])
    expect(full.accepted).toBe(1)
    expect(state.participants.get(id)?.events).toHaveLength(20_000)
    expect(state.participants.get(id)?.tasks[0]?.status).toBe('started')
  })
})
