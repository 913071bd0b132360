// A study with real people (docs/studies.md), as the lab's journal folds it: its settings, its
// participants and what they did. Pure: times and ids come in with the commands.
import type { ApiError } from '../../../contract/errors.ts'
import type { StudyDesign, StudyEvent, StudyRoute } from '../../../contract/study.ts'

export type StudyLang = 'zh-CN' | 'en'

/** A study's settings, fixed when it is made. */
export interface StudyConfig {
  id: string
  name: string | null
  routes: StudyRoute[]
  design: StudyDesign
  /** The task text of each of `routes`. */
  tasks: Partial<Record<StudyRoute, string>>
  seq: boolean
  sus: boolean
  target: number
  friend: 'scripted' | 'participant'
  friendDelayMs: { min: number; max: number }
  lang: StudyLang
  createdAt: number
  /** The owner key's SHA-256 (base64url): the key itself is never kept. */
  ownerKeyHash: string
}

/** What a study's journal holds, one command's events at a time. */
export type StudyJournalEvent =
  | { type: 'study.created'; study: StudyConfig }
  | {
      type: 'participant.joined'
      participantId: string
      at: number
      /** Its place in the assignment (the k of the balanced blocks, the row of the Latin square). */
      slot: number
      tasks: { route: StudyRoute; world: string }[]
    }
  /**
   * What the phone recorded (screens, taps, keys, switches, requests, errors), as sent; with the call's
   * Idempotency-Key and its `accepted`, so a retry of the same call answers the same and adds nothing.
   */
  | {
      type: 'participant.events'
      participantId: string
      events: StudyEvent[]
      key?: string
      accepted?: number
    }
  | { type: 'task.started'; participantId: string; route: StudyRoute; at: number }
  | { type: 'task.completed'; participantId: string; route: StudyRoute; at: number }
  | {
      type: 'task.abandoned'
      participantId: string
      route: StudyRoute
      at: number
      screen: string | null
    }
  | { type: 'task.seq'; participantId: string; route: StudyRoute; value: number }
  | { type: 'participant.sus'; participantId: string; answers: number[] }
  | { type: 'participant.quit'; participantId: string; at: number; screen: string | null }
  | { type: 'participant.deleted'; participantId: string }
  /** The first screenshot of a screen (for its heatmap): whose it was is not kept. */
  | {
      type: 'screen.captured'
      screen: string
      imageId: string
      contentType: 'image/png' | 'image/jpeg'
      width: number
      height: number
      at: number
    }

export type TaskStatus = 'pending' | 'started' | 'completed' | 'abandoned'

export interface TaskState {
  route: StudyRoute
  world: string
  status: TaskStatus
  startedAt: number | null
  endedAt: number | null
  seq: number | null
  /** Where an abandoned task ended (the quit's screen), if known. */
  abandonedAt: string | null
}

export type ParticipantStatus = 'active' | 'finished' | 'quit'

export interface ParticipantState {
  id: string
  slot: number
  joinedAt: number
  tasks: TaskState[]
  status: ParticipantStatus
  sus: number[] | null
  /** Everything the phone recorded, in the order it arrived. */
  events: StudyEvent[]
  /** The Idempotency-Keys of their last calls (STUDY_KEYS_PER_PARTICIPANT), with what each accepted. */
  keys: Map<string, number>
  quitAt: number | null
}

export interface ScreenCapture {
  screen: string
  imageId: string
  contentType: 'image/png' | 'image/jpeg'
  width: number
  height: number
  at: number
}

export interface StudyState {
  config: StudyConfig
  /** In the order they joined. */
  participants: Map<string, ParticipantState>
  /** The next participant's slot. */
  nextSlot: number
  /** Participants who finished or quit. */
  ended: number
  /** By screen key: the first screenshot of each. */
  screens: Map<string, ScreenCapture>
}

/** Recorded events one participant may hold (task marks, SEQ and SUS are always taken). */
export const STUDY_EVENTS_PER_PARTICIPANT = 20_000
/** Idempotency-Keys of a participant's event calls remembered (the oldest forgotten first). */
export const STUDY_KEYS_PER_PARTICIPANT = 1_000
/** Screenshots one study keeps. */
export const STUDY_SCREENS_PER_STUDY = 300
/** The scripted friend's delay unless the study says otherwise. */
export const DEFAULT_FRIEND_DELAY_MS = { min: 4_000, max: 12_000 } as const
export const DEFAULT_TARGET = 20

/** What a command decides: the journal events to append, or a refusal (which changes nothing). */
export type StudyDecision<T> =
  { ok: true; events: StudyJournalEvent[]; value: T } | { ok: false; error: ApiError }

export function studyAccept<T>(value: T, events: StudyJournalEvent[] = []): StudyDecision<T> {
  return { ok: true, events, value }
}

export function studyRefuse<T = never>(code: ApiError['code'], message: string): StudyDecision<T> {
  return { ok: false, error: { code, message } }
}
