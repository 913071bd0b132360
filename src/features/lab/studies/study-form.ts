import {
  CreateStudyBodySchema,
  STUDY_MAX_TARGET,
  STUDY_ROUTES,
  type CreateStudyBody,
  type StudyDesign,
  type StudyRoute,
} from '@/contract/study.ts'

/** What the lab's study form holds, as typed (numbers are text until they are checked). */
export interface StudyFormState {
  name: string
  /** The chosen routes; the body lists them in STUDY_ROUTES' order whatever order they were ticked in. */
  routes: readonly StudyRoute[]
  design: StudyDesign
  /** A task text per route (every route has one, so unticking and ticking again keeps an edit). */
  tasks: Record<StudyRoute, string>
  seq: boolean
  sus: boolean
  target: string
  friend: 'scripted' | 'participant'
  /** The scripted friend's delay, in seconds. */
  delayMin: string
  delayMax: string
  lang: 'zh-CN' | 'en'
}

export type StudyFormField =
  'name' | 'routes' | 'target' | 'delayMin' | 'delayMax' | `task-${StudyRoute}`

export type StudyFormError =
  'nameLong' | 'routesNone' | 'taskEmpty' | 'taskLong' | 'targetRange' | 'delayRange' | 'delayOrder'

export type StudyFormErrors = Partial<Record<StudyFormField, StudyFormError>>

export type StudyFormResult =
  { ok: true; body: CreateStudyBody } | { ok: false; errors: StudyFormErrors }

export const NAME_MAX = 80
export const TASK_MAX = 500
export const DELAY_MAX_SECONDS = 300
export const DEFAULT_TARGET = 20

export function initialForm(tasks: Record<StudyRoute, string>): StudyFormState {
  return {
    name: '',
    routes: ['jump', 'screenshot'],
    design: 'between',
    tasks,
    seq: true,
    sus: true,
    target: String(DEFAULT_TARGET),
    friend: 'scripted',
    delayMin: '5',
    delayMax: '20',
    lang: 'zh-CN',
  }
}

/** A whole number typed in a field, or null. */
function wholeNumber(text: string): number | null {
  const trimmed = text.trim()
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : null
}

/** Seconds (0–300, up to one decimal) typed in a field, as milliseconds, or null. */
export function delayMsFromText(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,3}(\.\d)?$/.test(trimmed)) return null
  const seconds = Number(trimmed)
  return seconds <= DELAY_MAX_SECONDS ? Math.round(seconds * 1000) : null
}

/** Ticks or unticks a route, keeping the list in STUDY_ROUTES' order. */
export function toggleRoute(routes: readonly StudyRoute[], route: StudyRoute): StudyRoute[] {
  const chosen = new Set(routes)
  if (chosen.has(route)) chosen.delete(route)
  else chosen.add(route)
  return STUDY_ROUTES.filter((r) => chosen.has(r))
}

/**
 * The form as the body of `POST /api/lab/studies`, or what is wrong with it field by field. The body is
 * checked against the contract's schema too, so what this accepts the server accepts.
 */
export function toCreateBody(form: StudyFormState): StudyFormResult {
  const errors: StudyFormErrors = {}
  const name = form.name.trim()
  if (name.length > NAME_MAX) errors.name = 'nameLong'
  const routes = STUDY_ROUTES.filter((r) => form.routes.includes(r))
  if (routes.length === 0) errors.routes = 'routesNone'
  const tasks: Partial<Record<StudyRoute, string>> = {}
  for (const route of routes) {
    const text = form.tasks[route].trim()
    if (text.length === 0) errors[`task-${route}`] = 'taskEmpty'
    else if (text.length > TASK_MAX) errors[`task-${route}`] = 'taskLong'
    else tasks[route] = text
  }
  const target = wholeNumber(form.target)
  if (target === null || target < 1 || target > STUDY_MAX_TARGET) errors.target = 'targetRange'
  const asksFriend = routes.includes('friend')
  let friendDelayMs: { min: number; max: number } | undefined
  if (asksFriend && form.friend === 'scripted') {
    const min = delayMsFromText(form.delayMin)
    const max = delayMsFromText(form.delayMax)
    if (min === null) errors.delayMin = 'delayRange'
    if (max === null) errors.delayMax = 'delayRange'
    else if (min !== null && max < min) errors.delayMax = 'delayOrder'
    if (min !== null && max !== null && min <= max) friendDelayMs = { min, max }
  }
  if (Object.keys(errors).length > 0 || target === null) return { ok: false, errors }
  const body: CreateStudyBody = {
    ...(name ? { name } : {}),
    routes,
    design: form.design,
    tasks,
    seq: form.seq,
    sus: form.sus,
    target,
    ...(asksFriend ? { friend: form.friend } : {}),
    ...(friendDelayMs ? { friendDelayMs } : {}),
    lang: form.lang,
  }
  // The checks above are the schema's, field by field; a drift between them is a bug, said loudly.
  return { ok: true, body: CreateStudyBodySchema.parse(body) }
}
