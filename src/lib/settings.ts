import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { readSim, worldOfLocation } from '@/contract/paths.ts'
import type { Era, PersonaId } from '@/contract/sim.ts'
import { DEFAULT_WORLD, TEST_TOKEN_PATTERN, WORLD_ID_PATTERN } from '@/contract/headers.ts'
import { deviceKey } from './device.ts'

export const LANGS = ['zh-CN', 'en'] as const
export type Lang = (typeof LANGS)[number]

export interface Settings {
  persona: PersonaId
  era: Era
  /** null: follow the browser's language. */
  lang: Lang | null
  /** null: the persona's own app version (the server knows it). */
  appVersion: string | null
  /** What the scan-code QR encodes: `ORIGIN/wechat/pay?pr=` (a phone's camera opens it) or WeChat's own form. */
  qrPayload: QrPayload
  /** WeChat's long-press 识别图中二维码 on a pay code: refused as in real WeChat, or allowed. */
  longPress: LongPressPolicy
  /**
   * The test API's token from the start URL (`?token=`), sent as `x-sim-test-token` on every test-API
   * call (a phone on the LAN needs it); null: none given to this phone.
   */
  testToken: string | null
  /** The simulated world this phone is in (`?world=`, or the world of a link it opened); null: default. */
  world: string | null
}

export const QR_PAYLOADS = ['web', 'weixin'] as const
export type QrPayload = (typeof QR_PAYLOADS)[number]
export const LONG_PRESS_POLICIES = ['refuse', 'allow'] as const
export type LongPressPolicy = (typeof LONG_PRESS_POLICIES)[number]

interface SettingsStore extends Settings {
  update: (patch: Partial<Settings>) => void
}

const DEFAULTS: Settings = {
  persona: 'shopper',
  era: 'beta',
  lang: null,
  appVersion: null,
  qrPayload: 'web',
  longPress: 'refuse',
  testToken: null,
  world: null,
}

/** The simulator's settings for this phone, kept across reloads under `tbsim:<device>:settings`. */
export const useSettings = create<SettingsStore>()(
  persist(
    (set) => ({
      ...DEFAULTS,
      update: (patch) => set(patch),
    }),
    {
      name: deviceKey('settings'),
      version: 2,
      migrate: migrateSettings,
      // What is kept: exactly the settings (DEFAULTS names them), never the store's functions.
      partialize: (store): Settings => pickSettings(store),
    },
  ),
)

function pickSettings(store: Settings): Settings {
  const kept = { ...DEFAULTS }
  for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
    ;(kept as Record<keyof Settings, unknown>)[key] = store[key]
  }
  return kept
}

/**
 * An older version's persisted settings in this version's shape. v1 → v2: `qrPayload` and `longPress` are
 * new and take their defaults.
 */
export function migrateSettings(persisted: unknown): Settings {
  const old = typeof persisted === 'object' && persisted !== null ? persisted : {}
  return { ...DEFAULTS, ...(old as Partial<Settings>) }
}

/**
 * What the server's answers depend on (persona, era, app version): when it changes, the screen's data must
 * be asked for again. The shell remounts the routes under this key.
 */
export function serverContextKey(s: Settings): string {
  return `${s.persona}|${s.era}|${s.appVersion ?? ''}|${s.world ?? ''}`
}

/**
 * The contract's personas and eras, as records so the typecheck fails when the contract gains or loses one
 * (its zod enums would bring zod into the first chunk just to read a URL).
 */
const PERSONAS: Record<PersonaId, true> = {
  shopper: true,
  not_invited: true,
  old_app: true,
  low_balance: true,
  friend: true,
  slow_network: true,
  flaky_gateway: true,
}
const ERAS: Record<Era, true> = { beta: true, launch: true }

export function isPersona(value: string | null): value is PersonaId {
  return value !== null && Object.hasOwn(PERSONAS, value)
}

function isEra(value: string | null): value is Era {
  return value !== null && Object.hasOwn(ERAS, value)
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

export function browserLang(): Lang {
  const nav = typeof navigator === 'undefined' ? '' : navigator.language
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export function effectiveLang(lang: Lang | null): Lang {
  return lang ?? browserLang()
}

/**
 * Where this browser keeps the last test token it was given, for a phone that has none of its own (a new
 * `?device=`, a frame of /stage or /lab): the token is the server's, not the phone's.
 */
const SHARED_TEST_TOKEN_KEY = 'tbsim:test-token'

function rememberTestToken(token: string): void {
  try {
    localStorage.setItem(SHARED_TEST_TOKEN_KEY, token)
  } catch {
    // Storage refused (private mode): the phone's own settings still have it.
  }
}

/** The token the test-API calls carry: this phone's, else the last one this browser was given. */
export function testToken(): string | null {
  const own = useSettings.getState().testToken
  if (own) return own
  try {
    const shared = localStorage.getItem(SHARED_TEST_TOKEN_KEY)
    return shared && TEST_TOKEN_PATTERN.test(shared) ? shared : null
  } catch {
    return null
  }
}

/**
 * `?persona=`, `?era=`, `?lang=` (and `?token=`, the test API's token; `?world=`, or the world a link's
 * token names) set the simulator and stick; unknown values are ignored.
 */
/** A `?persona=`, `?era=` or `?lang=` value the simulator does not know: the setting is left as it was. */
export interface RejectedSetting {
  name: 'persona' | 'era' | 'lang'
  value: string
}

export function applySearchSettings(search: string, pathname = ''): RejectedSetting[] {
  const { persona = null, era = null, lang = null, token = null } = readSim(search)
  const rejected: RejectedSetting[] = []
  if (persona !== null && !isPersona(persona)) rejected.push({ name: 'persona', value: persona })
  if (era !== null && !isEra(era)) rejected.push({ name: 'era', value: era })
  if (lang !== null && !isLang(lang)) rejected.push({ name: 'lang', value: lang })
  const patch: Partial<Settings> = {}
  const world = worldOfLocation(pathname, search)
  if (world === DEFAULT_WORLD) patch.world = null
  else if (world !== null && WORLD_ID_PATTERN.test(world)) patch.world = world
  if (token !== null && TEST_TOKEN_PATTERN.test(token)) {
    patch.testToken = token
    rememberTestToken(token)
  }
  if (isPersona(persona)) patch.persona = persona
  if (isEra(era)) patch.era = era
  if (isLang(lang)) patch.lang = lang
  const current = useSettings.getState()
  const changed = (Object.keys(patch) as (keyof Settings)[]).some((k) => patch[k] !== current[k])
  if (changed) current.update(patch)
  return rejected
}
