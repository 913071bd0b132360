// The schemas of the console's read routes (`/api/console/…`, docs/console.md), spread into ROUTE_SCHEMAS
// under the names of routes.ts. They answer with the test API off too; its actions are test routes.
import {
  ConsoleEntrySchema,
  ConsoleEventsQuerySchema,
  ConsoleHarSchema,
  ConsoleObjectSchema,
  ConsoleTimelineQuerySchema,
  ConsoleTimelineSchema,
} from './console.ts'
import type { ErrorCode } from './errors.ts'
import type { RouteSchema } from './route-schema.ts'
import type { RouteName } from './routes.ts'

const reads: readonly ErrorCode[] = ['PARAM_ERROR', 'WORLD_NOT_FOUND']

export const CONSOLE_ROUTE_SCHEMAS = {
  consoleTimeline: {
    summary: "The world's console log, oldest first, after a cursor (filtered by kind or an id)",
    tag: 'console',
    query: ConsoleTimelineQuerySchema,
    answer: { status: 200, schema: ConsoleTimelineSchema },
    errors: reads,
  },
  consoleEvents: {
    summary:
      "The world's console log, live (SSE `event: entry`, `id:` the seq; Last-Event-ID replays)",
    tag: 'console',
    query: ConsoleEventsQuerySchema,
    answer: 'sse',
    events: ConsoleEntrySchema,
    errors: [...reads, 'TOO_MANY_STREAMS'],
  },
  consoleObject: {
    summary:
      'An order, payment, refund or merchant of the world (any persona), with its whole story',
    tag: 'console',
    answer: { status: 200, schema: ConsoleObjectSchema },
    errors: [...reads, 'NOT_FOUND'],
  },
  consoleExportNdjson: {
    summary: "The world's console log as NDJSON: one ConsoleEntry a line, oldest first",
    tag: 'console',
    answer: { status: 200, schema: ConsoleEntrySchema, contentType: 'application/x-ndjson' },
    errors: reads,
  },
  consoleExportHar: {
    summary: "The merchants' traffic (inbound calls, notification attempts) as a HAR 1.2 file",
    tag: 'console',
    answer: { status: 200, schema: ConsoleHarSchema },
    errors: reads,
  },
} as const satisfies Partial<Record<RouteName, RouteSchema>>
