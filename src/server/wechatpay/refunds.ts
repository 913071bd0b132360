import { randomUUID } from 'node:crypto'
import { createRefund } from '../domain/wechatpay/refunds.ts'
import { refundKey } from '../domain/wechatpay/state.ts'
import type { AppDeps } from '../http/env.ts'
import { fingerprint } from '../http/respond.ts'
import type { V3RouteHandlers } from '../http/route-table.ts'
import { encryptResource } from './crypto.ts'
import { refusedNotifyUrl } from './orders.ts'
import { systemError, v3fail, v3refusal } from './respond.ts'
import { refundView, rfc3339 } from './views.ts'

/** How late the first attempt of a notification made now goes (the `delay` fault), on the world's clock. */
export function notifyDelayMs(faults: {
  current: { notify: string }
  notifyDelayMs: number
}): number {
  return faults.current.notify === 'delay' ? faults.notifyDelayMs : 0
}

/** 退款申请, 查询单笔退款, 下载平台证书. */
export function refundHandlers(
  deps: AppDeps,
): V3RouteHandlers<'v3Refund' | 'v3RefundQuery' | 'v3Certificates'> {
  return {
    v3Refund: async (c, { body }) => {
      const { merchant } = c.get('v3')
      const world = c.get('world')
      if (body.notify_url) {
        const badUrl = await refusedNotifyUrl(deps, c, body.notify_url)
        if (badUrl) return badUrl
      }
      const refundId = `50${deps.ids.transactionId('wechat', world.store.now()).slice(1)}`
      const result = world.store.run((s, now) =>
        createRefund(
          s.wechatpay,
          {
            mchid: merchant.mchid,
            body,
            fingerprint: fingerprint(body),
            refundId,
            notificationId: randomUUID(),
            notifyAtMs: now + notifyDelayMs(world.faults),
          },
          now,
        ),
      )
      if (!result.ok) return systemError(c, result.error)
      if (!result.value.ok) return v3fail(c, result.value.error)
      return c.json(refundView(result.value.value))
    },
    v3RefundQuery: (c, { params }) => {
      const { merchant } = c.get('v3')
      const refund = c
        .get('world')
        .store.state.wechatpay.refunds.get(refundKey(merchant.mchid, params.out_refund_no))
      return refund
        ? c.json(refundView(refund))
        : v3fail(c, v3refusal('RESOURCE_NOT_EXISTS', '退款单不存在'))
    },
    v3Certificates: (c) => {
      const { merchant } = c.get('v3')
      const platform = deps.worlds.directory.keys.platform
      return c.json({
        data: [
          {
            serial_no: platform.serialNo,
            effective_time: rfc3339(platform.notBefore),
            expire_time: rfc3339(platform.notAfter),
            encrypt_certificate: encryptResource(
              platform.certificatePem,
              merchant.apiV3Key,
              'certificate',
            ),
          },
        ],
      })
    },
  }
}
