import { resultOrderId } from '@/contract/paths.ts'
import type { Participant, StudyEvent, StudyPublic } from '@/contract/study.ts'
import type { Failure } from '@/lib/failure.ts'
import { stay, type Next } from '@/lib/machine.ts'

/**
 * A participant's page (`/study/:studyId`) as a state machine (lib/machine.ts): the study loads (and the
 * participant this browser already is, if any: a reload picks up where it was), consent, joining, then per
 * task its intro, the phone, the Single Ease Question; the System Usability Scale; the end. Quitting is a
 * dialog over any step once joined. Pure: useStudyFlow.ts runs what it asks for. Times come in with the
 * events; the phone's own events pass through unchanged.
 */

/** The quit dialog over a step: shut, asking, or the quit on its way. */
export type QuitStage = 'shut' | 'asking' | 'sending'

/** What every step after joining knows. */
interface Joined {
  study: StudyPublic
  participant: Participant
  quit: QuitStage
  quitError: Failure | null
  /** The next mark's number: a record that waits for its answer names one. */
  marks: number
}

export type StudyState =
  | { kind: 'loading'; studyId: string; participantId: string | null }
  /** The study could not be read: unknown (STUDY_NOT_FOUND) or no answer. */
  | { kind: 'error'; studyId: string; participantId: string | null; error: Failure }
  | { kind: 'closed'; study: StudyPublic }
  | { kind: 'consent'; study: StudyPublic; joining: boolean; error: Failure | null }
  /** They said no: nothing of them is on the server. */
  | { kind: 'declined'; study: StudyPublic }
  | ({ kind: 'task'; index: number } & Joined)
  | ({
      kind: 'running'
      index: number
      /** The task's start went out (its phone showed a screen), here or before a reload. */
      started: boolean
      /** The phone's screen now (for a quit: where it happened). */
      screen: string | null
      /** When the phone showed Taobao's payment result, while it still does. */
      resultAt: number | null
      /** The mark of the `done` on its way (the answer says whether the task counts as completed). */
      awaiting: number | null
      /** `done`s sent on this result screen (a payment the merchant learns of late is asked again). */
      checks: number
    } & Joined)
  | ({ kind: 'seq'; index: number; awaiting: number | null } & Joined)
  | ({ kind: 'sus'; awaiting: number | null } & Joined)
  | { kind: 'done'; study: StudyPublic }
  | { kind: 'quit'; study: StudyPublic }

export type StudyIntent =
  | { type: 'RETRY' }
  | { type: 'ACCEPT' }
  | { type: 'DECLINE' }
  /** From the declined page: they changed their mind. */
  | { type: 'RECONSIDER' }
  | { type: 'START_TASK' }
  | { type: 'SUBMIT_SEQ'; value: number; at: number }
  | { type: 'SUBMIT_SUS'; answers: readonly number[]; at: number }
  | { type: 'QUIT_OPEN' }
  | { type: 'QUIT_CANCEL' }
  | { type: 'QUIT_CONFIRM' }
  /** From the quit dialog while a task runs and another follows: give this one up, go on to the next. */
  | { type: 'ABANDON_TASK'; at: number }

export type StudyMachineEvent =
  | StudyIntent
  | { type: 'LOADED'; study: StudyPublic; participant: Participant | null }
  | { type: 'LOAD_FAILED'; error: Failure }
  | { type: 'JOINED'; participant: Participant }
  | { type: 'JOIN_FAILED'; error: Failure }
  /** An event of the current task's phone (already in the study's shape). */
  | { type: 'PHONE'; event: StudyEvent }
  /**
   * A batch reached the server: the marks it carried, and the participant as the server has them now (null
   * when the page was hiding and the answer was not read).
   */
  | { type: 'ACKED'; marks: readonly number[]; participant: Participant | null }
  | { type: 'RECHECK' }
  | { type: 'QUIT_DONE'; participant: Participant }
  | { type: 'QUIT_FAILED'; error: Failure }

export type StudyEffect =
  | { kind: 'load'; studyId: string; participantId: string | null }
  | { kind: 'join'; studyId: string }
  | { kind: 'remember'; studyId: string; participantId: string }
  | { kind: 'forget'; studyId: string }
  /** Into the outbox, in order; `mark` (on the last event) asks for the answer at once. */
  | { kind: 'record'; events: readonly StudyEvent[]; mark?: number }
  | { kind: 'quit'; studyId: string; participantId: string; screen: string | null }

type StudyNext = Next<StudyState, StudyMachineEvent, StudyEffect>

/** A payment result the merchant has not heard of yet is asked about again this often, this many times. */
export const RECHECK_MS = 2000
export const MAX_CHECKS = 6
const RECHECK = 'recheck'

export function initialStudy(studyId: string, participantId: string | null): StudyNext {
  return {
    state: { kind: 'loading', studyId, participantId },
    effects: [{ kind: 'load', studyId, participantId }],
  }
}

