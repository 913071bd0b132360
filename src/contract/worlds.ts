import { z } from 'zod'

export { DEFAULT_WORLD, WORLD_HEADER, WORLD_ID_PATTERN, WORLD_QUERY } from './headers.ts'

/** `POST /api/__test/worlds`: a time to live without calls (default 24 h, GATEWAY_WORLD_TTL). */
export const CreateWorldBodySchema = z.strictObject({
  ttlMs: z
    .number()
    .int()
    .min(1000)
    .max(30 * 24 * 60 * 60 * 1000)
    .optional(),
})
export type CreateWorldBody = z.infer<typeof CreateWorldBodySchema>

export const CreatedWorldSchema = z.object({
  world: z.string(),
  /** When it is dropped if nobody calls it (each call moves this on by the TTL). */
  expiresAt: z.iso.datetime(),
})
export type CreatedWorld = z.infer<typeof CreatedWorldSchema>

export const WorldInfoSchema = z.object({
  world: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  events: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
  payments: z.number().int().nonnegative(),
})
export const WorldListSchema = z.object({
  worlds: z.array(WorldInfoSchema),
  limits: z.object({
    maxWorlds: z.number().int(),
    maxEventsPerWorld: z.number().int(),
    maxEvents: z.number().int(),
  }),
  events: z.number().int().nonnegative(),
})
export type WorldList = z.infer<typeof WorldListSchema>
