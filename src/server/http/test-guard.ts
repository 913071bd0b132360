import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { TEST_TOKEN_HEADER, TEST_TOKEN_QUERY } from '../../contract/headers.ts'
import { TestTokenSchema } from '../../contract/test-api.ts'
import type { AppDeps, AppEnv, RemoteAddress } from './env.ts'
import { fail } from './respond.ts'

/**
 * The peer's address from @hono/node-server's bindings (`c.env.incoming`). Without them (the app called
 * with `app.request`, or mounted without passing the bindings) there is no address: null, which the test
 * API treats as beyond loopback, so a mount that forgets the bindings fails closed.
 */
export const socketAddress: RemoteAddress = (c) => {
  const env: unknown = c.env
  if (typeof env !== 'object' || env === null || !('incoming' in env || 'server' in env))
    return null
  try {
    return getConnInfo(c).remote.address ?? null
  } catch {
    return null
  }
}

/** 127.0.0.0/8, ::1, and 127.x mapped into IPv6 (`::ffff:127.0.0.1`). */
export function isLoopbackAddress(address: string | null): boolean {
  if (!address || isIP(address) === 0) return false
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address
  if (isIP(v4) === 4) return v4.startsWith('127.')
  return address === '::1' || address === '0:0:0:0:0:0:0:1'
}

/**
 * A `Host` a page from another site cannot be loaded under: `localhost` (and `*.localhost`) or an IP
 * address. A DNS-rebinding page reaches a loopback server under its own name, so a loopback call under
 * any other name (that, or a reverse proxy on this machine) counts as beyond loopback.
 */
export function isLocalHostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0
}

/** A fresh test token: 128 random bits, URL-safe (22 characters). */
export function newTestToken(): string {
  return randomBytes(16).toString('base64url')
}

let generated: string | undefined

/**
 * The test API's token: `GATEWAY_TEST_TOKEN` when set (22 to 256 URL-safe characters, else the start
 * stops), otherwise 128 random bits made once per process. `npm start` prints it.
 */
export function processTestToken(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.GATEWAY_TEST_TOKEN
  if (configured !== undefined && configured !== '') {
    const parsed = TestTokenSchema.safeParse(configured)
    if (!parsed.success) {
      throw new Error(`GATEWAY_TEST_TOKEN: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
    }
    return parsed.data
  }
  generated ??= newTestToken()
  return generated
}

const digest = (value: string) => createHash('sha256').update(value).digest()

/** Equal tokens, compared in constant time (their digests, so the length leaks nothing either). */
function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

/** The scheme and host the request was made to (`http://127.0.0.1:4173`), and the host's name. */
function target(url: string): { origin: string; hostname: string } | null {
  try {
    const { origin, hostname } = new URL(url)
    return { origin, hostname }
  } catch {
    return null
  }
}

/**
 * Whether the caller is one the test API trusts: from loopback (a peer in 127.0.0.0/8 or ::1 and a
 * `Host` of localhost or an IP address), or with the test token (`x-sim-test-token` or `?token=`). The
 * console shows such a caller the decrypted payloads and the calls' Authorization headers too.
 */
export function trustedCaller(
  deps: Pick<AppDeps, 'testToken' | 'remoteAddress'>,
  c: Context,
): boolean {
  const to = target(c.req.url)
  if (to !== null && isLocalHostName(to.hostname) && isLoopbackAddress(deps.remoteAddress(c))) {
    return true
  }
  const given = c.req.header(TEST_TOKEN_HEADER) ?? c.req.query(TEST_TOKEN_QUERY)
  const parsed = TestTokenSchema.safeParse(given)
  return parsed.success && sameToken(parsed.data, deps.testToken)
}

/**
 * Guards /api/__test (after the on/off switch):
 * 1. A state-changing call (any method but GET and HEAD) whose `Origin` is another origin than the
 *    request's own scheme and host (`null` included), or whose `Sec-Fetch-Site` is `cross-site`: 403
 *    `CROSS_SITE_FORBIDDEN`. No `Origin` at all (curl, scripts, Playwright's `request`) is fine.
 * 2. A call from beyond loopback (a peer outside 127.0.0.0/8 and ::1, or a `Host` other than localhost
 *    or an IP address): the token, as `x-sim-test-token` or `?token=`, else 401 `TEST_TOKEN_REQUIRED`.
 */
export function testApiGuard(deps: Pick<AppDeps, 'testToken' | 'remoteAddress'>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const method = c.req.method
    const to = target(c.req.url)
    if (method !== 'GET' && method !== 'HEAD') {
      const origin = c.req.header('origin')
      if (origin !== undefined && origin !== to?.origin) {
        return fail(c, {
          code: 'CROSS_SITE_FORBIDDEN',
          message: `the test API changes nothing for a page of another origin (Origin: ${origin.slice(0, 100)})`,
        })
      }
      if (c.req.header('sec-fetch-site')?.toLowerCase() === 'cross-site') {
        return fail(c, {
          code: 'CROSS_SITE_FORBIDDEN',
          message:
            'the test API changes nothing for a cross-site request (Sec-Fetch-Site: cross-site)',
        })
      }
    }
    if (!trustedCaller(deps, c)) {
      return fail(c, {
        code: 'TEST_TOKEN_REQUIRED',
        message: `a test-API call from beyond loopback needs the token the server printed at start (header ${TEST_TOKEN_HEADER} or ?${TEST_TOKEN_QUERY}=)`,
      })
    }
    await next()
  })
}
