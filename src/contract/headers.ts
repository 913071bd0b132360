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
/**
 * On every answer of a world's routes: the world's clock (its test clock) when it answered, ISO. A phone
 * learns the time from any answer, so a countdown is right from the first screen after a reload.
 */
export const SIM_NOW_HEADER = 'x-sim-now'

/**
 * The test API's token (`GATEWAY_TEST_TOKEN`, or one made at start): what a test-API call from beyond
 * loopback must carry, as this header or as `?token=`. A phone on the LAN gets it from the start URL.
 */
export const TEST_TOKEN_HEADER = 'x-sim-test-token'
export const TEST_TOKEN_QUERY = 'token'
/** A test token's shape: 22 to 256 URL-safe characters (22 base64url characters carry 128 bits). */
export const TEST_TOKEN_PATTERN = /^[A-Za-z0-9._~-]{22,256}$/

/**
 * The simulated world a call belongs to (docs/worlds.md): this header, or `?world=` where a header can't
 * be set (event streams, shared links, the simulated WeChat's pages). None: the `default` world. A token
 * (pay code, sheet, pay-for-me link) of another world names it itself: `<world>.<token>`.
 */
export const WORLD_HEADER = 'x-sim-world'
export const WORLD_QUERY = 'world'
export const DEFAULT_WORLD = 'default'
/** A created world's id: `w` and 22 base64url characters (128 random bits). */
export const WORLD_ID_PATTERN = /^w[A-Za-z0-9_-]{22}$/
