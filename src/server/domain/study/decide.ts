// The commands of a study: `decide*(state, command, now) → events | refusal` (docs/studies.md). What
// the world says (a task's order is paid) and fresh ids come in with the command.
import type { CreateStudyBody, StudyEvent, StudyRoute } from '../../../contract/study.ts'
import { screenPattern } from '../../../contract/paths.ts'
import { assignRoutes } from './assign.ts'
import {
  DEFAULT_FRIEND_DELAY_MS,
  DEFAULT_TARGET,
  STUDY_EVENTS_PER_PARTICIPANT,
  STUDY_SCREENS_PER_STUDY,
  studyAccept,
  studyRefuse,
} from './model.ts'
import type {
  ParticipantState,
  StudyConfig,
  StudyDecision,
  StudyJournalEvent,
  StudyState,
  TaskStatus,
} from './model.ts'
import { defaultTaskText } from './words.ts'

export interface CreateStudyCommand {
  id: string
  ownerKeyHash: string
  body: CreateStudyBody
}

/** A new study: its settings, the defaults filled in. */
export function decideCreateStudy(
  cmd: CreateStudyCommand,
  now: number,
): StudyDecision<StudyConfig> {
  const { body } = cmd
  const lang = body.lang ?? 'zh-CN'
  const stray = Object.keys(body.tasks ?? {}).filter(
    (route) => !body.routes.includes(route as StudyRoute),
  )
  if (stray.length > 0) {
    return studyRefuse(
      'PARAM_ERROR',
      `tasks: ${stray.join(', ')} is not among the study's routes (${body.routes.join(', ')})`,
    )
  }
  const tasks: Partial<Record<StudyRoute, string>> = {}
  for (const route of body.routes)
    tasks[route] = body.tasks?.[route] ?? defaultTaskText(route, lang)
  const study: StudyConfig = {
    id: cmd.id,
    name: body.name ?? null,
    routes: [...body.routes],
    design: body.design,
    tasks,
    seq: body.seq ?? false,
    sus: body.sus ?? false,
    target: body.target ?? DEFAULT_TARGET,
    friend: body.friend ?? 'scripted',
    friendDelayMs: body.friendDelayMs ?? { ...DEFAULT_FRIEND_DELAY_MS },
    lang,
    createdAt: now,
    ownerKeyHash: cmd.ownerKeyHash,
  }
  return studyAccept(study, [{ type: 'study.created', study }])
}

export function isClosed(state: StudyState): boolean {
  return state.ended >= state.config.target
}

/** The next participant's place and routes, or STUDY_CLOSED: asked before their worlds are made. */
export function planJoin(state: StudyState): StudyDecision<{ slot: number; routes: StudyRoute[] }> {
  if (isClosed(state)) {
    return studyRefuse(
      'STUDY_CLOSED',
      `this study reached its target of ${state.config.target} participants: it takes nobody else`,
    )
  }
  const slot = state.nextSlot
  const { id, design, routes } = state.config
  return studyAccept({ slot, routes: assignRoutes(id, design, routes, slot) })
}

export interface JoinCommand {
  participantId: string
  /** A fresh world per task, in the order of `planJoin`'s routes. */
  worlds: string[]
}

export function decideJoin(
  state: StudyState,
  cmd: JoinCommand,
  now: number,
): StudyDecision<{ slot: number }> {
  const plan = planJoin(state)
  if (!plan.ok) return plan
  const { slot, routes } = plan.value
  if (cmd.worlds.length !== routes.length) {
    return studyRefuse('PARAM_ERROR', `a participant needs ${routes.length} world(s)`)
  }
  if (state.participants.has(cmd.participantId)) {
    return studyRefuse('PARAM_ERROR', 'participant id already taken')
  }
  return studyAccept({ slot }, [
    {
      type: 'participant.joined',
      participantId: cmd.participantId,
      at: now,
      slot,
      tasks: routes.map((route, i) => ({ route, world: cmd.worlds[i] as string })),
    },
  ])
}

