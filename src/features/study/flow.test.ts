import { describe, expect, it } from 'vitest'
import type { Participant, ParticipantTask, StudyEvent, StudyPublic } from '@/contract/study.ts'
import {
  initialStudy,
  MAX_CHECKS,
  position,
  studyStep,
  type StudyEffect,
  type StudyMachineEvent,
  type StudyState,
} from './flow.ts'

const study = (patch: Partial<StudyPublic> = {}): StudyPublic => ({
  id: 's1',
  name: '跳转 vs 截屏',
  design: 'within',
  seq: true,
  sus: true,
  status: 'open',
  lang: 'zh-CN',
  finished: 0,
  target: 20,
  ...patch,
})

const task = (patch: Partial<ParticipantTask> = {}): ParticipantTask => ({
  route: 'jump',
  world: 'w1',
  text: '用微信付款',
  status: 'pending',
  startedAt: null,
  endedAt: null,
  seq: null,
  ...patch,
})

const participant = (tasks: ParticipantTask[], patch: Partial<Participant> = {}): Participant => ({
  participantId: 'p1',
  world: tasks[0]?.world ?? 'w1',
  route: tasks[0]?.route ?? 'jump',
  tasks,
  status: 'active',
  sus: null,
  ...patch,
})

const TWO = [task(), task({ route: 'screenshot', world: 'w2', text: '截屏扫码' })]

/** Runs events through the step from a state, collecting every effect asked for. */
function run(state: StudyState, ...events: StudyMachineEvent[]) {
  const effects: StudyEffect[] = []
  const timers: string[] = []
  for (const event of events) {
    const next = studyStep(state, event)
    state = next.state
    effects.push(...(next.effects ?? []))
    timers.push(...(next.timers ?? []).map((t) => t.key))
  }
  return { state, effects, timers }
}

const records = (effects: StudyEffect[]) =>
  effects.flatMap((e) => (e.kind === 'record' ? e.events : []))

const screen = (path: string, at = 1000): StudyMachineEvent => ({
  type: 'PHONE',
  event: { kind: 'screen', at, screen: path, app: 'taobao' },
})
const tap = (at = 1100): StudyMachineEvent => ({
  type: 'PHONE',
  event: { kind: 'tap', at, target: 'submit-order', screen: '/', x: 10, y: 20, hit: true },
})

function joinedAt(p: Participant, s = study()): StudyState {
  return position(s, p)
}

describe('loading', () => {
  it('reads the study and the participant this browser already is', () => {
    const first = initialStudy('s1', 'p1')
    expect(first.state.kind).toBe('loading')
    expect(first.effects).toEqual([{ kind: 'load', studyId: 's1', participantId: 'p1' }])
  })

  it('shows the consent for an open study, the end of a closed one', () => {
    const loading = initialStudy('s1', null).state
    expect(run(loading, { type: 'LOADED', study: study(), participant: null }).state.kind).toBe(
      'consent',
    )
    expect(
      run(loading, { type: 'LOADED', study: study({ status: 'closed' }), participant: null }).state
        .kind,
    ).toBe('closed')
  })

  it('an unknown study is an error that can be tried again', () => {
    const loading = initialStudy('nope', null).state
    const { state } = run(loading, { type: 'LOAD_FAILED', error: { code: 'STUDY_NOT_FOUND' } })
    expect(state).toMatchObject({ kind: 'error', error: { code: 'STUDY_NOT_FOUND' } })
    const again = studyStep(state, { type: 'RETRY' })
    expect(again.state.kind).toBe('loading')
    expect(again.effects).toEqual([{ kind: 'load', studyId: 'nope', participantId: null }])
  })
})

describe('a reload resumes where the participant was', () => {
  it('at the first task not over', () => {
    const p = participant([
      task({ status: 'completed', seq: 5 }),
      task({ route: 'screenshot', status: 'pending' }),
    ])
    expect(position(study(), p)).toMatchObject({ kind: 'task', index: 1 })
  })

  it('on the phone of a task under way (its start already sent)', () => {
    const p = participant([task({ status: 'started' })])
    expect(position(study(), p)).toMatchObject({ kind: 'running', index: 0, started: true })
  })

  it('at the SEQ of a completed task not answered yet, then the SUS, then the end', () => {
    expect(position(study(), participant([task({ status: 'completed' })]))).toMatchObject({
      kind: 'seq',
      index: 0,
    })
    expect(position(study(), participant([task({ status: 'completed', seq: 6 })]))).toMatchObject({
      kind: 'sus',
    })
    expect(
      position(study({ seq: false, sus: false }), participant([task({ status: 'completed' })])),
    ).toMatchObject({ kind: 'done' })
  })

  it('on the quit page after a quit, the end once finished', () => {
    expect(position(study(), participant(TWO, { status: 'quit' })).kind).toBe('quit')
    const ended = TWO.map((t) => ({ ...t, status: 'completed' as const, seq: 3 }))
    expect(
      position(
        study(),
        participant(ended, { status: 'finished', sus: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] }),
      ).kind,
    ).toBe('done')
  })

  it('still asks the last task’s SEQ once the server counts them finished', () => {
    const last = [task({ status: 'completed' })]
    expect(
      position(study({ sus: false }), participant(last, { status: 'finished' })),
    ).toMatchObject({
      kind: 'seq',
      index: 0,
    })
  })
})

