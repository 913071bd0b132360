import type {
  ConsoleCall,
  ConsoleDelivery,
  ConsoleEntry,
  ConsoleObjectKind,
} from '@/contract/console.ts'

/** An entry's row, from its data alone: what happened, and the ids to click through to. */
export interface Row {
  /** The event's type, or `METHOD path`, or the notification's URL. */
  what: string
  /** Status, latency, the signature check or the outcome: the figures beside it (calls, deliveries). */
  figures: {
    status: number | null
    ms: number
    signature?: ConsoleCall['signature']
    outcome?: ConsoleDelivery['outcome']
  } | null
  /** Whether it went wrong (a 4xx/5xx answer, a failed or dropped delivery, a password error). */
  bad: boolean
  links: { kind: ConsoleObjectKind; id: string }[]
}

export const isCall = (d: unknown): d is ConsoleCall =>
  typeof d === 'object' && d !== null && 'path' in d && 'signature' in d
export const isDelivery = (d: unknown): d is ConsoleDelivery =>
  typeof d === 'object' && d !== null && 'notificationId' in d && 'outcome' in d

export function rowOf(entry: ConsoleEntry): Row {
  const links: Row['links'] = []
  const { refs } = entry
  if (refs.orderId) links.push({ kind: 'order', id: refs.orderId })
  if (refs.paymentId) links.push({ kind: 'payment', id: refs.paymentId })
  if (refs.refundId) links.push({ kind: 'refund', id: refs.refundId })
  if (refs.merchant) links.push({ kind: 'merchant', id: refs.merchant })
  if (entry.kind === 'call' && isCall(entry.detail)) {
    const d = entry.detail
    return {
      what: `${d.method} ${d.path}`,
      figures: { status: d.status, ms: d.ms, signature: d.signature },
      bad: d.status >= 400 || d.signature === 'bad',
      links,
    }
  }
  if (entry.kind === 'delivery' && isDelivery(entry.detail)) {
    const d = entry.detail
    return {
      what: `#${d.attempt} → ${d.url}`,
      figures: { status: d.status, ms: d.ms, outcome: d.outcome },
      bad: d.outcome !== 'delivered',
      links,
    }
  }
  return { what: entry.type, figures: null, bad: /failed|locked/.test(entry.type), links }
}

/** `HH:MM:SS.mmm` of an ISO time (the world's clock), as the rows show it. */
export function timeOfDay(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
}
