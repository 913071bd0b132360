// The schemas of the studies' routes (`/api/lab/studies/…`, docs/studies.md), spread into ROUTE_SCHEMAS
// under the names of routes.ts.
import { z } from 'zod'
import type { ErrorCode } from './errors.ts'
import type { RouteSchema } from './route-schema.ts'
import type { RouteName } from './routes.ts'
import {
  CreateStudyBodySchema,
  CreatedStudySchema,
  JoinStudyBodySchema,
  ParticipantSchema,
  QuitStudyBodySchema,
  StudyEventSchema,
  StudyEventsAcceptedSchema,
  StudyEventsBodySchema,
  StudyPublicSchema,
  StudyResultsSchema,
  StudyScreenQuerySchema,
  STUDY_SCREEN_MAX_BYTES,
} from './study.ts'

const study: readonly ErrorCode[] = ['PARAM_ERROR', 'STUDY_NOT_FOUND']
const owner: readonly ErrorCode[] = [...study, 'STUDY_KEY_REQUIRED']
const participant: readonly ErrorCode[] = [...study, 'PARTICIPANT_NOT_FOUND']
const writes: readonly ErrorCode[] = ['STORAGE_UNAVAILABLE']

export const STUDY_ROUTE_SCHEMAS = {
  createStudy: {
    summary: 'Make a study: the routes to compare, the design, the tasks, SEQ / SUS, the target',
    tag: 'lab',
    body: CreateStudyBodySchema,
    answer: { status: 201, schema: CreatedStudySchema },
    errors: ['PARAM_ERROR', 'TOO_MANY_STUDIES', ...writes],
  },
  getStudy: {
    summary: 'What a participant may read of a study before joining (no results)',
    tag: 'lab',
    answer: { status: 200, schema: StudyPublicSchema },
    errors: study,
  },
  deleteStudy: {
    summary: "Delete a study with all its participants' data (the owner's key)",
    tag: 'lab',
    answer: { status: 200, schema: z.object({ ok: z.literal(true) }) },
    errors: [...owner, ...writes],
  },
  studyResults: {
    summary:
      'Per route n, completion, time on task, taps, misclicks, SEQ, SUS, steps; the comparison',
    tag: 'lab',
    answer: { status: 200, schema: StudyResultsSchema },
    errors: owner,
  },
  studyParticipantsCsv: {
    summary: 'One row per participant and task (the owner’s key)',
    tag: 'lab',
    answer: { status: 200, schema: z.string(), contentType: 'text/csv' },
    errors: owner,
  },
  studyEventsNdjson: {
    summary: 'Every event every participant sent, one JSON object a line (the owner’s key)',
    tag: 'lab',
    answer: { status: 200, schema: StudyEventSchema, contentType: 'application/x-ndjson' },
    errors: owner,
  },
  studyReport: {
    summary: 'The results as a one-page report with its charts, to paste into a design review',
    tag: 'lab',
    answer: { status: 200, schema: z.string(), contentType: 'text/html' },
    errors: owner,
  },
  studyScreenImage: {
    summary: 'A screen as a participant’s phone captured it, for the heatmaps (the owner’s key)',
    tag: 'lab',
    answer: { status: 200, schema: z.string(), contentType: 'image/png' },
    errors: [...owner, 'NOT_FOUND'],
  },
  joinStudy: {
    summary:
      'Join: a participant, a fresh world per task, the route(s) assigned in balanced blocks',
    tag: 'lab',
    body: JoinStudyBodySchema,
    answer: { status: 201, schema: ParticipantSchema },
    errors: [...study, 'STUDY_CLOSED', 'TOO_MANY_WORLDS', ...writes],
  },
  getParticipant: {
    summary: 'A participant’s tasks and where they are (a reload picks up from here)',
    tag: 'lab',
    answer: { status: 200, schema: ParticipantSchema },
    errors: participant,
  },
  deleteParticipant: {
    summary: "Delete one participant's data (the owner's key)",
    tag: 'lab',
    answer: { status: 200, schema: z.object({ ok: z.literal(true) }) },
    errors: [...participant, 'STUDY_KEY_REQUIRED', ...writes],
  },
  sendStudyEvents: {
    summary:
      'What the participant did: screens, taps (with position and hit), keys, switches, waits, errors',
    tag: 'lab',
    body: StudyEventsBodySchema,
    answer: { status: 200, schema: StudyEventsAcceptedSchema },
    errors: [...participant, ...writes],
  },
  quitStudy: {
    summary: 'The participant quits: the task under way is an abandon at the screen they were on',
    tag: 'lab',
    body: QuitStudyBodySchema,
    answer: { status: 200, schema: ParticipantSchema },
    errors: [...participant, ...writes],
  },
  sendStudyScreen: {
    summary: `A PNG or JPEG of a screen for the heatmaps, at most ${STUDY_SCREEN_MAX_BYTES} bytes; the first per screen is kept`,
    tag: 'lab',
    query: StudyScreenQuerySchema,
    upload: ['image/png', 'image/jpeg'],
    answer: { status: 201, schema: z.object({ imageId: z.string(), kept: z.boolean() }) },
    errors: [...participant, 'UNSUPPORTED_MEDIA_TYPE', ...writes],
  },
} as const satisfies Partial<Record<RouteName, RouteSchema>>