describe('consent and joining', () => {
  const consent: StudyState = { kind: 'consent', study: study(), joining: false, error: null }

  it('joins once, remembers who they are, and shows the first task', () => {
    const accepted = run(consent, { type: 'ACCEPT' }, { type: 'ACCEPT' })
    expect(accepted.effects).toEqual([{ kind: 'join', studyId: 's1' }])
    const joined = run(accepted.state, { type: 'JOINED', participant: participant(TWO) })
    expect(joined.state).toMatchObject({ kind: 'task', index: 0 })
    expect(joined.effects).toEqual([{ kind: 'remember', studyId: 's1', participantId: 'p1' }])
  })

  it('declining leaves nothing on the server', () => {
    const { state, effects } = run(consent, { type: 'DECLINE' })
    expect(state.kind).toBe('declined')
    expect(effects).toEqual([])
    expect(run(state, { type: 'RECONSIDER' }).state.kind).toBe('consent')
  })

  it('a study that filled up meanwhile is closed; another failure can be tried again', () => {
    const joining = run(consent, { type: 'ACCEPT' }).state
    expect(run(joining, { type: 'JOIN_FAILED', error: { code: 'STUDY_CLOSED' } }).state.kind).toBe(
      'closed',
    )
    expect(
      run(joining, { type: 'JOIN_FAILED', error: { code: 'NETWORK_ERROR' } }).state,
    ).toMatchObject({ kind: 'consent', joining: false, error: { code: 'NETWORK_ERROR' } })
  })
})

describe('a task', () => {
  const started = () => run(joinedAt(participant(TWO)), { type: 'START_TASK' })

  it('starts when the phone shows its first screen, and passes the phone’s events through as they are', () => {
    const { state, effects } = run(
      started().state,
      screen('/', 1000),
      tap(1100),
      screen('/?pay', 1200),
    )
    expect(records(effects)).toEqual<StudyEvent[]>([
      { kind: 'task', at: 1000, route: 'jump', phase: 'start' },
      { kind: 'screen', at: 1000, screen: '/', app: 'taobao' },
      { kind: 'tap', at: 1100, target: 'submit-order', screen: '/', x: 10, y: 20, hit: true },
      { kind: 'screen', at: 1200, screen: '/?pay', app: 'taobao' },
    ])
    expect(state).toMatchObject({ kind: 'running', screen: '/?pay', started: true })
  })

  it('asks the server on the payment result, and moves on only once it counts the task completed', () => {
    const running = run(started().state, screen('/'), screen('/pay/result/o1', 5000))
    const done = running.effects.at(-1)
    expect(done).toEqual({
      kind: 'record',
      events: [
        { kind: 'screen', at: 5000, screen: '/pay/result/o1', app: 'taobao' },
        { kind: 'task', at: 5000, route: 'jump', phase: 'done' },
      ],
      mark: 0,
    })
    const completed = participant([task({ status: 'completed' }), TWO[1] as ParticipantTask])
    const next = run(running.state, { type: 'ACKED', marks: [0], participant: completed })
    expect(next.state).toMatchObject({ kind: 'seq', index: 0 })
  })

  it('stays on the phone when the order is not paid, and asks again while the result shows', () => {
    const running = run(started().state, screen('/'), screen('/pay/result/o1', 5000))
    const notYet = participant([task({ status: 'started' }), TWO[1] as ParticipantTask])
    const waiting = run(running.state, { type: 'ACKED', marks: [0], participant: notYet })
    expect(waiting.state).toMatchObject({ kind: 'running', awaiting: null, checks: 1 })
    expect(waiting.timers).toEqual(['recheck'])
    const again = run(waiting.state, { type: 'RECHECK' })
    expect(records(again.effects)).toEqual([
      { kind: 'task', at: 5000, route: 'jump', phase: 'done' },
    ])
    // They left the result screen: nothing more is asked.
    const left = run(
      again.state,
      { type: 'ACKED', marks: [1], participant: notYet },
      screen('/orders'),
    )
    expect(run(left.state, { type: 'RECHECK' }).effects).toEqual([])
  })

  it('asks at most MAX_CHECKS times on one result screen', () => {
    let state = run(started().state, screen('/'), screen('/pay/result/o1')).state
    const notYet = participant(
      TWO.map((t, i) => (i === 0 ? { ...t, status: 'started' as const } : t)),
    )
    let asked = 1
    for (let i = 0; i < 10; i++) {
      const awaiting = state.kind === 'running' ? state.awaiting : null
      state = run(state, {
        type: 'ACKED',
        marks: awaiting === null ? [] : [awaiting],
        participant: notYet,
      }).state
      const next = run(state, { type: 'RECHECK' })
      asked += records(next.effects).length
      state = next.state
    }
    expect(asked).toBe(MAX_CHECKS)
  })

  it('drops the lab’s events once no task runs', () => {
    const intro = joinedAt(participant(TWO))
    expect(run(intro, tap()).effects).toEqual([])
  })
})

