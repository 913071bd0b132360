import { DEFAULT_WORLD, WORLD_ID_PATTERN } from '../../contract/headers.ts'
import { randomBytes } from '../store/ids.ts'

/** A fresh world id: `w` and 128 random bits; knowing it is what lets a caller in. */
export function newWorldId(): string {
  return `w${randomBytes(16).toString('base64url')}`
}

export function isWorldId(id: string): boolean {
  return id === DEFAULT_WORLD || WORLD_ID_PATTERN.test(id)
}

/**
 * A token (pay code, pay sheet, pay-for-me link) that names its world itself, so a phone that scans or
 * opens it lands in that world with nothing else to go on: `<world>.<token>`; the default world's
 * tokens stay as they were. No world id or token holds a `.`.
 */
export function worldToken(world: string, token: string): string {
  return world === DEFAULT_WORLD ? token : `${world}.${token}`
}

/** The world a token names (`default` when it names none). */
export function worldOfToken(token: string): string {
  const dot = token.indexOf('.')
  return dot < 0 ? DEFAULT_WORLD : token.slice(0, dot)
}
