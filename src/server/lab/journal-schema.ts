// What one line of a study's journal (`studies/<id>/journal.ndjson`) may hold: one command's events. A
// line that does not parse is damage (a torn write at a crash, an edit by hand): it is dropped, logged.
import { z } from 'zod'
import { StudyDesignSchema, StudyEventSchema, StudyRouteSchema } from '../../contract/study.ts'
import type { StudyJournalEvent } from '../domain/study/model.ts'

const ms = z.number()
const id = z.string().min(1).max(100)

const StudyConfigSchema = z.object({
  id,
  name: z.string().nullable(),
  routes: z.array(StudyRouteSchema).min(1),
  design: StudyDesignSchema,
  tasks: z.partialRecord(StudyRouteSchema, z.string()),
  seq: z.boolean(),
  sus: z.boolean(),
  target: z.number().int().min(1),
  friend: z.enum(['scripted', 'participant']),
  friendDelayMs: z.object({ min: z.number().min(0), max: z.number().min(0) }),
  lang: z.enum(['zh-CN', 'en']),
  createdAt: ms,
  ownerKeyHash: z.string(),
})

const JournalEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('study.created'), study: StudyConfigSchema }),
  z.object({
    type: z.literal('participant.joined'),
    participantId: id,
    at: ms,
    slot: z.number().int().min(0),
    tasks: z.array(z.object({ route: StudyRouteSchema, world: z.string() })),
  }),
  z.object({
    type: z.literal('participant.events'),
    participantId: id,
    events: z.array(StudyEventSchema),
    key: z.string().optional(),
    accepted: z.number().int().min(0).optional(),
  }),
  z.object({ type: z.literal('task.started'), participantId: id, route: StudyRouteSchema, at: ms }),
  z.object({
    type: z.literal('task.completed'),
    participantId: id,
    route: StudyRouteSchema,
    at: ms,
  }),
  z.object({
    type: z.literal('task.abandoned'),
    participantId: id,
    route: StudyRouteSchema,
    at: ms,
    screen: z.string().nullable(),
  }),
  z.object({
    type: z.literal('task.seq'),
    participantId: id,
    route: StudyRouteSchema,
    value: z.number().int().min(1).max(7),
  }),
  z.object({
    type: z.literal('participant.sus'),
    participantId: id,
    answers: z.array(z.number().int().min(1).max(5)).length(10),
  }),
  z.object({
    type: z.literal('participant.quit'),
    participantId: id,
    at: ms,
    screen: z.string().nullable(),
  }),
  z.object({ type: z.literal('participant.deleted'), participantId: id }),
  z.object({
    type: z.literal('screen.captured'),
    screen: z.string(),
    imageId: id,
    contentType: z.enum(['image/png', 'image/jpeg']),
    width: z.number(),
    height: z.number(),
    at: ms,
  }),
])

/** One line: `{ "events": [...] }`, the events of one command. */
export const JournalLineSchema = z.object({ events: z.array(JournalEventSchema).min(1) })

/** The line's events, or null when it is damaged. */
export function parseJournalLine(line: string): StudyJournalEvent[] | null {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return null
  }
  const parsed = JournalLineSchema.safeParse(json)
  // The schema's shapes are StudyJournalEvent's (a test folds what it parses).
  return parsed.success ? (parsed.data.events as StudyJournalEvent[]) : null
}

export function journalLine(events: readonly StudyJournalEvent[]): string {
  return `${JSON.stringify({ events })}\n`
}
