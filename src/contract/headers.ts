/**
 * The contract's request header names, without zod: the browser's first chunk reads them (every call
 * carries them) and must not pull the schemas in with them.
 */

/** Request headers through which every call says who and when it is. */
export const SIM_HEADERS = {
  persona: 'x-sim-persona',
  era: 'x-sim-era',
  appVersion: 'x-sim-app-version',
} as const

export const IDEMPOTENCY_HEADER = 'idempotency-key'
