// The studies' routes, /api/lab/studies/… (docs/studies.md, API.md "Studies"), validated by the route
// table. Studies live in no world: each participant's task gets a fresh one of its own.
import type { Context } from 'hono'
import type { ApiError } from '../../contract/errors.ts'
import { labStudyPath, studyPath } from '../../contract/paths.ts'
import { STUDY_SCREEN_MAX_BYTES } from '../../contract/study.ts'
import type { Participant, StudyRoute } from '../../contract/study.ts'
import {
  decideDeleteParticipant,
  decideEvents,
  decideJoin,
  decideQuit,
  decideScreen,
  planJoin,
} from '../domain/study/decide.ts'
import type { ParticipantState, StudyState } from '../domain/study/model.ts'
import { publicStudy, studyResults } from '../domain/study/results.ts'
import { sniffImage } from '../chat/image-sniff.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { describe, fail } from '../http/respond.ts'
import { IDEMPOTENCY_HEADER, IdempotencyKeySchema } from '../../contract/sim.ts'
import type { RouteHandlers } from '../http/route-table.ts'
import { randomBytes } from '../store/ids.ts'
import { eventsNdjson, participantsCsv } from './exports.ts'
import { ScriptedFriend } from './friend.ts'
import { hashOwnerKey, newOwnerKey, ownerRefusal } from './owner.ts'
import { paidAt } from './world-check.ts'

type StudyRouteName =
  | 'createStudy'
  | 'getStudy'
  | 'deleteStudy'
  | 'studyResults'
  | 'studyParticipantsCsv'
  | 'studyEventsNdjson'
  | 'studyReport'
  | 'studyScreenImage'
  | 'joinStudy'
  | 'getParticipant'
  | 'deleteParticipant'
  | 'sendStudyEvents'
  | 'quitStudy'
  | 'sendStudyScreen'

/** The study routes' upload (a screenshot): its path, for the body limit of http/app.ts. */
export const STUDY_SCREEN_PATH = /^\/api\/lab\/studies\/[^/]+\/participants\/[^/]+\/screens$/

const STUDY_ID = /^s[A-Za-z0-9_-]{16}$/
const newStudyId = () => `s${randomBytes(12).toString('base64url')}`
const newParticipantId = () => `p${randomBytes(12).toString('base64url')}`
const newImageId = () => randomBytes(16).toString('base64url')

const studyNotFound: ApiError = {
  code: 'STUDY_NOT_FOUND',
  message: 'no such study (it was never made, or was deleted)',
}
const participantNotFound: ApiError = {
  code: 'PARTICIPANT_NOT_FOUND',
  message: 'this study has no such participant (or their data was deleted)',
}

/** What a participant's phone reads of them: their tasks with their texts and worlds. */
export function participantView(state: StudyState, p: ParticipantState): Participant {
  const tasks = p.tasks.map((t) => ({
    route: t.route,
    world: t.world,
    text: state.config.tasks[t.route] ?? '',
    status: t.status,
    startedAt: t.startedAt,
    endedAt: t.endedAt,
    seq: t.seq,
  }))
  const first = tasks[0]
  return {
    participantId: p.id,
    world: first?.world ?? '',
    route: first?.route ?? state.config.routes[0] ?? 'jump',
    tasks,
    status: p.status,
    sus: p.sus ? [...p.sus] : null,
  }
}

const unsupported = (message: string): ApiError => ({ code: 'UNSUPPORTED_MEDIA_TYPE', message })

