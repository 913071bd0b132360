import { readSim } from '@/contract/paths.ts'

/**
 * The simulated phone this tab is. `?device=` names it; the name is remembered per tab (sessionStorage), so
 * two tabs (or two frames of /stage) can be two phones, each with its own storage.
 */
const DEVICE_SESSION_KEY = sessionKey()

/**
 * Frames of one tab share its sessionStorage: a named frame (/stage names each phone's iframe) keeps its
 * device under its own key, so reloading one phone does not turn it into the other.
 */
function sessionKey(): string {
  // No window: the server drawing the order page's first frame (src/app/render-order-frame.tsx).
  if (typeof window === 'undefined') return 'tbsim:device'
  let framed = false
  try {
    framed = window.self !== window.top
  } catch {
    framed = true
  }
  return framed && window.name ? `tbsim:device:${window.name}` : 'tbsim:device'
}
const DEVICE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/
export const DEFAULT_DEVICE = 'phone-1'

function readSession(): string | null {
  try {
    return sessionStorage.getItem(DEVICE_SESSION_KEY)
  } catch {
    return null
  }
}

function writeSession(value: string): void {
  try {
    sessionStorage.setItem(DEVICE_SESSION_KEY, value)
  } catch {
    // Storage refused (private mode): the device lasts as long as the page.
  }
}

/** The device a URL asks for, if it names a valid one. */
export function deviceFromSearch(search: string): string | null {
  const wanted = readSim(search).device
  return wanted && DEVICE_PATTERN.test(wanted) ? wanted : null
}

function resolveDevice(): string {
  if (typeof window === 'undefined') return DEFAULT_DEVICE
  const fromUrl = deviceFromSearch(window.location.search)
  if (fromUrl) {
    writeSession(fromUrl)
    return fromUrl
  }
  const saved = readSession()
  return saved && DEVICE_PATTERN.test(saved) ? saved : DEFAULT_DEVICE
}

/** Fixed for the life of the page: switching phones reloads (see `switchDevice`). */
export const deviceId: string = resolveDevice()

/** A storage key private to this phone: `tbsim:<device>:<name>`. */
export function deviceKey(name: string): string {
  return `tbsim:${deviceId}:${name}`
}

/** Become another phone: its stores hydrate from their own keys, so the page starts again. */
export function switchDevice(next: string): void {
  if (next === deviceId || !DEVICE_PATTERN.test(next)) return
  writeSession(next)
  window.location.reload()
}

function removePrefixed(storage: Storage, prefix: string): void {
  const keys: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (key?.startsWith(prefix)) keys.push(key)
  }
  for (const key of keys) storage.removeItem(key)
}

/**
 * Forget everything this phone kept: its `tbsim:<device>:*` keys in localStorage and sessionStorage and its
 * IndexedDB databases named that way. The device itself (which phone this tab is) stays. Reload afterwards:
 * the stores in memory still hold the old values.
 */
export async function clearDeviceStorage(): Promise<void> {
  const prefix = deviceKey('')
  try {
    removePrefixed(localStorage, prefix)
    removePrefixed(sessionStorage, prefix)
  } catch {
    // Storage refused (private mode): nothing was kept.
  }
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return
  try {
    const databases = await indexedDB.databases()
    for (const { name } of databases) {
      if (name?.startsWith(prefix)) indexedDB.deleteDatabase(name)
    }
  } catch {
    // No database list in this browser: nothing to delete that we can name.
  }
}
