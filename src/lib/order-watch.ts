import type { OrderLiveView } from '@/contract/order-live.ts'
import { learnPushedClock } from './clock.ts'
import { subscribe } from './order-live.ts'
import { useSettings } from './settings.ts'

/** Who watches: the live stream answers for this persona, era and app version. */
export interface Watcher {
  persona: string
  era: string
  appVersion: string | null
  /** The world of the order (default: the phone's, from its settings). */
  world?: string | null
}

type Listener = (view: OrderLiveView) => void

interface Shared {
  listeners: Set<Listener>
  view: OrderLiveView | null
  stop: () => void
}

/**
 * One live subscription per order and watcher, shared by every screen watching it (the cashier over the
 * order's page, say): a browser opens only a few connections to a host at once, and each stream holds one.
 */
const shared = new Map<string, Shared>()

/**
 * Calls `listener` with the order's live view as the merchant and the gateway know it (the order, its
 * payments, its pay-for-me requests): the latest at once if the stream has spoken already, then every
 * change, from the order's event stream (polling while it is down). Answers the function that stops it.
 */
export function watchOrderLive(orderId: string, watcher: Watcher, listener: Listener): () => void {
  const who = { ...watcher, world: watcher.world ?? useSettings.getState().world }
  const key = [orderId, who.persona, who.era, who.appVersion, who.world].join('|')
  let entry = shared.get(key)
  if (!entry) {
    const created: Shared = { listeners: new Set(), view: null, stop: () => undefined }
    created.stop = subscribe(
      orderId,
      (view) => {
        created.view = view
        for (const each of [...created.listeners]) each(view)
      },
      {
        ...who,
        onClock: learnPushedClock,
      },
    )
    shared.set(key, created)
    entry = created
  } else if (entry.view) {
    listener(entry.view)
  }
  entry.listeners.add(listener)
  const mine = entry
  return () => {
    mine.listeners.delete(listener)
    if (mine.listeners.size > 0) return
    mine.stop()
    shared.delete(key)
  }
}
