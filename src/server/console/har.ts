import type { ConsoleEntry, ConsoleHar } from '../../contract/console.ts'
import { ConsoleCallSchema, ConsoleDeliverySchema } from '../../contract/console.ts'

// `GET /api/console/export.har`: the merchants' traffic as HAR 1.2, for a browser's network panel or
// any HAR viewer: each inbound call (its URL on this server's origin) and each notification attempt
// (its notify_url; a dropped one answers status 0), with the times the log measured.

type HarEntry = ConsoleHar['log']['entries'][number]

const pairs = (headers: Record<string, string>) =>
  Object.entries(headers).map(([name, value]) => ({ name, value }))

const typeOf = (headers: Record<string, string>) =>
  headers['content-type'] ?? 'application/octet-stream'

function queryOf(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }))
  } catch {
    return []
  }
}

function request(method: string, url: string, headers: Record<string, string>, body: string) {
  return {
    method,
    url,
    httpVersion: 'HTTP/1.1',
    headers: pairs(headers),
    queryString: queryOf(url),
    cookies: [],
    headersSize: -1 as const,
    bodySize: Buffer.byteLength(body),
    ...(body === '' ? {} : { postData: { mimeType: typeOf(headers), text: body } }),
  }
}

function response(status: number, headers: Record<string, string>, body: string) {
  return {
    status,
    statusText: '',
    httpVersion: 'HTTP/1.1',
    headers: pairs(headers),
    cookies: [],
    content: { size: Buffer.byteLength(body), mimeType: typeOf(headers), text: body },
    redirectURL: headers.location ?? '',
    headersSize: -1 as const,
    bodySize: Buffer.byteLength(body),
  }
}

function harEntry(entry: ConsoleEntry, origin: string): HarEntry | null {
  const common = { startedDateTime: entry.at, cache: {}, comment: `${entry.kind} #${entry.seq}` }
  if (entry.kind === 'call') {
    const call = ConsoleCallSchema.safeParse(entry.detail)
    if (!call.success) return null
    const { method, path, requestHeaders, requestBody, status, responseHeaders, responseBody, ms } =
      call.data
    return {
      ...common,
      time: ms,
      request: request(method, `${origin}${path}`, requestHeaders, requestBody),
      response: response(status, responseHeaders, responseBody),
      timings: { send: 0, wait: ms, receive: 0 },
    }
  }
  if (entry.kind === 'delivery') {
    const delivery = ConsoleDeliverySchema.safeParse(entry.detail)
    if (!delivery.success) return null
    const d = delivery.data
    return {
      ...common,
      time: d.ms,
      request: request(d.method, d.url, d.requestHeaders, d.requestBody),
      response: response(d.status ?? 0, {}, d.responseBody),
      timings: { send: 0, wait: d.ms, receive: 0 },
    }
  }
  return null
}

/** The HAR of the call and delivery entries (as the caller may see them), calls on `origin`. */
export function harOf(entries: readonly ConsoleEntry[], origin: string): ConsoleHar {
  return {
    log: {
      version: '1.2',
      creator: { name: 'taobao-wechat-pay-sim console', version: '1.0' },
      entries: entries.flatMap((entry) => harEntry(entry, origin) ?? []),
    },
  }
}