describe('the questions', () => {
  const atSeq = () =>
    position(study(), participant([task({ status: 'completed' }), TWO[1] as ParticipantTask]))

  it('SEQ: sends the answer and goes on to the next task once it arrived', () => {
    const sent = run(atSeq(), { type: 'SUBMIT_SEQ', value: 6, at: 9000 })
    expect(sent.effects).toEqual([
      { kind: 'record', events: [{ kind: 'seq', at: 9000, route: 'jump', value: 6 }], mark: 0 },
    ])
    // An answer to an earlier batch does not move the page.
    expect(run(sent.state, { type: 'ACKED', marks: [], participant: null }).state.kind).toBe('seq')
    expect(run(sent.state, { type: 'ACKED', marks: [0], participant: null }).state).toMatchObject({
      kind: 'task',
      index: 1,
    })
  })

  it('SEQ: refuses a value off the scale', () => {
    expect(run(atSeq(), { type: 'SUBMIT_SEQ', value: 8, at: 1 }).effects).toEqual([])
  })

  it('SUS: all ten answers, then the end', () => {
    const atSus = position(study(), participant([task({ status: 'completed', seq: 4 })]))
    expect(run(atSus, { type: 'SUBMIT_SUS', answers: [1, 2, 3], at: 1 }).effects).toEqual([])
    const answers = [4, 2, 5, 1, 4, 2, 5, 1, 4, 2]
    const sent = run(atSus, { type: 'SUBMIT_SUS', answers, at: 7 })
    expect(records(sent.effects)).toEqual([{ kind: 'sus', at: 7, answers }])
    expect(run(sent.state, { type: 'ACKED', marks: [0], participant: null }).state.kind).toBe(
      'done',
    )
  })
})

describe('quitting', () => {
  it('asks first; cancel goes back; confirm quits at the phone’s current screen', () => {
    const running = run(joinedAt(participant(TWO)), { type: 'START_TASK' }, screen('/?pay')).state
    const asking = run(running, { type: 'QUIT_OPEN' }).state
    expect(asking).toMatchObject({ kind: 'running', quit: 'asking' })
    expect(run(asking, { type: 'QUIT_CANCEL' }).state).toMatchObject({ quit: 'shut' })
    const confirmed = run(asking, { type: 'QUIT_CONFIRM' }, { type: 'QUIT_CONFIRM' })
    expect(confirmed.effects).toEqual([
      { kind: 'quit', studyId: 's1', participantId: 'p1', screen: '/?pay' },
    ])
    const quitP = participant(TWO, { status: 'quit' })
    expect(run(confirmed.state, { type: 'QUIT_DONE', participant: quitP }).state.kind).toBe('quit')
  })

  it('a failed quit asks again, with the reason', () => {
    const asking = run(joinedAt(participant(TWO)), { type: 'QUIT_OPEN' }, { type: 'QUIT_CONFIRM' })
    const failed = run(asking.state, { type: 'QUIT_FAILED', error: { code: 'NETWORK_ERROR' } })
    expect(failed.state).toMatchObject({ quit: 'asking', quitError: { code: 'NETWORK_ERROR' } })
  })

  it('a task can be given up when another follows: the abandon goes out where it happened, then the next task', () => {
    const running = run(joinedAt(participant(TWO)), { type: 'START_TASK' }, screen('/?pay')).state
    const asked = run(running, { type: 'QUIT_OPEN' }, { type: 'ABANDON_TASK', at: 4000 })
    expect(records(asked.effects)).toEqual([
      { kind: 'task', at: 4000, route: 'jump', phase: 'abandon', screen: '/?pay' },
    ])
    const gaveUp = participant([task({ status: 'abandoned' }), TWO[1] as ParticipantTask])
    expect(
      run(asked.state, { type: 'ACKED', marks: [0], participant: gaveUp }).state,
    ).toMatchObject({
      kind: 'task',
      index: 1,
    })
    // The last task has nothing after it: only quitting is offered.
    const last = run(position(study(), participant([task({ status: 'started' })])), {
      type: 'QUIT_OPEN',
    })
    expect(run(last.state, { type: 'ABANDON_TASK', at: 1 }).effects).toEqual([])
  })

  it('there is nothing to quit before joining', () => {
    const consent: StudyState = { kind: 'consent', study: study(), joining: false, error: null }
    expect(run(consent, { type: 'QUIT_OPEN' }).state).toBe(consent)
  })
})
