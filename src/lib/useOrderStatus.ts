import { useEffect, useRef } from 'react'
import type { OrderStatus } from '@/contract/order.ts'
import { subscribe } from './order-live.ts'
import { useSettings } from './settings.ts'

type Listener = (status: OrderStatus) => void

interface Shared {
  listeners: Set<Listener>
  status: OrderStatus | null
  stop: () => void
}

/**
 * One live subscription per order and shopper, shared by every screen watching it (the cashier over the
 * order's page, say): a browser opens only a few connections to a host at once, and each stream holds one.
 */
const shared = new Map<string, Shared>()

function watch(
  orderId: string,
  who: { persona: string; era: string; appVersion: string | null },
  listener: Listener,
): () => void {
  const key = [orderId, who.persona, who.era, who.appVersion].join('|')
  let entry = shared.get(key)
  if (!entry) {
    const created: Shared = { listeners: new Set(), status: null, stop: () => undefined }
    created.stop = subscribe(
      orderId,
      (view) => {
        if (view.order.status === created.status) return
        created.status = view.order.status
        for (const each of [...created.listeners]) each(view.order.status)
      },
      who,
    )
    shared.set(key, created)
    entry = created
  } else if (entry.status) {
    listener(entry.status)
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

/**
 * Calls `onStatus` with the order's status as the merchant knows it, first as it stands and then on every
 * change (paid by a friend, closed at its deadline by the server's clock), from the order's live stream
 * (polling while the stream is down): the screens never decide it themselves. `null` watches nothing.
 */
export function useOrderStatus(orderId: string | null, onStatus: Listener): void {
  const persona = useSettings((s) => s.persona)
  const era = useSettings((s) => s.era)
  const appVersion = useSettings((s) => s.appVersion)
  const onStatusRef = useRef(onStatus)
  useEffect(() => {
    onStatusRef.current = onStatus
  })

  useEffect(() => {
    if (!orderId) return undefined
    let last: OrderStatus | null = null
    return watch(orderId, { persona, era, appVersion }, (status) => {
      if (status === last) return
      last = status
      onStatusRef.current(status)
    })
  }, [orderId, persona, era, appVersion])
}