function participantOf(state: StudyState, id: string): StudyDecision<ParticipantState> {
  const p = state.participants.get(id)
  return p
    ? studyAccept(p)
    : studyRefuse('PARTICIPANT_NOT_FOUND', 'this study has no such participant (or it was deleted)')
}

/** The screen the participant was last on since `since` (their task's start), if any. */
export function lastScreen(
  events: readonly StudyEvent[],
  since: number | null,
  extra: readonly StudyEvent[] = [],
): string | null {
  for (const list of [extra, events]) {
    for (let i = list.length - 1; i >= 0; i--) {
      const e = list[i]
      if (e?.kind === 'screen' && (since === null || e.at >= since)) return e.screen
    }
  }
  return null
}

export interface EventsCommand {
  participantId: string
  events: StudyEvent[]
  /**
   * When the world of each route's task has an order paid with the route's method (ms on the world's
   * clock); absent: not paid, so a `done` for it is not believed.
   */
  paidAt: Partial<Record<StudyRoute, number>>
  /** The call's Idempotency-Key, if it has one: a retry with it answers the first `accepted`. */
  key?: string | undefined
}

/**
 * What the phone sent: recorded as sent (up to STUDY_EVENTS_PER_PARTICIPANT), and the marks acted on
 * in order: a `start` starts a pending task when no other is under way (the first one wins); a `done`
 * completes a started task only when its order is paid (at the `done`'s time: the phone's clock, which
 * its start is on too, while the payment's is the server's); an `abandon` ends the
 * started task; SEQ and SUS answers count once. `accepted`: the events kept or acted on.
 */
export function decideEvents(
  state: StudyState,
  cmd: EventsCommand,
  _now: number,
): StudyDecision<{ accepted: number }> {
  const found = participantOf(state, cmd.participantId)
  if (!found.ok) return found
  const p = found.value
  const { participantId } = cmd
  const seen = cmd.key === undefined ? undefined : p.keys.get(cmd.key)
  if (seen !== undefined) return studyAccept({ accepted: seen })
  const tasks = p.tasks.map((t) => ({
    route: t.route,
    status: t.status as TaskStatus,
    startedAt: t.startedAt,
    seq: t.seq,
  }))
  let susIn = p.sus !== null
  let room = STUDY_EVENTS_PER_PARTICIPANT - p.events.length
  const recorded: StudyEvent[] = []
  const marks: StudyJournalEvent[] = []
  let accepted = 0
  for (const raw of cmd.events) {
    // Screens by their page's pattern (`/pay/result/:orderId`): one step and one heatmap across people.
    const e = namedScreen(raw)
    let acted = false
    if (e.kind === 'task' && p.status === 'active') {
      const task = tasks.find((t) => t.route === e.route)
      if (task && e.phase === 'start') {
        if (task.status === 'pending' && !tasks.some((t) => t.status === 'started')) {
          task.status = 'started'
          task.startedAt = e.at
          marks.push({ type: 'task.started', participantId, route: e.route, at: e.at })
          acted = true
        }
      } else if (task && e.phase === 'done') {
        if (task.status === 'started' && cmd.paidAt[e.route] !== undefined) {
          task.status = 'completed'
          // On the phone's clock, as its start is: the payment's time is on the server's.
          const at = Math.max(e.at, task.startedAt ?? e.at)
          marks.push({ type: 'task.completed', participantId, route: e.route, at })
          acted = true
        }
      } else if (task && e.phase === 'abandon') {
        if (task.status === 'started') {
          task.status = 'abandoned'
          const screen = e.screen ?? lastScreen(p.events, task.startedAt, recorded)
          const at = Math.max(e.at, task.startedAt ?? e.at)
          marks.push({ type: 'task.abandoned', participantId, route: e.route, at, screen })
          acted = true
        }
      }
    } else if (e.kind === 'seq' && state.config.seq) {
      const task = tasks.find((t) => t.route === e.route)
      if (task && task.status !== 'pending' && task.seq === null) {
        task.seq = e.value
        marks.push({ type: 'task.seq', participantId, route: e.route, value: e.value })
        acted = true
      }
    } else if (e.kind === 'sus' && state.config.sus && p.status === 'active' && !susIn) {
      susIn = true
      marks.push({ type: 'participant.sus', participantId, answers: [...e.answers] })
      acted = true
    }
    let kept = false
    if (room > 0) {
      recorded.push(e)
      room -= 1
      kept = true
    }
    if (kept || acted) accepted += 1
  }
  const events: StudyJournalEvent[] = []
  if (cmd.key !== undefined) {
    events.push({
      type: 'participant.events',
      participantId,
      events: recorded,
      key: cmd.key,
      accepted,
    })
  } else if (recorded.length > 0) {
    events.push({ type: 'participant.events', participantId, events: recorded })
  }
  events.push(...marks)
  return studyAccept({ accepted }, events)
}

