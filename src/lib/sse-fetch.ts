/**
 * An event stream (Server-Sent Events) read with fetch, for `order-live.ts`: what EventSource does, but
 * every event of one read is handed over in one go. The browser's EventSource dispatches each event as
 * its own callback, with a microtask checkpoint between them, so React renders the cashier once per
 * event: a friend's payment is five events sent together (payment, payment, request, order, order) and
 * the frame that shows 好友已付款 waited for five renders. Here they are five `onmessage` calls in one
 * synchronous loop, and React renders once after it.
 *
 * Unlike EventSource it never reconnects by itself: the stream ending or failing is `onerror`, and the
 * caller (order-live.ts) polls and opens a new one after the last event it had, as it did already.
 */

/** The part of EventSource this module uses (so tests can hand in their own). */
export interface EventSourceLike {
  onopen: ((event: Event) => void) | null
  onmessage: ((event: MessageEvent<string>) => void) | null
  onerror: ((event: Event) => void) | null
  /** Named events: `clock`, each move of the gateway's test clock. */
  addEventListener?(type: 'clock', listener: (event: MessageEvent<string>) => void): void
  close(): void
}

type Listener = (event: MessageEvent<string>) => void

/** One event's fields as the stream gave them (`event` defaults to `message`). */
export interface SseEvent {
  type: string
  data: string
  lastEventId: string
}

/**
 * Parses what a stream sent so far: answers the complete events and what is left of an incomplete one
 * (to prepend to the next read). The format of the HTML standard's "event stream interpretation".
 */
export function parseSse(
  text: string,
  lastEventId: string,
): { events: SseEvent[]; rest: string; lastEventId: string } {
  const events: SseEvent[] = []
  let id = lastEventId
  /** The id as of the last complete block: an incomplete one is parsed again with the next read. */
  let committedId = lastEventId
  let type = ''
  let data: string[] = []
  let start = 0
  let blockStart = 0
  const lineEnd = /\r\n|\r|\n/g
  for (let match = lineEnd.exec(text); match; match = lineEnd.exec(text)) {
    // A lone `\r` at the very end may be the first half of `\r\n`: wait for the next read.
    if (match[0] === '\r' && match.index === text.length - 1) break
    const line = text.slice(start, match.index)
    start = match.index + match[0].length
    if (line === '') {
      if (data.length > 0)
        events.push({ type: type || 'message', data: data.join('\n'), lastEventId: id })
      type = ''
      data = []
      blockStart = start
      committedId = id
      continue
    }
    if (line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') data.push(value)
    else if (field === 'event') type = value
    else if (field === 'id' && !value.includes('\0')) id = value
  }
  return { events, rest: text.slice(blockStart), lastEventId: committedId }
}

/** Opens `url` as an event stream with `doFetch`: an EventSourceLike for `subscribe` in order-live.ts. */
export function fetchEventSource(url: string, doFetch: typeof fetch = fetch): EventSourceLike {
  const controller = new AbortController()
  const named = new Map<string, Set<Listener>>()
  let closed = false
  const source: EventSourceLike = {
    onopen: null,
    onmessage: null,
    onerror: null,
    addEventListener(type, listener) {
      const set = named.get(type) ?? new Set<Listener>()
      set.add(listener)
      named.set(type, set)
    },
    close() {
      closed = true
      controller.abort()
    },
  }
  const dispatch = (event: SseEvent) => {
    if (closed) return
    const message = new MessageEvent<string>(event.type, {
      data: event.data,
      lastEventId: event.lastEventId,
    })
    if (event.type === 'message') source.onmessage?.(message)
    else for (const listener of [...(named.get(event.type) ?? [])]) listener(message)
  }

  const read = async () => {
    const res = await doFetch(url, {
      headers: { accept: 'text/event-stream' },
      cache: 'no-store',
      signal: controller.signal,
    })
    const type = res.headers.get('content-type') ?? ''
    if (!res.ok || !res.body || !type.startsWith('text/event-stream')) {
      throw new Error(`not an event stream (HTTP ${res.status})`)
    }
    if (closed) return
    source.onopen?.(new Event('open'))
    const reader = res.body.getReader()
    const decoder = new TextDecoder()
    let pending = ''
    let lastEventId = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done || closed) break
      const parsed = parseSse(pending + decoder.decode(value, { stream: true }), lastEventId)
      pending = parsed.rest
      lastEventId = parsed.lastEventId
      // All of this read's events in one synchronous loop: one render after them (see above).
      for (const event of parsed.events) dispatch(event)
    }
  }

  read().then(
    // The server ended the stream (a reset, a reader too slow): as EventSource's error, once.
    () => {
      if (!closed) source.onerror?.(new Event('error'))
    },
    () => {
      if (!closed) source.onerror?.(new Event('error'))
    },
  )
  return source
}
