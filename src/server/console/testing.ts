// What the console's tests share: reading a world's timeline, and a console stream's frames.
import { ConsoleEntrySchema, ConsoleTimelineSchema } from '../../contract/console.ts'
import type { ConsoleEntry, ConsoleTimeline } from '../../contract/console.ts'
import type { Harness } from '../http/testing.ts'

/** The world's timeline (`query`: `after=1&kind=call`…), as its schema reads it. */
export async function timeline(
  h: Pick<Harness, 'call'>,
  headers: Record<string, string> = {},
  query = '',
): Promise<ConsoleTimeline> {
  const res = await h.call('GET', `/api/console/timeline${query ? `?${query}` : ''}`, { headers })
  if (res.status !== 200) throw new Error(`timeline: ${res.status} ${await res.text()}`)
  return ConsoleTimelineSchema.parse(await res.json())
}

/** The types of the entries, oldest first. */
export const typesOf = (entries: readonly ConsoleEntry[]) => entries.map((e) => e.type)

export interface Frame {
  id: string | null
  event: string | null
  data: string
}

/** An SSE answer's frames, read as they come (comments, such as heartbeats, skipped). */
export function frames(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const parse = (block: string): Frame | null => {
    const frame: Frame = { id: null, event: null, data: '' }
    let seen = false
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue
      const [field, ...rest] = line.split(':')
      const value = rest.join(':').replace(/^ /, '')
      if (field === 'id') frame.id = value
      else if (field === 'event') frame.event = value
      else if (field === 'data') frame.data += value
      else continue
      seen = true
    }
    return seen ? frame : null
  }
  return {
    /** The next frame (waits for it). */
    async next(): Promise<Frame> {
      for (;;) {
        const end = buffer.indexOf('\n\n')
        if (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const frame = parse(block)
          if (frame) return frame
          continue
        }
        const { done, value } = await reader.read()
        if (done) throw new Error('the stream ended')
        buffer += decoder.decode(value, { stream: true })
      }
    },
    /** The next `count` frames' entries. */
    async entries(count: number): Promise<ConsoleEntry[]> {
      const got: ConsoleEntry[] = []
      while (got.length < count) {
        const frame = await this.next()
        if (frame.event === 'entry') got.push(ConsoleEntrySchema.parse(JSON.parse(frame.data)))
      }
      return got
    },
    cancel: () => reader.cancel(),
  }
}
