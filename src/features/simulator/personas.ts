import type { Era, PersonaId } from '@/contract/sim.ts'

/** The personas of BRIEF §6, in the panel's order. A record, so a persona added to the contract fails here. */
const PERSONA_APP_VERSION: Record<PersonaId, string> = {
  shopper: '10.40.0',
  not_invited: '10.40.0',
  old_app: '10.10.0',
  low_balance: '10.40.0',
  friend: '10.40.0',
  slow_network: '10.40.0',
  flaky_gateway: '10.40.0',
}

export const PERSONA_IDS = Object.keys(PERSONA_APP_VERSION) as PersonaId[]

/**
 * The app version a persona runs when the simulator doesn't name one. The server decides (its persona
 * profiles); this copy is only what the panel shows next to "use the persona's default".
 */
export function defaultAppVersion(persona: PersonaId): string {
  return PERSONA_APP_VERSION[persona]
}

export const ERAS: readonly Era[] = ['beta', 'launch']

/** The version below which WeChat Pay (era launch) asks to update (BRIEF §2, §6). */
export const WECHAT_MIN_APP_VERSION = '10.38.0'
