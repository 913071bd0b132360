import { afterDelivery, afterFailedAttempt, dueRecords } from '../notification-retry.ts'
import { iso, MINUTE_MS, HOUR_MS } from '../result.ts'
import { accept } from '../result.ts'
import type { Decision } from '../result.ts'
import type { V3NotificationRecord, WechatpayState } from './state.ts'

const SECOND_MS = 1000

/**
 * WeChat's schedule after a notification fails (a non-2xx answer, a timeout, no connection): 15 s,
 * 15 s, 30 s, 3 m, 10 m, 20 m, 30 m, 30 m, 30 m, 60 m, 3 h, 3 h, 3 h, 6 h, 6 h (24 h 4 m in all), then
 * it gives up. Counted on the world's clock, so a tester can move it on.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  15 * SECOND_MS,
  15 * SECOND_MS,
  30 * SECOND_MS,
  3 * MINUTE_MS,
  10 * MINUTE_MS,
  20 * MINUTE_MS,
  30 * MINUTE_MS,
  30 * MINUTE_MS,
  30 * MINUTE_MS,
  60 * MINUTE_MS,
  3 * HOUR_MS,
  3 * HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  6 * HOUR_MS,
]

function pending(state: WechatpayState, id: string): V3NotificationRecord | null {
  const note = state.notifications.get(id)
  return note?.status === 'PENDING' ? note : null
}

/** An attempt made at `at` failed: the next is due by the schedule, or none after the last. */
export function notificationFailed(
  state: WechatpayState,
  id: string,
  error: string,
  at: number,
): Decision<V3NotificationRecord | null> {
  const note = pending(state, id)
  if (!note) return accept(null)
  const next = afterFailedAttempt(note, RETRY_SCHEDULE_MS, error, at)
  return accept(next, [
    {
      type: 'wechatpay.notification.failed',
      id,
      attempts: next.attempts,
      nextAtMs: next.nextAtMs,
      error: next.lastError ?? '',
    },
  ])
}

/** The merchant acknowledged (2xx): nothing more is sent. */
export function notificationDelivered(
  state: WechatpayState,
  id: string,
  at: number,
): Decision<V3NotificationRecord | null> {
  const note = pending(state, id)
  if (!note) return accept(null)
  const next = afterDelivery(note)
  return accept(next, [
    { type: 'wechatpay.notification.delivered', id, attempts: next.attempts, at: iso(at) },
  ])
}

/** The pending notifications due by `now`, earliest first. */
export function dueNotifications(state: WechatpayState, now: number): V3NotificationRecord[] {
  return dueRecords(state.pendingNotifications, state.notifications, now)
}
