import { useEffect, useRef } from 'react'
import type { OrderStatus } from '@/contract/order.ts'
import { watchOrderLive } from './order-watch.ts'
import { useSettings } from './settings.ts'

/**
 * Calls `onStatus` with the order's status as the merchant knows it, first as it stands and then on every
 * change (paid by a friend, closed at its deadline by the server's clock), from the order's live stream
 * (polling while the stream is down): the screens never decide it themselves. `null` watches nothing.
 */
export function useOrderStatus(
  orderId: string | null,
  onStatus: (status: OrderStatus) => void,
): void {
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
    return watchOrderLive(orderId, { persona, era, appVersion }, ({ order }) => {
      if (order.status === last) return
      last = order.status
      onStatusRef.current(order.status)
    })
  }, [orderId, persona, era, appVersion])
}
