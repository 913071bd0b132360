// How many worlds and events an instance holds, and how long an unused world lives (docs/worlds.md).

export interface WorldLimits {
  /** Worlds besides `default` (GATEWAY_MAX_WORLDS). */
  maxWorlds: number
  /** Events a created world may hold since its last reset (GATEWAY_WORLD_MAX_EVENTS). */
  maxEventsPerWorld: number
  /** Events all worlds together may hold, the default world's included (GATEWAY_MAX_EVENTS). */
  maxEvents: number
  /** A created world's time to live without calls, unless it asks for another (GATEWAY_WORLD_TTL). */
  defaultTtlMs: number
  /** The longest time to live a world may ask for. */
  maxTtlMs: number
}

export const DEFAULT_WORLD_LIMITS: WorldLimits = {
  maxWorlds: 1000,
  maxEventsPerWorld: 100_000,
  maxEvents: 1_500_000,
  defaultTtlMs: 24 * 60 * 60 * 1000,
  maxTtlMs: 30 * 24 * 60 * 60 * 1000,
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`${name}: a whole number above 0, not ${value}`)
  return n
}

export function worldLimitsFromEnv(env: NodeJS.ProcessEnv): WorldLimits {
  return {
    ...DEFAULT_WORLD_LIMITS,
    maxWorlds: positive(
      env.GATEWAY_MAX_WORLDS,
      DEFAULT_WORLD_LIMITS.maxWorlds,
      'GATEWAY_MAX_WORLDS',
    ),
    maxEventsPerWorld: positive(
      env.GATEWAY_WORLD_MAX_EVENTS,
      DEFAULT_WORLD_LIMITS.maxEventsPerWorld,
      'GATEWAY_WORLD_MAX_EVENTS',
    ),
    maxEvents: positive(
      env.GATEWAY_MAX_EVENTS,
      DEFAULT_WORLD_LIMITS.maxEvents,
      'GATEWAY_MAX_EVENTS',
    ),
    defaultTtlMs: positive(
      env.GATEWAY_WORLD_TTL,
      DEFAULT_WORLD_LIMITS.defaultTtlMs,
      'GATEWAY_WORLD_TTL',
    ),
  }
}
