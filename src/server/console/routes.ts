import { ConsoleObjectKindSchema } from '../../contract/console.ts'
import type { AppDeps } from '../http/env.ts'
import { fail } from '../http/respond.ts'
import type { RouteHandlers } from '../http/route-table.ts'
import { trustedCaller } from '../http/test-guard.ts'
import { harOf } from './har.ts'
import { findObject, storyOf } from './objects.ts'
import { consoleStream } from './stream.ts'
import { timelineOf, viewOf } from './views.ts'

type ConsoleRoute =
  'consoleTimeline' | 'consoleEvents' | 'consoleObject' | 'consoleExportNdjson' | 'consoleExportHar'

/** A download's headers: its type, and a file name that says whose log it is. */
const download = (type: string, world: string, ext: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="console-${world}.${ext}"`,
  'cache-control': 'no-store',
})

/**
 * The console's reads (docs/console.md), in the caller's world (`x-sim-world` or `?world=`), with the
 * test API off too: the timeline, its live stream, an object and its story, the exports. A caller
 * beyond loopback without the test token sees them redacted (views.ts).
 */
export function consoleHandlers(deps: AppDeps): RouteHandlers<ConsoleRoute> {
  return {
    consoleTimeline: (c, { query }) => {
      const world = c.get('world')
      const trusted = trustedCaller(deps, c)
      const log = world.console
      const from = query.after === undefined ? log.entries() : log.since(query.after)
      const entries = timelineOf(from, query).map((entry) => viewOf(entry, trusted))
      return c.json({ world: world.id, entries, last: log.last, actions: deps.testApi })
    },
    consoleEvents: (c, { query }) => consoleStream(deps, c, query.after),
    consoleObject: (c, { params }) => {
      const world = c.get('world')
      const kind = ConsoleObjectKindSchema.safeParse(params.kind)
      if (!kind.success) {
        return fail(c, {
          code: 'NOT_FOUND',
          message: `no kind of object ${params.kind.slice(0, 40)}: order, payment, refund or merchant`,
        })
      }
      const object = findObject(world, kind.data, params.id, deps.worlds)
      if (!object) {
        return fail(c, {
          code: 'NOT_FOUND',
          message: `this world has no ${kind.data} ${params.id.slice(0, 80)}`,
        })
      }
      const trusted = trustedCaller(deps, c)
      const entries = storyOf(world.console.entries(), kind.data, params.id)
      return c.json({
        kind: kind.data,
        id: params.id,
        object,
        entries: entries.map((entry) => viewOf(entry, trusted)),
      })
    },
    consoleExportNdjson: (c) => {
      const world = c.get('world')
      const trusted = trustedCaller(deps, c)
      const lines = world.console.entries().map((entry) => JSON.stringify(viewOf(entry, trusted)))
      const body = lines.length === 0 ? '' : `${lines.join('\n')}\n`
      return c.body(body, 200, download('application/x-ndjson; charset=utf-8', world.id, 'ndjson'))
    },
    consoleExportHar: (c) => {
      const world = c.get('world')
      const trusted = trustedCaller(deps, c)
      const entries = world.console.entries().map((entry) => viewOf(entry, trusted))
      const har = JSON.stringify(harOf(entries, deps.publicOrigin(c.req.url)))
      return c.body(har, 200, download('application/json; charset=utf-8', world.id, 'har'))
    },
  }
}