/** Where a participant is: the first task not over, the SEQ of one just completed, the SUS, the end. */
export function position(
  study: StudyPublic,
  participant: Participant,
  joined: Omit<Joined, 'study' | 'participant'> = { quit: 'shut', quitError: null, marks: 0 },
): StudyState {
  if (participant.status === 'quit') return { kind: 'quit', study }
  // Not `finished` first: the server finishes a participant at their last task, before its SEQ.
  const base = { ...joined, study, participant }
  for (const [index, task] of participant.tasks.entries()) {
    if (task.status === 'completed' && study.seq && task.seq === null) {
      return { ...base, kind: 'seq', index, awaiting: null }
    }
    if (task.status === 'pending') return { ...base, kind: 'task', index }
    if (task.status === 'started') {
      return {
        ...base,
        kind: 'running',
        index,
        started: true,
        screen: null,
        resultAt: null,
        awaiting: null,
        checks: 0,
      }
    }
  }
  if (study.sus && participant.sus === null && participant.status === 'active') {
    return { ...base, kind: 'sus', awaiting: null }
  }
  return { kind: 'done', study }
}

type JoinedState = Extract<StudyState, { participant: Participant }>

function joinedOf(state: StudyState): JoinedState | null {
  return 'participant' in state ? state : null
}

/** A task after the one running: giving this one up goes on to it. */
export function hasNextTask(state: Extract<StudyState, { kind: 'running' }>): boolean {
  return state.participant.tasks.some((t, i) => i > state.index && t.status === 'pending')
}

const isResult = (screen: string) => resultOrderId(screen.split('?')[0] ?? '') !== null

function phoneEvent(state: StudyState, event: StudyEvent): StudyNext {
  if (state.kind !== 'running') return stay(state)
  const task = state.participant.tasks[state.index]
  if (!task) return stay(state)
  if (event.kind !== 'screen') return { state, effects: [{ kind: 'record', events: [event] }] }
  const events: StudyEvent[] = []
  // The task begins when its phone shows its first screen.
  if (!state.started) events.push({ kind: 'task', at: event.at, route: task.route, phase: 'start' })
  events.push(event)
  const next = { ...state, started: true, screen: event.screen }
  if (!isResult(event.screen)) {
    return {
      state: { ...next, resultAt: null, checks: 0 },
      effects: [{ kind: 'record', events }],
      cancel: [RECHECK],
    }
  }
  if (state.resultAt !== null) return { state: next, effects: [{ kind: 'record', events }] }
  // Taobao's payment result: the server says whether the order is really paid, with the route's method.
  events.push({ kind: 'task', at: event.at, route: task.route, phase: 'done' })
  const mark = state.marks
  return {
    state: { ...next, resultAt: event.at, awaiting: mark, checks: 1, marks: mark + 1 },
    effects: [{ kind: 'record', events, mark }],
  }
}

/** A task's answer came back: on to what follows once the server counts it completed. */
function acked(state: StudyState, marks: readonly number[], fresh: Participant | null): StudyNext {
  const joined = joinedOf(state)
  if (!joined) return stay(state)
  const participant = fresh ?? joined.participant
  const keep = { quit: joined.quit, quitError: joined.quitError, marks: joined.marks }
  const updated = { ...state, participant } as StudyState
  const mine = (awaiting: number | null) => awaiting !== null && marks.includes(awaiting)
  switch (state.kind) {
    case 'running': {
      const task = participant.tasks[state.index]
      if (task && (task.status === 'completed' || task.status === 'abandoned')) {
        return { state: position(state.study, participant, keep), cancel: [RECHECK] }
      }
      if (!mine(state.awaiting)) return stay(updated)
      // Not paid (yet): they carry on; a late payment is asked about again while the result shows.
      const waiting = { ...state, participant, awaiting: null }
      if (state.resultAt === null || state.checks >= MAX_CHECKS) return stay(waiting)
      return {
        state: waiting,
        timers: [{ key: RECHECK, ms: fresh ? RECHECK_MS : 0, event: { type: 'RECHECK' } }],
      }
    }
    case 'seq':
    case 'sus': {
      if (!mine(state.awaiting)) return stay(updated)
      // Answered: the page goes on even if the server's copy of the participant does not say so yet.
      const answered: Participant =
        state.kind === 'seq'
          ? {
              ...participant,
              tasks: participant.tasks.map((task, i) =>
                i === state.index ? { ...task, seq: task.seq ?? 0 } : task,
              ),
            }
          : { ...participant, sus: participant.sus ?? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }
      return stay(position(state.study, answered, keep))
    }
    default:
      return stay(updated)
  }
}