export interface QuitCommand {
  participantId: string
  screen: string | null
}

/**
 * The participant leaves: the task under way is abandoned at `screen` (or the last screen it showed);
 * pending tasks stay pending and count nowhere. Quitting again (or after finishing) changes nothing.
 */
export function decideQuit(state: StudyState, cmd: QuitCommand, now: number): StudyDecision<null> {
  const found = participantOf(state, cmd.participantId)
  if (!found.ok) return found
  const p = found.value
  if (p.status !== 'active') return studyAccept(null)
  const screen = cmd.screen
  // The quit first: the abandon that follows ends their tasks without finishing them.
  const events: StudyJournalEvent[] = [
    { type: 'participant.quit', participantId: p.id, at: now, screen },
  ]
  // Ended no earlier than what the phone sent (its clock may be ahead of the server's).
  let last = now
  for (const e of p.events) if (e.at > last) last = e.at
  for (const task of p.tasks) {
    if (task.status !== 'started') continue
    const at = Math.max(last, task.startedAt ?? last)
    events.push({
      type: 'task.abandoned',
      participantId: p.id,
      route: task.route,
      at,
      screen: screen ?? lastScreen(p.events, task.startedAt),
    })
  }
  return studyAccept(null, events)
}

export interface ScreenCommand {
  participantId: string
  screen: string
  imageId: string
  contentType: 'image/png' | 'image/jpeg'
  width: number
  height: number
}

function namedScreen(e: StudyEvent): StudyEvent {
  if (e.kind === 'screen') return { ...e, screen: screenPattern(e.screen) }
  if (e.kind === 'tap' && e.screen !== undefined) return { ...e, screen: screenPattern(e.screen) }
  return e
}

/** A screenshot for a screen's heatmap: the first per screen is kept, up to STUDY_SCREENS_PER_STUDY. */
export function decideScreen(
  state: StudyState,
  cmd: ScreenCommand,
  now: number,
): StudyDecision<{ imageId: string; kept: boolean }> {
  const found = participantOf(state, cmd.participantId)
  if (!found.ok) return found
  const screen = screenPattern(cmd.screen)
  const first = state.screens.get(screen)
  if (first) return studyAccept({ imageId: first.imageId, kept: false })
  if (state.screens.size >= STUDY_SCREENS_PER_STUDY)
    return studyAccept({ imageId: cmd.imageId, kept: false })
  const { participantId: _p, ...capture } = cmd
  return studyAccept({ imageId: cmd.imageId, kept: true }, [
    { type: 'screen.captured', ...capture, screen, at: now },
  ])
}

export function decideDeleteParticipant(
  state: StudyState,
  participantId: string,
): StudyDecision<null> {
  const found = participantOf(state, participantId)
  if (!found.ok) return found
  return studyAccept(null, [{ type: 'participant.deleted', participantId }])
}
