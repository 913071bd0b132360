import { z } from 'zod'

/** The logged-in user of the simulator (BRIEF §6). */
export const PersonaIdSchema = z.enum([
  'shopper',
  'not_invited',
  'old_app',
  'low_balance',
  'friend',
  'slow_network',
  'flaky_gateway',
])
export type PersonaId = z.infer<typeof PersonaIdSchema>

/** beta: the March 2022 internal test; launch: September 2024. */
export const EraSchema = z.enum(['beta', 'launch'])
export type Era = z.infer<typeof EraSchema>

export const AppVersionSchema = z.string().regex(/^\d{1,3}\.\d{1,3}\.\d{1,3}$/)

// The header names live without zod, so the browser's first chunk can read them.
export { IDEMPOTENCY_HEADER, SIM_HEADERS } from './headers.ts'

export const SimContextSchema = z.object({
  persona: PersonaIdSchema.default('shopper'),
  era: EraSchema.default('beta'),
  appVersion: AppVersionSchema.optional(),
})
export type SimContext = z.infer<typeof SimContextSchema>

export const IdempotencyKeySchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/)
