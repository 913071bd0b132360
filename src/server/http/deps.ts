import { parseNotifyAllow } from '../wechatpay/allow.ts'
import { StudyStore } from '../lab/studies.ts'
import { realScheduler } from './notify.ts'
import type { AppDeps, AppOptions } from './env.ts'
import { publicOriginFromEnv } from './public-origin.ts'
import { StreamRegistry, streamLimitsFromEnv } from './streams.ts'
import { processTestToken, socketAddress } from './test-guard.ts'

/**
 * `AppDeps` with what was left out taken from the environment: the stream caps
 * (`GATEWAY_STREAMS_PER_ORDER`, `GATEWAY_STREAMS_MAX`), the test token (`GATEWAY_TEST_TOKEN`, else one
 * per process), the peer's address from @hono/node-server's bindings, the public origin of links
 * (`PUBLIC_URL`, `ALLOWED_HOSTS`), where notifications may go (`GATEWAY_NOTIFY_ALLOW`) and the /v3
 * rate (`GATEWAY_WECHATPAY_QPS`); studies in memory and the scripted friend on real timers unless
 * given. A bad value throws.
 */
export function appDeps(options: AppOptions, env: NodeJS.ProcessEnv = process.env): AppDeps {
  return {
    ...options,
    streams: options.streams ?? new StreamRegistry(streamLimitsFromEnv(env)),
    testToken: options.testToken ?? processTestToken(env),
    remoteAddress: options.remoteAddress ?? socketAddress,
    publicOrigin: options.publicOrigin ?? publicOriginFromEnv(env),
    notifyAllow: options.notifyAllow ?? parseNotifyAllow(env.GATEWAY_NOTIFY_ALLOW),
    wechatpayQps: options.wechatpayQps ?? qpsFromEnv(env.GATEWAY_WECHATPAY_QPS),
    studies: options.studies ?? new StudyStore({ data: 'memory', log: options.log }),
    studyTiming: options.studyTiming ?? { scheduler: realScheduler, random: Math.random },
  }
}

/** GATEWAY_WECHATPAY_QPS: a whole number from 1 (default 1000). */
function qpsFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return 1000
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`GATEWAY_WECHATPAY_QPS: a whole number from 1, not ${value}`)
  return n
}
