// The retry rules every payment sandbox's outbound notifications share (WeChat Pay APIv3, Alipay): each
// with its own schedule and its own events, the same record steps.

/** What a retried notification keeps of its deliveries. */
export interface RetriedRecord {
  attempts: number
  nextAtMs: number | null
  lastError: string | null
  status: 'PENDING' | 'DELIVERED' | 'FAILED'
}

/** An attempt made at `at` failed: the next is due by `schedule` (waits in ms), or none after the last. */
export function afterFailedAttempt<R extends RetriedRecord>(
  note: R,
  schedule: readonly number[],
  error: string,
  at: number,
): R {
  const attempts = note.attempts + 1
  const wait = schedule[attempts - 1]
  const nextAtMs = wait === undefined ? null : at + wait
  return {
    ...note,
    attempts,
    nextAtMs,
    lastError: error.slice(0, 300),
    status: nextAtMs === null ? 'FAILED' : 'PENDING',
  }
}

/** The merchant acknowledged it: nothing more is sent. */
export function afterDelivery<R extends RetriedRecord>(note: R): R {
  return {
    ...note,
    attempts: note.attempts + 1,
    status: 'DELIVERED',
    nextAtMs: null,
    lastError: null,
  }
}

/** Of the pending ids, the records due by `now`, earliest first. */
export function dueRecords<R extends RetriedRecord>(
  pendingIds: Iterable<string>,
  records: ReadonlyMap<string, R>,
  now: number,
): R[] {
  const due: R[] = []
  for (const id of pendingIds) {
    const note = records.get(id)
    if (note && note.nextAtMs !== null && note.nextAtMs <= now) due.push(note)
  }
  return due.sort((a, b) => (a.nextAtMs ?? 0) - (b.nextAtMs ?? 0))
}
