import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { ConsoleEntry } from '../../contract/console.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { MAX_QUEUED_EVENTS, RETRY_AFTER_S, RETRY_MS, STALL_HEARTBEATS } from '../http/live.ts'
import { fail } from '../http/respond.ts'
import { trustedCaller } from '../http/test-guard.ts'
import { viewOf } from './views.ts'

/** Where the stream starts: after `Last-Event-ID` (a reconnect), else `?after=`, else from the start. */
function cursorOf(c: Context, after: number | undefined): number {
  const header = Number(c.req.header('last-event-id'))
  if (Number.isInteger(header) && header >= 0) return header
  return after ?? 0
}

/**
 * `GET /api/console/events`: the world's console log as Server-Sent Events, `event: entry`, `id:` the
 * seq, `data:` the entry as the caller may see it. What the log still holds after the cursor comes
 * first, then every new entry; `: heartbeat` every `heartbeatMs`. The caps and the ways it ends are the
 * order streams' (http/live.ts): a lease of `deps.streams` (counted per world), a reader that stalls or
 * leaves MAX_QUEUED_EVENTS unread is let go (it resumes with Last-Event-ID), and the world's deletion
 * ends it. A reset does not: its `world.reset` entry comes like any other.
 */
export function consoleStream(deps: AppDeps, c: Context<AppEnv>, after: number | undefined) {
  if (c.req.method === 'HEAD') {
    c.header('Content-Type', 'text/event-stream')
    c.header('Cache-Control', 'no-cache')
    return c.body(null, 200)
  }
  const world = c.get('world')
  const lease = deps.streams.open(`${world.id}/console`)
  if ('code' in lease) {
    c.header('Retry-After', String(RETRY_AFTER_S))
    return fail(c, lease)
  }
  const trusted = trustedCaller(deps, c)
  const cursor = cursorOf(c, after)
  return streamSSE(c, async (stream) => {
    const queue: ConsoleEntry[] = []
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
    const send = async (entry: ConsoleEntry) => {
      if (entry.seq <= sent) return
      sent = entry.seq
      const data = JSON.stringify(viewOf(entry, trusted))
      await write(() =>
        stream.writeSSE({ event: 'entry', id: String(entry.seq), data, retry: RETRY_MS }),
      )
    }
    try {
      // Subscribe before reading the backlog, in one synchronous step: nothing falls between them.
      lease.listen(
        world.console.subscribe((entry) => {
          if (queue.length >= MAX_QUEUED_EVENTS) return close()
          queue.push(entry)
          nudge()
        }, close),
      )
      const backlog = world.console.since(cursor)
      lease.heartbeat(() => {
        if (writing === 0) void write(() => stream.write(': heartbeat\n\n'))
        else if (Date.now() - writingSince >= STALL_HEARTBEATS * deps.heartbeatMs) close()
      }, deps.heartbeatMs)
      for (const entry of backlog) {
        if (lease.closed) break
        await send(entry)
      }
      while (!lease.closed) {
        const next = queue.shift()
        if (next) await send(next)
        else await new Promise<void>((resolve) => (wake = resolve))
      }
    } finally {
      close()
    }
  })
}
