import { ConsoleEntrySchema } from '@/contract/console.ts'
import { TEST_TOKEN_QUERY, WORLD_QUERY } from '@/contract/headers.ts'
import { routePath } from '@/contract/routes.ts'
import { callRoute } from '@/lib/api/call.ts'
import { answerLoad, runMachine, type Perform } from '@/lib/machine.ts'
import { testToken } from '@/lib/settings.ts'
import { useMachine } from '@/lib/useMachine.ts'
import {
  initialTimeline,
  stepTimeline,
  type TimelineEffect,
  type TimelineEvent,
  type TimelineState,
} from './timeline.ts'

/** The stream's URL: EventSource sends no headers, so the world (and a token) go in the query. */
export function timelineStreamUrl(world: string | null, after: number): string {
  const query = new URLSearchParams({ after: String(after) })
  if (world) query.set(WORLD_QUERY, world)
  const token = testToken()
  if (token) query.set(TEST_TOKEN_QUERY, token)
  return `/api${routePath('consoleEvents', {})}?${query.toString()}`
}

function performFor(world: string | null): Perform<TimelineEvent, TimelineEffect> {
  return (effect, send, signal) => {
    switch (effect.kind) {
      case 'load':
        answerLoad(send, effect.round, callRoute('consoleTimeline', { query: {}, signal }))
        return
      case 'follow': {
        // EventSource reconnects by itself and sends Last-Event-ID: the server replays what was missed.
        const source = new EventSource(timelineStreamUrl(world, effect.after))
        source.onopen = () => send({ type: 'STREAM_OPEN' })
        source.onerror = () => send({ type: 'STREAM_DROPPED' })
        source.addEventListener('entry', (message: MessageEvent<string>) => {
          let data: unknown
          try {
            data = JSON.parse(message.data)
          } catch {
            return
          }
          const parsed = ConsoleEntrySchema.safeParse(data)
          if (parsed.success) send({ type: 'ENTRY', entry: parsed.data })
        })
        signal.addEventListener('abort', () => source.close(), { once: true })
        return
      }
    }
  }
}

/** The world's timeline, live, for the life of the component (one hook owns the stream). */
export function useTimeline(world: string | null): [TimelineState, (event: TimelineEvent) => void] {
  return useMachine(() =>
    runMachine({ initial: initialTimeline(), step: stepTimeline, perform: performFor(world) }),
  )
}
