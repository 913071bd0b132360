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
 * The test API's token (`GATEWAY_TEST_TOKEN`, or one made at start): what a test-API call from beyond
 * loopback must carry, as this header or as `?token=`. A phone on the LAN gets it from the start URL.
 */
export const TEST_TOKEN_HEADER = 'x-sim-test-token'
export const TEST_TOKEN_QUERY = 'token'
/** A test token's shape: 22 to 256 URL-safe characters (22 base64url characters carry 128 bits). */
export const TEST_TOKEN_PATTERN = /^[A-Za-z0-9._~-]{22,256}$/