export function studyStep(state: StudyState, event: StudyMachineEvent): StudyNext {
  switch (event.type) {
    case 'LOADED': {
      if (state.kind !== 'loading') return stay(state)
      if (event.participant) return stay(position(event.study, event.participant))
      if (event.study.status === 'closed') return stay({ kind: 'closed', study: event.study })
      return stay({ kind: 'consent', study: event.study, joining: false, error: null })
    }
    case 'LOAD_FAILED':
      return state.kind === 'loading'
        ? stay({ ...state, kind: 'error', error: event.error })
        : stay(state)
    case 'RETRY':
      return state.kind === 'error' ? initialStudy(state.studyId, state.participantId) : stay(state)
    case 'ACCEPT':
      if (state.kind !== 'consent' || state.joining) return stay(state)
      return {
        state: { ...state, joining: true, error: null },
        effects: [{ kind: 'join', studyId: state.study.id }],
      }
    case 'DECLINE':
      return state.kind === 'consent' && !state.joining
        ? stay({ kind: 'declined', study: state.study })
        : stay(state)
    case 'RECONSIDER':
      return state.kind === 'declined'
        ? stay({ kind: 'consent', study: state.study, joining: false, error: null })
        : stay(state)
    case 'JOINED':
      if (state.kind !== 'consent') return stay(state)
      return {
        state: position(state.study, event.participant),
        effects: [
          {
            kind: 'remember',
            studyId: state.study.id,
            participantId: event.participant.participantId,
          },
        ],
      }
    case 'JOIN_FAILED':
      if (state.kind !== 'consent') return stay(state)
      if (event.error.code === 'STUDY_CLOSED') return stay({ kind: 'closed', study: state.study })
      return stay({ ...state, joining: false, error: event.error })
    case 'START_TASK':
      if (state.kind !== 'task' || state.quit !== 'shut') return stay(state)
      return stay({
        ...state,
        kind: 'running',
        started: false,
        screen: null,
        resultAt: null,
        awaiting: null,
        checks: 0,
      })
    case 'PHONE':
      return phoneEvent(state, event.event)
    case 'ACKED':
      return acked(state, event.marks, event.participant)
    case 'RECHECK': {
      if (state.kind !== 'running' || state.resultAt === null || state.awaiting !== null) {
        return stay(state)
      }
      const task = state.participant.tasks[state.index]
      if (!task || state.checks >= MAX_CHECKS) return stay(state)
      const mark = state.marks
      return {
        state: { ...state, awaiting: mark, checks: state.checks + 1, marks: mark + 1 },
        effects: [
          {
            kind: 'record',
            events: [{ kind: 'task', at: state.resultAt, route: task.route, phase: 'done' }],
            mark,
          },
        ],
      }
    }
    case 'SUBMIT_SEQ': {
      if (state.kind !== 'seq' || state.awaiting !== null || state.quit !== 'shut') {
        return stay(state)
      }
      const task = state.participant.tasks[state.index]
      const value = Math.round(event.value)
      if (!task || value < 1 || value > 7) return stay(state)
      const mark = state.marks
      return {
        state: { ...state, awaiting: mark, marks: mark + 1 },
        effects: [
          {
            kind: 'record',
            events: [{ kind: 'seq', at: Math.round(event.at), route: task.route, value }],
            mark,
          },
        ],
      }
    }
    case 'SUBMIT_SUS': {
      if (state.kind !== 'sus' || state.awaiting !== null || state.quit !== 'shut') {
        return stay(state)
      }
      const answers = event.answers.map(Math.round)
      if (answers.length !== 10 || answers.some((a) => a < 1 || a > 5)) return stay(state)
      const mark = state.marks
      return {
        state: { ...state, awaiting: mark, marks: mark + 1 },
        effects: [{ kind: 'record', events: [{ kind: 'sus', at: event.at, answers }], mark }],
      }
    }
    case 'QUIT_OPEN': {
      const joined = joinedOf(state)
      return joined && joined.quit === 'shut'
        ? stay({ ...joined, quit: 'asking', quitError: null })
        : stay(state)
    }
    case 'QUIT_CANCEL': {
      const joined = joinedOf(state)
      return joined && joined.quit === 'asking'
        ? stay({ ...joined, quit: 'shut', quitError: null })
        : stay(state)
    }
    case 'QUIT_CONFIRM': {
      const joined = joinedOf(state)
      if (!joined || joined.quit !== 'asking') return stay(state)
      return {
        state: { ...joined, quit: 'sending', quitError: null },
        effects: [
          {
            kind: 'quit',
            studyId: joined.study.id,
            participantId: joined.participant.participantId,
            screen: joined.kind === 'running' ? joined.screen : null,
          },
        ],
        cancel: [RECHECK],
      }
    }
    case 'ABANDON_TASK': {
      if (state.kind !== 'running' || state.quit !== 'asking' || !hasNextTask(state)) {
        return stay(state)
      }
      const task = state.participant.tasks[state.index]
      if (!task) return stay(state)
      const mark = state.marks
      const screen = state.screen === null ? {} : { screen: state.screen }
      return {
        state: { ...state, quit: 'shut', quitError: null, awaiting: mark, marks: mark + 1 },
        effects: [
          {
            kind: 'record',
            events: [
              {
                kind: 'task',
                at: Math.round(event.at),
                route: task.route,
                phase: 'abandon',
                ...screen,
              },
            ],
            mark,
          },
        ],
        cancel: [RECHECK],
      }
    }
    case 'QUIT_DONE': {
      const joined = joinedOf(state)
      return joined ? stay({ kind: 'quit', study: joined.study }) : stay(state)
    }
    case 'QUIT_FAILED': {
      const joined = joinedOf(state)
      if (!joined || joined.quit !== 'sending') return stay(state)
      return stay({ ...joined, quit: 'asking', quitError: event.error })
    }
  }
}
