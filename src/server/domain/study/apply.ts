// The fold of a study's journal: `applyStudyEvent(state, event)`, in place. Events were checked when
// decided, so this never refuses; one about a participant the state does not have is skipped.
import { STUDY_KEYS_PER_PARTICIPANT } from './model.ts'
import type { StudyJournalEvent, StudyState, ParticipantState, StudyConfig } from './model.ts'

export function emptyStudy(config: StudyConfig): StudyState {
  return { config, participants: new Map(), nextSlot: 0, ended: 0, screens: new Map() }
}

/** Finished: every task ended, and the SUS in if the study asks for it. */
function settle(state: StudyState, p: ParticipantState): void {
  if (p.status !== 'active') return
  const allEnded = p.tasks.every((t) => t.status === 'completed' || t.status === 'abandoned')
  if (allEnded && (!state.config.sus || p.sus !== null)) {
    p.status = 'finished'
    state.ended += 1
  }
}

/**
 * Folds `event` into `state` (a `study.created` makes the state: pass null before it). Returns the
 * state, which is the same object for every other event.
 */
export function applyStudyEvent(
  state: StudyState | null,
  event: StudyJournalEvent,
): StudyState | null {
  if (event.type === 'study.created') return emptyStudy(event.study)
  if (!state) return null
  switch (event.type) {
    case 'participant.joined': {
      state.participants.set(event.participantId, {
        id: event.participantId,
        slot: event.slot,
        joinedAt: event.at,
        tasks: event.tasks.map((t) => ({
          route: t.route,
          world: t.world,
          status: 'pending',
          startedAt: null,
          endedAt: null,
          seq: null,
          abandonedAt: null,
        })),
        status: 'active',
        sus: null,
        events: [],
        keys: new Map(),
        quitAt: null,
      })
      state.nextSlot = Math.max(state.nextSlot, event.slot + 1)
      return state
    }
    case 'participant.deleted': {
      const p = state.participants.get(event.participantId)
      if (!p) return state
      if (p.status !== 'active') state.ended -= 1
      state.participants.delete(event.participantId)
      // A slot freed at the end is given again, so the blocks stay balanced.
      let next = 0
      for (const other of state.participants.values()) next = Math.max(next, other.slot + 1)
      state.nextSlot = next
      return state
    }
    case 'screen.captured': {
      if (!state.screens.has(event.screen)) {
        const { type: _type, ...capture } = event
        state.screens.set(event.screen, capture)
      }
      return state
    }
    default:
      break
  }
  const p = state.participants.get(event.participantId)
  if (!p) return state
  switch (event.type) {
    case 'participant.events':
      for (const e of event.events) p.events.push(e)
      if (event.key !== undefined) {
        p.keys.set(event.key, event.accepted ?? event.events.length)
        if (p.keys.size > STUDY_KEYS_PER_PARTICIPANT) {
          const oldest = p.keys.keys().next()
          if (!oldest.done) p.keys.delete(oldest.value)
        }
      }
      return state
    case 'task.started': {
      const task = p.tasks.find((t) => t.route === event.route)
      if (task?.status === 'pending') {
        task.status = 'started'
        task.startedAt = event.at
      }
      return state
    }
    case 'task.completed':
    case 'task.abandoned': {
      const task = p.tasks.find((t) => t.route === event.route)
      if (task?.status === 'started') {
        task.status = event.type === 'task.completed' ? 'completed' : 'abandoned'
        task.endedAt = event.at
        if (event.type === 'task.abandoned') task.abandonedAt = event.screen
      }
      settle(state, p)
      return state
    }
    case 'task.seq': {
      const task = p.tasks.find((t) => t.route === event.route)
      if (task && task.seq === null) task.seq = event.value
      return state
    }
    case 'participant.sus':
      if (p.sus === null) p.sus = [...event.answers]
      settle(state, p)
      return state
    case 'participant.quit':
      if (p.status === 'active') {
        p.status = 'quit'
        p.quitAt = event.at
        state.ended += 1
      }
      return state
  }
}

/** Folds a whole journal; null if it does not begin with `study.created`. */
export function foldStudy(events: Iterable<StudyJournalEvent>): StudyState | null {
  let state: StudyState | null = null
  for (const event of events) state = applyStudyEvent(state, event)
  return state
}
