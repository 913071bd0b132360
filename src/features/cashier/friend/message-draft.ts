import { deviceKey } from '@/lib/device.ts'

/**
 * The message to the friend, while it is being written: kept per order in this tab's sessionStorage (per
 * simulated phone), so a reload of the share step finds it again; cleared once the request is sent.
 */
export interface DraftStore {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

const keyOf = (orderId: string) => deviceKey(`friend-draft:${orderId}`)

function session(): DraftStore | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

/** The draft for this order, or null if there is none (or storage is refused). */
export function readDraft(orderId: string, store: DraftStore | null = session()): string | null {
  try {
    return store?.getItem(keyOf(orderId)) ?? null
  } catch {
    return null
  }
}

export function saveDraft(
  orderId: string,
  message: string,
  store: DraftStore | null = session(),
): void {
  try {
    store?.setItem(keyOf(orderId), message)
  } catch {
    // Storage full or refused: the draft lasts as long as the page.
  }
}

export function clearDraft(orderId: string, store: DraftStore | null = session()): void {
  try {
    store?.removeItem(keyOf(orderId))
  } catch {
    // Nothing kept, nothing to clear.
  }
}
