import { afterDelivery, afterFailedAttempt, dueRecords } from '../notification-retry.ts'
import { HOUR_MS, MINUTE_MS, accept, iso } from '../result.ts'
import type { Decision } from '../result.ts'
import type { AlipayTradeStatus } from '../../../contract/alipay.ts'
import type { AlipayNotificationRecord, AlipayState, AlipayTradeRecord } from './state.ts'

/**
 * Alipay's schedule after a notification is not answered `success`: 4 m, 10 m, 10 m, 1 h, 2 h, 6 h,
 * 15 h (eight attempts over about 25 hours), then it gives up. On the world's clock.
 */
export const ALIPAY_RETRY_SCHEDULE_MS: readonly number[] = [
  4 * MINUTE_MS,
  10 * MINUTE_MS,
  10 * MINUTE_MS,
  1 * HOUR_MS,
  2 * HOUR_MS,
  6 * HOUR_MS,
  15 * HOUR_MS,
]

/** Where a notification comes from: its id and when its first attempt falls due (the `delay` fault). */
export interface NotifyPlan {
  id: string
  atMs: number
}

/** The notification a change of `trade` owes, if it named a notify_url. */
export function owed(
  trade: AlipayTradeRecord,
  tradeStatus: AlipayTradeStatus,
  plan: NotifyPlan,
  now: number,
  refundKey: string | null = null,
): AlipayNotificationRecord | null {
  if (!trade.notifyUrl) return null
  return {
    id: plan.id,
    appId: trade.appId,
    tradeKey: trade.key,
    tradeStatus,
    refundKey,
    url: trade.notifyUrl,
    createdAt: iso(now),
    attempts: 0,
    nextAtMs: plan.atMs,
    status: 'PENDING',
    lastError: null,
  }
}

function pending(state: AlipayState, id: string): AlipayNotificationRecord | null {
  const note = state.notifications.get(id)
  return note?.status === 'PENDING' ? note : null
}

/** An attempt made at `at` was not acknowledged: the next is due by the schedule, or none after the last. */
export function alipayNotificationFailed(
  state: AlipayState,
  id: string,
  error: string,
  at: number,
): Decision<AlipayNotificationRecord | null> {
  const note = pending(state, id)
  if (!note) return accept(null)
  const next = afterFailedAttempt(note, ALIPAY_RETRY_SCHEDULE_MS, error, at)
  return accept(next, [
    {
      type: 'alipay.notification.failed',
      id,
      attempts: next.attempts,
      nextAtMs: next.nextAtMs,
      error: next.lastError ?? '',
    },
  ])
}

/** The merchant answered `success`: nothing more is sent. */
export function alipayNotificationDelivered(
  state: AlipayState,
  id: string,
  at: number,
): Decision<AlipayNotificationRecord | null> {
  const note = pending(state, id)
  if (!note) return accept(null)
  const next = afterDelivery(note)
  return accept(next, [
    { type: 'alipay.notification.delivered', id, attempts: next.attempts, at: iso(at) },
  ])
}

/** The pending notifications due by `now`, earliest first. */
export function dueAlipayNotifications(
  state: AlipayState,
  now: number,
): AlipayNotificationRecord[] {
  return dueRecords(state.pendingNotifications, state.notifications, now)
}
