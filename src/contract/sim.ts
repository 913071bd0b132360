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

/** Request headers through which every call says who and when it is. */
export const SIM_HEADERS = {
  persona: 'x-sim-persona',
  era: 'x-sim-era',
  appVersion: 'x-sim-app-version',
} as const

export const SimContextSchema = z.object({
  persona: PersonaIdSchema.default('shopper'),
  era: EraSchema.default('beta'),
  appVersion: AppVersionSchema.optional(),
})
export type SimContext = z.infer<typeof SimContextSchema>

export const IDEMPOTENCY_HEADER = 'idempotency-key'
export const IdempotencyKeySchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/)
