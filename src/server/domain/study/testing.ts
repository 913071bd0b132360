// Test helpers for studies: a study folded from decisions as the store would, minus the journal.
import type { CreateStudyBody, StudyEvent, StudyRoute } from '../../../contract/study.ts'
import { applyStudyEvent } from './apply.ts'
import { decideCreateStudy, decideEvents, decideJoin, decideQuit, planJoin } from './decide.ts'
import type { StudyDecision, StudyState } from './model.ts'

export const STUDY_T0 = Date.parse('2025-03-01T09:00:00.000Z')

export function step<T>(state: StudyState, decision: StudyDecision<T>): StudyDecision<T> {
  if (decision.ok) for (const event of decision.events) applyStudyEvent(state, event)
  return decision
}

export function must<T>(decision: StudyDecision<T>): T {
  if (!decision.ok)
    throw new Error(`expected success, got ${decision.error.code}: ${decision.error.message}`)
  return decision.value
}

export function newStudy(
  body: Partial<CreateStudyBody> = {},
  id = 'sTESTSTUDY000000a',
): StudyState {
  const decision = decideCreateStudy(
    {
      id,
      ownerKeyHash: 'hash',
      body: { routes: ['jump', 'screenshot'], design: 'between', ...body },
    },
    STUDY_T0,
  )
  const created = decision.ok ? decision.events[0] : undefined
  const state = created ? applyStudyEvent(null, created) : null
  if (!state) throw new Error('no study')
  return state
}

let participants = 0

/** A participant joins; their routes in order. */
export function join(state: StudyState, at = STUDY_T0): { id: string; routes: StudyRoute[] } {
  const plan = must(planJoin(state))
  const id = `p${++participants}`
  must(
    step(
      state,
      decideJoin(state, { participantId: id, worlds: plan.routes.map((r) => `w-${id}-${r}`) }, at),
    ),
  )
  return { id, routes: plan.routes }
}

export function send(
  state: StudyState,
  participantId: string,
  events: StudyEvent[],
  paidAt: Partial<Record<StudyRoute, number>> = {},
) {
  return must(step(state, decideEvents(state, { participantId, events, paidAt }, 0)))
}

export function quit(
  state: StudyState,
  participantId: string,
  now: number,
  screen: string | null = null,
) {
  return must(step(state, decideQuit(state, { participantId, screen }, now)))
}

export interface TaskScript {
  start: number
  /** Screens shown, with their times. */
  screens?: [string, number][]
  /** Taps (with the screen, position, hit). */
  taps?: { at: number; screen: string; x: number; y: number; hit?: boolean }[]
  /** Completed at this time (the payment's). */
  paid?: number
}

/** Plays one task of a participant: its start, screens, taps and (if paid) its done. */
export function playTask(
  state: StudyState,
  participantId: string,
  route: StudyRoute,
  script: TaskScript,
) {
  const events: StudyEvent[] = [{ kind: 'task', at: script.start, route, phase: 'start' }]
  for (const [screen, at] of script.screens ?? [])
    events.push({ kind: 'screen', at, screen, app: 'taobao' })
  for (const t of script.taps ?? []) {
    events.push({
      kind: 'tap',
      at: t.at,
      target: 'x',
      screen: t.screen,
      x: t.x,
      y: t.y,
      hit: t.hit ?? true,
    })
  }
  events.sort((a, b) => a.at - b.at)
  send(state, participantId, events)
  if (script.paid !== undefined) {
    send(state, participantId, [{ kind: 'task', at: script.paid, route, phase: 'done' }], {
      [route]: script.paid,
    })
  }
}
