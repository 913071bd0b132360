// A study's owner key (docs/studies.md, "The owner key"): made with the study, shown once, kept only as
// its SHA-256. The owner's routes take it as `?key=` or `x-study-key`, compared in constant time; a
// caller on loopback (as the console's) may leave it out.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import type { ApiError } from '../../contract/errors.ts'
import type { AppDeps } from '../http/env.ts'
import { isLocalHostName, isLoopbackAddress } from '../http/test-guard.ts'
import { randomBytes } from '../store/ids.ts'
import type { StudyState } from '../domain/study/model.ts'

export const STUDY_KEY_HEADER = 'x-study-key'
export const STUDY_KEY_QUERY = 'key'

/** A fresh owner key: 256 random bits. */
export function newOwnerKey(): string {
  return randomBytes(32).toString('base64url')
}

export function hashOwnerKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url')
}

function fromLoopback(deps: Pick<AppDeps, 'remoteAddress'>, c: Context): boolean {
  let hostname: string
  try {
    hostname = new URL(c.req.url).hostname
  } catch {
    return false
  }
  return isLocalHostName(hostname) && isLoopbackAddress(deps.remoteAddress(c))
}

/** Null when the caller may act as the study's owner; else STUDY_KEY_REQUIRED. */
export function ownerRefusal(
  deps: Pick<AppDeps, 'remoteAddress'>,
  c: Context,
  state: StudyState,
): ApiError | null {
  if (fromLoopback(deps, c)) return null
  const given = c.req.header(STUDY_KEY_HEADER) ?? c.req.query(STUDY_KEY_QUERY)
  if (given !== undefined && given.length <= 200) {
    const expected = Buffer.from(state.config.ownerKeyHash, 'base64url')
    const actual = Buffer.from(hashOwnerKey(given), 'base64url')
    if (expected.length === actual.length && timingSafeEqual(expected, actual)) return null
  }
  return {
    code: 'STUDY_KEY_REQUIRED',
    message: `this is the study owner's: send the owner key (header ${STUDY_KEY_HEADER} or ?${STUDY_KEY_QUERY}=) from the link made with the study`,
  }
}
