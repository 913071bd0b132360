import type { OrderStatus } from '@/contract/order.ts'

export const TABS = ['all', 'pending', 'paid', 'closed'] as const
export type Tab = (typeof TABS)[number]

const TAB_STATUSES: Record<Tab, readonly OrderStatus[] | null> = {
  all: null,
  pending: ['PENDING_PAYMENT'],
  // 待发货: paid, waiting for the seller to ship.
  paid: ['PAID'],
  closed: ['CLOSED', 'REFUNDED'],
}

export function inTab(tab: Tab, status: OrderStatus): boolean {
  return TAB_STATUSES[tab]?.includes(status) ?? true
}

export function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value)
}
