import type { ConsoleEntry, ConsoleKind } from '../../contract/console.ts'
import { ConsoleCallSchema, ConsoleDeliverySchema } from '../../contract/console.ts'

// What a caller sees of the log. Loopback callers and holders of the test token see it as kept; anyone
// else (the world id is all they have) sees no decrypted payload, no Authorization value, no APIv3 key.

/** Stands in for what is kept back from a caller beyond loopback without the token. */
export const REDACTED = '[redacted: loopback or the test token only]'

function redactDetail(entry: ConsoleEntry): unknown {
  const { detail } = entry
  if (entry.kind === 'delivery') {
    const delivery = ConsoleDeliverySchema.safeParse(detail)
    return delivery.success ? { ...delivery.data, decrypted: null } : detail
  }
  if (entry.kind === 'call') {
    const call = ConsoleCallSchema.safeParse(detail)
    if (!call.success) return detail
    const headers = { ...call.data.requestHeaders }
    const auth = headers.authorization
    if (auth !== undefined) headers.authorization = `${auth.split(' ')[0] ?? ''} ${REDACTED}`
    return { ...call.data, requestHeaders: headers }
  }
  if (entry.type === 'wechatpay.merchant.registered' && typeof detail === 'object' && detail) {
    const { merchant } = detail as { merchant?: Record<string, unknown> }
    return merchant ? { ...detail, merchant: { ...merchant, apiV3Key: REDACTED } } : detail
  }
  return detail
}

/** The entry as this caller may see it (`trusted`: loopback, or the test token). */
export function viewOf(entry: ConsoleEntry, trusted: boolean): ConsoleEntry {
  if (trusted) return entry
  if (entry.kind === 'event' && entry.type !== 'wechatpay.merchant.registered') return entry
  return { ...entry, detail: redactDetail(entry) }
}

export interface TimelineFilter {
  after?: number | undefined
  limit?: number | undefined
  kind?: ConsoleKind | undefined
  q?: string | undefined
}

/** Whether an entry names `q` (any of its ids, exactly, in any case) or has it in its type or summary. */
export function mentions(entry: ConsoleEntry, q: string): boolean {
  const needle = q.trim().toLowerCase()
  if (needle === '') return true
  if (Object.values(entry.refs).some((id) => id?.toLowerCase() === needle)) return true
  return entry.type.toLowerCase().includes(needle) || entry.summary.toLowerCase().includes(needle)
}

/** The entries after the cursor that pass the filter, oldest first, at most `limit`. */
export function timelineOf(
  entries: readonly ConsoleEntry[],
  filter: TimelineFilter,
): ConsoleEntry[] {
  const picked: ConsoleEntry[] = []
  const limit = filter.limit ?? Infinity
  for (const entry of entries) {
    if (picked.length >= limit) break
    if (filter.after !== undefined && entry.seq <= filter.after) continue
    if (filter.kind && entry.kind !== filter.kind) continue
    if (filter.q && !mentions(entry, filter.q)) continue
    picked.push(entry)
  }
  return picked
}
