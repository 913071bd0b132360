// A study's exports (docs/studies.md, "Exports"): one CSV row per participant and task, and every
// event every participant sent as NDJSON.
import { routeAt, taskCounts } from '../domain/study/results.ts'
import type { StudyState } from '../domain/study/model.ts'
import { susScore } from '../domain/study/stats/sus.ts'

export const CSV_COLUMNS = [
  'participantId',
  'route',
  'position',
  'status',
  'timeMs',
  'taps',
  'misclicks',
  'appSwitches',
  'errors',
  'seq',
  'sus',
  'startedAt',
  'endedAt',
] as const

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled. A
 * cell a spreadsheet would run as a formula (= + - @, tab, carriage return first) gets a `'` first.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

const isoOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** `participants.csv`: a header, then a row per participant and task, in the order they joined. */
export function participantsCsv(state: StudyState): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const p of state.participants.values()) {
    const counts = taskCounts(p)
    const sus = p.sus === null ? null : susScore(p.sus)
    p.tasks.forEach((task, i) => {
      const c = counts[i]
      const started = task.status !== 'pending'
      const row = [
        p.id,
        task.route,
        i + 1,
        task.status,
        task.status === 'completed' && task.startedAt !== null && task.endedAt !== null
          ? Math.max(0, task.endedAt - task.startedAt)
          : null,
        started && c ? c.taps : null,
        started && c ? c.misclicks : null,
        started && c ? c.appSwitches : null,
        started && c ? c.errors : null,
        task.seq,
        sus,
        isoOf(task.startedAt),
        isoOf(task.endedAt),
      ]
      lines.push(row.map(csvCell).join(','))
    })
  }
  return `${lines.join('\r\n')}\r\n`
}

/**
 * `events.ndjson`: `{ participantId, route, …event }` a line, each participant's events in the order
 * they arrived; `route` is the task under way when it happened (null between tasks). Streamed a
 * participant at a time, so a big study is never one string.
 */
export function eventsNdjson(state: StudyState): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const people = [...state.participants.values()]
  let next = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const p = people[next++]
      if (!p) {
        controller.close()
        return
      }
      let chunk = ''
      for (const event of p.events) {
        chunk += `${JSON.stringify({ participantId: p.id, route: routeAt(p, event.at), ...event })}\n`
      }
      if (chunk !== '') controller.enqueue(encoder.encode(chunk))
    },
  })
}
