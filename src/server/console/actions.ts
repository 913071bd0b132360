import type { ConsoleEntry, ResendAnswer } from '../../contract/console.ts'
import type { Faults } from '../../contract/test-api.ts'
import type { ClockTarget } from '../../contract/test-api.ts'
import { V3ErrorCodeSchema } from '../../contract/wechatpay.ts'
import { openItems } from '../domain/expiry.ts'
import { cancelOrder, refundOrder } from '../domain/merchant/refunds.ts'
import { iso } from '../domain/result.ts'
import type { AppDeps } from '../http/env.ts'
import type { MerchantFault } from '../http/faults.ts'
import { fail } from '../http/respond.ts'
import type { RouteHandlers } from '../http/route-table.ts'
import { randomBytes } from '../store/ids.ts'
import type { World } from '../worlds/world.ts'

// The console's actions (docs/console.md), test routes like any other (guarded, 404 with the test API
// off, in the caller's world only): resend a notification, fail a merchant's next call, refund or close
// an order; and what `POST /api/__test/clock { to }` moves the clock to.

/** An Alipay sub_code: `ACQ.SYSTEM_ERROR`, `isv.invalid-signature`, `isp.unknow-error`, … */
const ALIPAY_SUB_CODE = /^[A-Za-z]{2,8}\.[A-Za-z0-9_.-]{1,56}$/

/** When the next notification attempt is due, any channel (`Infinity`: none is waiting). */
function nextRetryAt(world: World): number {
  return Math.min(
    world.outbox.nextDueAt(),
    world.wechatpay.notifier.nextDueAt(),
    world.alipay.notifier.nextDueAt(),
  )
}

/** When the next of Taobao's orders or payment attempts reaches its deadline (`Infinity`: none). */
function nextDeadlineAt(world: World): number {
  let next = Infinity
  for (const item of openItems(world.store.state)) {
    if (item.kind !== 'friend') next = Math.min(next, item.atMs)
  }
  return next
}

/** Where `to` moves the world's clock, or why it cannot (NOTHING_DUE). */
export function clockTarget(
  world: World,
  to: ClockTarget,
): number | { code: 'NOTHING_DUE'; message: string } {
  const at = to === 'next-retry' ? nextRetryAt(world) : nextDeadlineAt(world)
  if (Number.isFinite(at)) return at
  return {
    code: 'NOTHING_DUE',
    message:
      to === 'next-retry'
        ? 'no notification is waiting for a retry in this world (any channel)'
        : 'no order or payment attempt of this world has a deadline ahead',
  }
}

/** Sends what the clock made due, on every channel, and waits for the attempts to be journalled. */
export async function runDueNotifications(world: World): Promise<void> {
  world.outbox.runDue()
  await Promise.all([world.wechatpay.notifier.runDue(), world.alipay.notifier.runDue()])
}

/** A fault change as a console entry (the faults are not journalled: the test route logs them). */
export function logFaults(
  world: World,
  faults: Faults | { merchant: string; fault: MerchantFault },
) {
  const summary =
    'merchant' in faults
      ? `${faults.merchant}'s next signed call answers ${faults.fault.code}`
      : `faults: notify ${faults.notify}, signature ${faults.notifySign}, latency ${faults.latencyMs} ms, fail next confirm ${faults.failNextConfirm ?? 'no'}, fail next /v3 call ${faults.wechatpayFailNext ?? 'no'}`
  world.console.add({
    at: iso(world.store.now()),
    kind: 'event',
    type: 'faults.changed',
    summary,
    refs: 'merchant' in faults ? { merchant: faults.merchant } : {},
    detail: faults,
  })
}

/** Sends a notification of any channel again; the channel, or null when the world has no such one. */
async function resend(world: World, id: string): Promise<ResendAnswer['channel'] | null> {
  const { gateway, wechatpay, alipay } = world.store.state
  if (gateway.payments.has(id)) return world.outbox.resend(id) ? 'taobao' : null
  if (wechatpay.notifications.has(id)) {
    return (await world.wechatpay.notifier.resend(id)) ? 'wechatpay' : null
  }
  if (alipay.notifications.has(id))
    return (await world.alipay.notifier.resend(id)) ? 'alipay' : null
  return null
}

type ActionRoute =
  'testResendNotification' | 'testMerchantFailNext' | 'testRefundOrder' | 'testCloseOrder'

export function consoleActionHandlers(deps: AppDeps): RouteHandlers<ActionRoute> {
  return {
    testResendNotification: async (c, { params: { id } }) => {
      const world = c.get('world')
      const before = world.console.last
      const channel = await resend(world, id)
      if (!channel) {
        return fail(c, {
          code: 'NOT_FOUND',
          message: `this world has no notification ${id.slice(0, 80)} (Taobao's: a paid payment's id)`,
        })
      }
      await world.store.durable()
      const deliveries = world.console
        .since(before)
        .filter((e: ConsoleEntry) => e.kind === 'delivery' && e.refs.notificationId === id)
      return c.json({ notificationId: id, channel, deliveries })
    },
    testMerchantFailNext: (c, { params: { id }, body: { code } }) => {
      const world = c.get('world')
      const api =
        deps.worlds.directory.lookup(id)?.world === world.id
          ? 'wechatpay'
          : deps.worlds.alipayDirectory.lookup(id)?.world === world.id
            ? 'alipay'
            : null
      if (!api) {
        return fail(c, {
          code: 'NOT_FOUND',
          message: `this world has no merchant (mchid or app_id) ${id.slice(0, 40)}`,
        })
      }
      let fault: MerchantFault
      if (api === 'wechatpay') {
        const parsed = V3ErrorCodeSchema.safeParse(code)
        if (!parsed.success) {
          return fail(c, {
            code: 'PARAM_ERROR',
            message: `code: one of WeChat Pay's error codes (${V3ErrorCodeSchema.options.join(', ')})`,
          })
        }
        fault = { api, code: parsed.data }
      } else {
        if (!ALIPAY_SUB_CODE.test(code)) {
          return fail(c, {
            code: 'PARAM_ERROR',
            message: 'code: an Alipay sub_code, like ACQ.SYSTEM_ERROR',
          })
        }
        fault = { api, code }
      }
      world.faults.failNext(id, fault)
      logFaults(world, { merchant: id, fault })
      return c.json({ merchant: id, api, code: fault.code })
    },
    testRefundOrder: (c, { params: { orderId }, body }) => {
      const { store } = c.get('world')
      const refundId = `RF${randomBytes(10).toString('hex')}`
      const result = store.run((s, now) =>
        refundOrder(s, { orderId, amountFen: body.amountFen, refundId }, now),
      )
      return result.ok ? c.json(result.value) : fail(c, result.error)
    },
    testCloseOrder: (c, { params: { orderId } }) => {
      const { store } = c.get('world')
      const result = store.run((s, now) => cancelOrder(s, orderId, now))
      return result.ok ? c.json(result.value.order) : fail(c, result.error)
    },
  }
}
