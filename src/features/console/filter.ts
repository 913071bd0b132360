import type { ConsoleEntry, ConsoleKind, ConsoleRefs } from '@/contract/console.ts'

/** What the timeline shows: one kind or all, one persona, merchant or order, and a search. */
export interface TimelineFilter {
  kind: ConsoleKind | null
  persona: string | null
  merchant: string | null
  orderId: string | null
  /** Any id of an entry (exact, any case), or a part of its type or summary. */
  q: string
}

export const NO_FILTER: TimelineFilter = {
  kind: null,
  persona: null,
  merchant: null,
  orderId: null,
  q: '',
}

export function matches(entry: ConsoleEntry, filter: TimelineFilter): boolean {
  if (filter.kind && entry.kind !== filter.kind) return false
  if (filter.persona && entry.refs.persona !== filter.persona) return false
  if (filter.merchant && entry.refs.merchant !== filter.merchant) return false
  if (filter.orderId && entry.refs.orderId !== filter.orderId) return false
  const q = filter.q.trim().toLowerCase()
  if (!q) return true
  if (Object.values(entry.refs).some((id) => id?.toLowerCase() === q)) return true
  return entry.type.toLowerCase().includes(q) || entry.summary.toLowerCase().includes(q)
}

/** Newest first: the row a tester is waiting for is the top one. */
export function visibleEntries(
  entries: readonly ConsoleEntry[],
  filter: TimelineFilter,
): ConsoleEntry[] {
  const shown: ConsoleEntry[] = []
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]
    if (entry && matches(entry, filter)) shown.push(entry)
  }
  return shown
}

/** The values one ref takes across the entries (for the filter's choices), sorted. */
export function refValues(entries: readonly ConsoleEntry[], ref: keyof ConsoleRefs): string[] {
  const seen = new Set<string>()
  for (const entry of entries) {
    const value = entry.refs[ref]
    if (value) seen.add(value)
  }
  return [...seen].sort()
}