/** A screenshot upload: within the cap, a PNG or JPEG by its first bytes, as its Content-Type says. */
async function readScreen(c: Context<AppEnv>) {
  const declared = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (declared !== 'image/png' && declared !== 'image/jpeg') {
    return unsupported(
      `send the screenshot as image/png or image/jpeg, not ${declared.slice(0, 60) || 'nothing'}`,
    )
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  if (bytes.length > STUDY_SCREEN_MAX_BYTES) {
    return {
      code: 'PAYLOAD_TOO_LARGE' as const,
      message: `a screenshot is at most ${STUDY_SCREEN_MAX_BYTES} bytes; this one is ${bytes.length}`,
    }
  }
  if (bytes.length === 0) return unsupported('the body is empty: send the screenshot itself')
  const image = sniffImage(bytes)
  if (!image) return unsupported('this is not a PNG or a JPEG (by its first bytes)')
  if (image.type !== declared) {
    return unsupported(`the body is ${image.type}, but Content-Type says ${declared}`)
  }
  return { ...image, bytes }
}

export function studyHandlers(deps: AppDeps): RouteHandlers<StudyRouteName> {
  const { studies, worlds } = deps
  const friend = new ScriptedFriend(studies, worlds, deps.ids, deps.studyTiming, deps.log)
  friend.resume()

  const studyOf = (id: string): StudyState | undefined =>
    STUDY_ID.test(id) ? studies.get(id) : undefined
  /** The study, if the caller may act as its owner; else the refusal, answered. */
  const owned = (c: Context<AppEnv>, id: string): StudyState | Response => {
    const state = studyOf(id)
    if (!state) return fail(c, studyNotFound)
    const refused = ownerRefusal(deps, c, state)
    return refused ? fail(c, refused) : state
  }
  const participantOf = (
    c: Context<AppEnv>,
    id: string,
    participantId: string,
  ): { state: StudyState; p: ParticipantState } | Response => {
    const state = studyOf(id)
    if (!state) return fail(c, studyNotFound)
    const p = state.participants.get(participantId)
    return p ? { state, p } : fail(c, participantNotFound)
  }
  const answerParticipant = (
    c: Context<AppEnv>,
    id: string,
    participantId: string,
    status: 200 | 201 = 200,
  ) => {
    const state = studies.get(id)
    const p = state?.participants.get(participantId)
    return state && p ? c.json(participantView(state, p), status) : fail(c, participantNotFound)
  }

  return {
    createStudy: (c, { body }) => {
      const ownerKey = newOwnerKey()
      let id = newStudyId()
      while (studies.get(id)) id = newStudyId()
      const made = studies.create(id, hashOwnerKey(ownerKey), body)
      if (!made.ok) return fail(c, made.error)
      const origin = deps.publicOrigin(c.req.url)
      return c.json(
        {
          id,
          joinUrl: `${origin}${studyPath(id, made.value.config.lang)}`,
          ownerUrl: `${origin}${labStudyPath(id, ownerKey)}`,
          ownerKey,
        },
        201,
      )
    },
    getStudy: (c, { params }) => {
      const state = studyOf(params.studyId)
      return state ? c.json(publicStudy(state)) : fail(c, studyNotFound)
    },
    deleteStudy: (c, { params }) => {
      const state = owned(c, params.studyId)
      if (state instanceof Response) return state
      const done = studies.deleteStudy(params.studyId)
      return done.ok ? c.json({ ok: true as const }) : fail(c, done.error)
    },
    studyResults: (c, { params }) => {
      const state = owned(c, params.studyId)
      if (state instanceof Response) return state
      return c.json(studies.results(state.config.id) ?? studyResults(state))
    },
    studyParticipantsCsv: (c, { params }) => {
      const state = owned(c, params.studyId)
      if (state instanceof Response) return state
      return c.body(participantsCsv(state), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="study-${state.config.id}-participants.csv"`,
      })
    },
    studyEventsNdjson: (c, { params }) => {
      const state = owned(c, params.studyId)
      if (state instanceof Response) return state
      return c.body(eventsNdjson(state), 200, {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="study-${state.config.id}-events.ndjson"`,
      })
    },
    studyReport: async (c, { params }) => {
      const state = owned(c, params.studyId)
      if (state instanceof Response) return state
      // Loaded on the first report: the server starts without it.
      const { studyReportHtml } = await import('./report/report.ts')
      const results = studies.results(state.config.id) ?? studyResults(state)
      const images = new Map<string, { contentType: string; bytes: Uint8Array }>()
      for (const map of results.heatmaps) {
        if (map.imageId === null) continue
        const image = studies.screen(state.config.id, map.imageId)
        if (image) images.set(map.imageId, image)
      }
      return c.html(studyReportHtml(results, images, state.config.lang))
    },
    studyScreenImage: (c, { params }) => {
      const state = owned(c, params.studyId)
      if (state instanceof Response) return state
      const image = /^[A-Za-z0-9_-]{22}$/.test(params.imageId)
        ? studies.screen(state.config.id, params.imageId)
        : null
      if (!image)
        return fail(c, { code: 'NOT_FOUND', message: 'this study has no such screenshot' })
      return c.body(new Uint8Array(image.bytes), 200, {
        'content-type': image.contentType,
        'content-length': String(image.bytes.length),
        'cache-control': 'private, max-age=86400, immutable',
        'x-content-type-options': 'nosniff',
      })
    },
    joinStudy: (c, { params }) => {
      const state = studyOf(params.studyId)
      if (!state) return fail(c, studyNotFound)
      const plan = planJoin(state)
      if (!plan.ok) return fail(c, plan.error)
      // A fresh world per task: one participant's purchases, wrong passwords and lockouts stay theirs.
      const made: string[] = []
      for (let i = 0; i < plan.value.routes.length; i++) {
        const world = worlds.create()
        if ('code' in world) {
          for (const id of made) worlds.delete(id)
          return fail(c, world)
        }
        made.push(world.id)
      }
      let participantId = newParticipantId()
      while (state.participants.has(participantId)) participantId = newParticipantId()
      const joined = studies.run(state.config.id, (s, now) =>
        decideJoin(s, { participantId, worlds: made }, now),
      )
      if (!joined.ok) {
        for (const id of made) worlds.delete(id)
        return fail(c, joined.error)
      }
      if (state.config.friend === 'scripted') {
        plan.value.routes.forEach((route, i) => {
          const world = made[i]
          if (route === 'friend' && world) friend.watch(state.config.id, participantId, world)
        })
      }
      return answerParticipant(c, state.config.id, participantId, 201)
    },
    getParticipant: (c, { params }) => {
      const found = participantOf(c, params.studyId, params.participantId)
      if (found instanceof Response) return found
      return c.json(participantView(found.state, found.p))
    },
    deleteParticipant: (c, { params }) => {
      const state = owned(c, params.studyId)
      if (state instanceof Response) return state
      const known = decideDeleteParticipant(state, params.participantId)
      if (!known.ok) return fail(c, known.error)
      const done = studies.deleteParticipant(state.config.id, params.participantId)
      return done.ok ? c.json({ ok: true as const }) : fail(c, done.error)
    },
    sendStudyEvents: (c, { params, body }) => {
      const found = participantOf(c, params.studyId, params.participantId)
      if (found instanceof Response) return found
      const { state, p } = found
      // A retry of a call the server already took (the same Idempotency-Key) adds nothing.
      const given = c.req.header(IDEMPOTENCY_HEADER)
      const key = given === undefined ? undefined : IdempotencyKeySchema.safeParse(given)
      if (key && !key.success) {
        return fail(c, {
          code: 'PARAM_ERROR',
          message: `${IDEMPOTENCY_HEADER} header: ${describe(key.error)}`,
        })
      }
      const paid: Partial<Record<StudyRoute, number>> = {}
      for (const e of body.events) {
        if (e.kind !== 'task' || e.phase !== 'done' || e.route in paid) continue
        const task = p.tasks.find((t) => t.route === e.route)
        const at = task ? paidAt(worlds.get(task.world), e.route) : undefined
        if (at !== undefined) paid[e.route] = at
      }
      const result = studies.run(state.config.id, (s, now) =>
        decideEvents(
          s,
          { participantId: p.id, events: body.events, paidAt: paid, key: key?.data },
          now,
        ),
      )
      if (!result.ok) return fail(c, result.error)
      const view = participantView(state, p)
      return c.json({ accepted: result.value.accepted, participant: view })
    },
    quitStudy: (c, { params, body }) => {
      const found = participantOf(c, params.studyId, params.participantId)
      if (found instanceof Response) return found
      const result = studies.run(found.state.config.id, (s, now) =>
        decideQuit(s, { participantId: found.p.id, screen: body?.screen ?? null }, now),
      )
      if (!result.ok) return fail(c, result.error)
      return c.json(participantView(found.state, found.p))
    },
    sendStudyScreen: async (c, { params, query }) => {
      const found = participantOf(c, params.studyId, params.participantId)
      if (found instanceof Response) return found
      const image = await readScreen(c)
      if ('code' in image) return fail(c, image)
      const { state, p } = found
      // The first per screen is kept: a later one is not even written.
      const known = state.screens.get(query.screen)
      if (known) return c.json({ imageId: known.imageId, kept: false }, 201)
      const imageId = newImageId()
      const cmd = {
        participantId: p.id,
        screen: query.screen,
        imageId,
        contentType: image.type,
        width: image.width,
        height: image.height,
      }
      const probe = decideScreen(state, cmd, 0)
      if (!probe.ok) return fail(c, probe.error)
      if (!probe.value.kept) return c.json(probe.value, 201)
      const written = studies.putScreen(state.config.id, imageId, image.type, image.bytes)
      if (written) return fail(c, written)
      const result = studies.run(state.config.id, (s, now) => decideScreen(s, cmd, now))
      return result.ok ? c.json(result.value, 201) : fail(c, result.error)
    },
  }
}
