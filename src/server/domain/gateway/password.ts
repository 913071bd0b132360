import type { PersonaId } from '../../../contract/sim.ts'
import type { DomainEvent } from '../events.ts'
import type { PasswordStatus } from '../../../contract/payment.ts'
import { accept, HOUR_MS, iso, refuse } from '../result.ts'
import type { Decision } from '../result.ts'
import type { Account, PasswordGuard } from '../state.ts'
import type { PasswordRealm } from './channels.ts'

export const MAX_PASSWORD_TRIES = 5
export const LOCK_MS = 3 * HOUR_MS

/** A lock that has run out counts as no lock and no failed tries. */
export function effectiveGuard(guard: PasswordGuard, now: number): PasswordGuard {
  if (guard.lockedUntilMs !== null && guard.lockedUntilMs <= now)
    return { failedTries: 0, lockedUntilMs: null }
  return guard
}

export function isLocked(guard: PasswordGuard, now: number): boolean {
  return effectiveGuard(guard, now).lockedUntilMs !== null
}

/**
 * Checks the password pad. `null` means the password is right; otherwise the refusal, with the event
 * that counts the wrong try (the fifth in a row locks the realm for three hours).
 */
export function checkPassword(
  account: Account,
  persona: PersonaId,
  realm: PasswordRealm,
  password: string,
  now: number,
): Decision<never> | null {
  const guard = effectiveGuard(account.guards[realm], now)
  if (guard.lockedUntilMs !== null) {
    return refuse('ACCOUNT_LOCKED', 'too many wrong passwords; payments are locked', {
      lockedUntil: iso(guard.lockedUntilMs),
    })
  }
  if (password === account.password) return null
  const failedTries = guard.failedTries + 1
  if (failedTries >= MAX_PASSWORD_TRIES) {
    const lockedUntilMs = now + LOCK_MS
    const event: DomainEvent = {
      type: 'password.failed',
      persona,
      realm,
      failedTries,
      lockedUntilMs,
    }
    return refuse(
      'ACCOUNT_LOCKED',
      'too many wrong passwords; payments are locked',
      { lockedUntil: iso(lockedUntilMs) },
      [event],
    )
  }
  const event: DomainEvent = {
    type: 'password.failed',
    persona,
    realm,
    failedTries,
    lockedUntilMs: null,
  }
  return refuse(
    'PASSWORD_ERROR',
    'wrong payment password',
    { triesLeft: MAX_PASSWORD_TRIES - failedTries },
    [event],
  )
}

/** What a realm's pad can take now: locked until when, or how many tries are left. */
export function passwordStatus(
  guard: PasswordGuard,
  realm: PasswordRealm,
  now: number,
): PasswordStatus {
  const { failedTries, lockedUntilMs } = effectiveGuard(guard, now)
  return {
    realm,
    locked: lockedUntilMs !== null,
    lockedUntil: lockedUntilMs === null ? null : iso(lockedUntilMs),
    triesLeft: lockedUntilMs === null ? MAX_PASSWORD_TRIES - failedTries : 0,
  }
}

/**
 * 忘记密码？ → the simulated reset: a real wallet would verify who you are (SMS code, face) and have you set
 * a new password; here the confirmation is enough. The realm unlocks and every try comes back; the password
 * stays the seeded one. A realm with nothing to reset is answered as it is, with no event.
 */
export function resetPassword(
  account: Account,
  persona: PersonaId,
  realm: PasswordRealm,
  now: number,
): Decision<PasswordStatus> {
  const cleared: PasswordGuard = { failedTries: 0, lockedUntilMs: null }
  const guard = effectiveGuard(account.guards[realm], now)
  if (guard.failedTries === 0 && guard.lockedUntilMs === null)
    return accept(passwordStatus(cleared, realm, now))
  const event: DomainEvent = { type: 'password.reset', persona, realm, at: iso(now) }
  return accept(passwordStatus(cleared, realm, now), [event])
}
