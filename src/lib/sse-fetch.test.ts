import { describe, expect, it } from 'vitest'
import { fetchEventSource, parseSse } from './sse-fetch.ts'

/** A fetch answering one event stream whose body the test writes chunk by chunk. */
function streamingFetch(contentType = 'text/event-stream', status = 200) {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({ start: (c) => (controller = c) })
  const encoder = new TextEncoder()
  const calls: { url: string; init: RequestInit | undefined }[] = []
  const doFetch = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init })
    return new Response(body, { status, headers: { 'content-type': contentType } })
  }) as typeof fetch
  return {
    doFetch,
    calls,
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  }
}

/** Lets the reader's promises run (no timers, no waiting on the clock). */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

describe('parseSse', () => {
  it('reads data, event and id fields, skips comments, joins data lines', () => {
    const text =
      ': heartbeat\n\ndata: {"a":1}\nid: 3\nretry: 1000\n\nevent: clock\ndata: x\ndata: y\n\n'
    const { events, rest, lastEventId } = parseSse(text, '')
    expect(events).toEqual([
      { type: 'message', data: '{"a":1}', lastEventId: '3' },
      { type: 'clock', data: 'x\ny', lastEventId: '3' },
    ])
    expect(rest).toBe('')
    expect(lastEventId).toBe('3')
  })

  it('keeps an incomplete event for the next read, and takes CRLF and CR line ends', () => {
    const first = parseSse('data: one\r\nid: 1\r\n\r\ndata: tw', '')
    expect(first.events.map((e) => e.data)).toEqual(['one'])
    expect(first.rest).toBe('data: tw')
    const second = parseSse(`${first.rest}o\rid: 2\r\r\n`, first.lastEventId)
    expect(second.events).toEqual([{ type: 'message', data: 'two', lastEventId: '2' }])
    // A CR at the very end may be half of a CRLF: nothing is dispatched until the next read.
    expect(parseSse('data: x\r\n\r', '').events).toEqual([])
  })
})

describe('fetchEventSource', () => {
  it('hands over every event of one read before any microtask runs (one render, not one per event)', async () => {
    const net = streamingFetch()
    const source = fetchEventSource('/api/x/events', net.doFetch)
    const seen: string[] = []
    source.onopen = () => seen.push('open')
    source.onmessage = (message) => {
      seen.push(message.data)
      // What React does on a store change: its render runs in a microtask.
      queueMicrotask(() => seen.push(`render after ${message.data}`))
    }
    await flush()
    net.send('data: 1\nid: 1\n\ndata: 2\nid: 2\n\ndata: 3\nid: 3\n\n')
    await flush()
    expect(seen).toEqual([
      'open',
      '1',
      '2',
      '3',
      'render after 1',
      'render after 2',
      'render after 3',
    ])
    expect(net.calls[0]?.init?.headers).toEqual({ accept: 'text/event-stream' })
    source.close()
  })

  it('gives named events to their listeners, an event split over reads once it is whole', async () => {
    const net = streamingFetch()
    const source = fetchEventSource('/e', net.doFetch)
    const clocks: string[] = []
    const messages: string[] = []
    source.addEventListener?.('clock', (message) => clocks.push(message.data))
    source.onmessage = (message) => messages.push(message.data)
    await flush()
    net.send('event: clock\ndata: {"now":"t"}\n\ndata: {"half')
    await flush()
    expect(clocks).toEqual(['{"now":"t"}'])
    expect(messages).toEqual([])
    net.send('":1}\n\n')
    await flush()
    expect(messages).toEqual(['{"half":1}'])
    source.close()
  })

  it('reports the stream ending, or an answer that is not a stream, as one error; none after close', async () => {
    const ended = streamingFetch()
    const a = fetchEventSource('/e', ended.doFetch)
    let errors = 0
    a.onerror = () => (errors += 1)
    await flush()
    ended.end()
    await flush()
    expect(errors).toBe(1)

    const refused = streamingFetch('application/json', 429)
    const b = fetchEventSource('/e', refused.doFetch)
    let opened = false
    b.onopen = () => (opened = true)
    b.onerror = () => (errors += 1)
    await flush()
    expect(errors).toBe(2)
    expect(opened).toBe(false)

    const closed = streamingFetch()
    const c = fetchEventSource('/e', closed.doFetch)
    c.onerror = () => (errors += 1)
    c.onmessage = () => (errors += 100)
    await flush()
    c.close()
    closed.send('data: late\n\n')
    closed.end()
    await flush()
    expect(errors).toBe(2)
  })
})
