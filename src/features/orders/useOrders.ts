import { fetchOrder, fetchOrders } from '@/lib/api/shop.ts'
import { useSettings } from '@/lib/settings.ts'
import { useResource } from '@/lib/useResource.ts'

export function useOrders() {
  const persona = useSettings((s) => s.persona)
  return useResource(`orders:${persona}`, fetchOrders)
}

export function useOrder(orderId: string) {
  const persona = useSettings((s) => s.persona)
  return useResource(`order:${persona}:${orderId}`, (signal) => fetchOrder(orderId, signal))
}
