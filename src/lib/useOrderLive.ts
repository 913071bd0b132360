import { useEffect, useState } from 'react'
import type { OrderLiveView } from '@/contract/order-live.ts'
import { subscribe } from './order-live.ts'
import type { LiveSource } from './order-live.ts'
import { useSettings } from './settings.ts'

export interface OrderLive {
  view: OrderLiveView
  source: LiveSource
}

/**
 * The order's live status (stream, or polling while the stream is down), for the persona of this phone.
 * `null` until the first answer, or when there is no order.
 */
export function useOrderLive(orderId: string | null): OrderLive | null {
  const persona = useSettings((s) => s.persona)
  const era = useSettings((s) => s.era)
  const appVersion = useSettings((s) => s.appVersion)
  const [live, setLive] = useState<(OrderLive & { key: string }) | null>(null)
  const key = `${orderId}|${persona}|${era}|${appVersion}`

  useEffect(() => {
    if (!orderId) return undefined
    return subscribe(orderId, (view, source) => setLive({ key, view, source }), {
      persona,
      era,
      appVersion,
    })
  }, [orderId, persona, era, appVersion, key])

  return live && live.key === key ? { view: live.view, source: live.source } : null
}
