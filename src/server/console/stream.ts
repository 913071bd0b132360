import type { Context } from 'hono'
import type { ConsoleEntry } from '../../contract/console.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { cursorOf, seqStream } from '../http/seq-stream.ts'
import { trustedCaller } from '../http/test-guard.ts'
import { viewOf } from './views.ts'

/**
 * `GET /api/console/events`: the world's console log as Server-Sent Events, `event: entry`, `id:` the
 * seq, `data:` the entry as the caller may see it. What the log still holds after the cursor comes
 * first, then every new entry; the caps, heartbeats and ways it ends are http/seq-stream.ts's (counted
 * per world), and the world's deletion ends it. A reset does not: its `world.reset` entry comes like any
 * other.
 */
export function consoleStream(deps: AppDeps, c: Context<AppEnv>, after: number | undefined) {
  const world = c.get('world')
  const trusted = trustedCaller(deps, c)
  return seqStream<ConsoleEntry>(deps, c, cursorOf(c, after), {
    key: `${world.id}/console`,
    subscribe: (push, end) => world.console.subscribe(push, end),
    backlog: (cursor) => world.console.since(cursor),
    seqOf: (entry) => entry.seq,
    frame: (entry) => ({ event: 'entry', data: JSON.stringify(viewOf(entry, trusted)) }),
  })
}
