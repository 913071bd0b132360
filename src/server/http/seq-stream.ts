import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { AppDeps, AppEnv } from './env.ts'
import { MAX_QUEUED_EVENTS, RETRY_AFTER_S, RETRY_MS, STALL_HEARTBEATS } from './live.ts'
import { fail } from './respond.ts'

/** A log whose items are numbered by a seq that only grows: what a replaying stream reads. */
export interface SeqSource<T> {
  /** The lease's key in `deps.streams` (`<world>/<what>`: the caps count per key and in all). */
  key: string
  subscribe(push: (item: T) => void, end: () => void): () => void
  /** What the log still holds after the cursor, oldest first. */
  backlog(cursor: number): T[]
  seqOf(item: T): number
  /** The SSE frame of an item for this reader (`null`: not theirs, skipped). */
  frame(item: T): { event: string; data: string } | null
}

/** Where a stream starts: after `Last-Event-ID` (a reconnect), else `?after=`, else from the start. */
export function cursorOf(c: Context, after: number | undefined): number {
  const header = Number(c.req.header('last-event-id'))
  if (Number.isInteger(header) && header >= 0) return header
  return after ?? 0
}

/**
 * A seq-numbered log as Server-Sent Events, `id:` the seq: what the log still holds after the cursor
 * first, then every new item; `: heartbeat` every `heartbeatMs`. The caps and the ways it ends are the
 * order streams' (http/live.ts): a lease of `deps.streams`, a reader that stalls or leaves
 * MAX_QUEUED_EVENTS unread is let go (it resumes with Last-Event-ID), the source's `end` ends it. HEAD
 * answers the headers and holds nothing. The console's stream and the chats' are this.
 */
export function seqStream<T>(
  deps: AppDeps,
  c: Context<AppEnv>,
  cursor: number,
  source: SeqSource<T>,
) {
  if (c.req.method === 'HEAD') {
    c.header('Content-Type', 'text/event-stream')
    c.header('Cache-Control', 'no-cache')
    return c.body(null, 200)
  }
  const lease = deps.streams.open(source.key)
  if ('code' in lease) {
    c.header('Retry-After', String(RETRY_AFTER_S))
    return fail(c, lease)
  }
  return streamSSE(c, async (stream) => {
    const queue: T[] = []
    let wake: (() => void) | null = null
    let writing = 0
    let writingSince = 0
    const nudge = () => {
      wake?.()
      wake = null
    }
    const close = () => lease.close()
    lease.onClose(() => {
      queue.length = 0
      nudge()
      if (writing > 0 && !stream.aborted) stream.abort()
    })
    stream.onAbort(close)
    const write = async (frame: () => Promise<unknown>) => {
      if (writing++ === 0) writingSince = Date.now()
      try {
        await frame()
      } finally {
        writing -= 1
      }
      if (stream.aborted || stream.closed) close()
    }
    let sent = cursor
    const send = async (item: T) => {
      const seq = source.seqOf(item)
      if (seq <= sent) return
      sent = seq
      const frame = source.frame(item)
      if (!frame) return
      await write(() => stream.writeSSE({ ...frame, id: String(seq), retry: RETRY_MS }))
    }
    try {
      // Subscribe before reading the backlog, in one synchronous step: nothing falls between them.
      lease.listen(
        source.subscribe((item) => {
          if (queue.length >= MAX_QUEUED_EVENTS) return close()
          queue.push(item)
          nudge()
        }, close),
      )
      const backlog = source.backlog(cursor)
      lease.heartbeat(() => {
        if (writing === 0) void write(() => stream.write(': heartbeat\n\n'))
        else if (Date.now() - writingSince >= STALL_HEARTBEATS * deps.heartbeatMs) close()
      }, deps.heartbeatMs)
      for (const item of backlog) {
        if (lease.closed) break
        await send(item)
      }
      while (!lease.closed) {
        const next = queue.shift()
        if (next !== undefined) await send(next)
        else await new Promise<void>((resolve) => (wake = resolve))
      }
    } finally {
      close()
    }
  })
}
