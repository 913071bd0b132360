import type { ConsoleDelivery, ConsoleRefs } from '../../contract/console.ts'
import { iso } from '../domain/result.ts'
import type { NewEntry } from './entry.ts'

/** The most of a body the log keeps (the rest is said, not kept). */
export const BODY_LIMIT = 64 * 1024

/** A body as the log keeps it: its first 64 KiB. */
export function cutBody(text: string): string {
  if (text.length <= BODY_LIMIT / 4) return text
  const bytes = Buffer.byteLength(text)
  if (bytes <= BODY_LIMIT) return text
  const head = Buffer.from(text).subarray(0, BODY_LIMIT).toString('utf8')
  return `${head}… [cut: ${bytes} bytes in all]`
}

/** Headers as a plain record, names in lower case. */
export function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {}
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value
  })
  return record
}

const CHANNEL_NAMES: Record<ConsoleDelivery['channel'], string> = {
  taobao: "Taobao's",
  wechatpay: 'WeChat Pay',
  alipay: 'Alipay',
}

/** One notification attempt as a console entry (`at`: the world's clock when it was sent). */
export function deliveryEntry(delivery: ConsoleDelivery, at: number, refs: ConsoleRefs): NewEntry {
  const { channel, notificationId, attempt, url, outcome, status, ms, note } = delivery
  const answer = status === null ? 'no answer' : `answered ${status}`
  return {
    at: iso(at),
    kind: 'delivery',
    type: 'delivery',
    summary: `${CHANNEL_NAMES[channel]} notification ${notificationId} attempt ${attempt} to ${url}: ${outcome} (${answer}, ${Math.round(ms)} ms)${note ? ` [${note}]` : ''}`,
    refs: { ...refs, notificationId },
    detail: {
      ...delivery,
      requestBody: cutBody(delivery.requestBody),
      responseBody: cutBody(delivery.responseBody),
    },
  }
}
