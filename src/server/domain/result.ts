import type { ApiError, ErrorCode } from '../../contract/errors.ts'
import type { DomainEvent } from './events.ts'

/** A refusal, answered to the client as `{ code, message, ... }`. */
export type DomainError = ApiError

/**
 * What a command decides. A refusal may still carry events (a wrong password counts a try),
 * so `events` is on both sides.
 */
export type Decision<T> =
  | { ok: true; events: DomainEvent[]; value: T }
  | { ok: false; events: DomainEvent[]; error: DomainError }

export function accept<T>(value: T, events: DomainEvent[] = []): Decision<T> {
  return { ok: true, events, value }
}

export function refuse<T = never>(
  code: ErrorCode,
  message: string,
  extra: Omit<DomainError, 'code' | 'message'> = {},
  events: DomainEvent[] = [],
): Decision<T> {
  return { ok: false, events, error: { code, message, ...extra } }
}

let lastMs = NaN
let lastIso = ''

/** ISO time of `ms` (a command stamps several things with the same `now`: the last one is remembered). */
export function iso(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString()
    lastMs = ms
  }
  return lastIso
}

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
