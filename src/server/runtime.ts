import { randomBytes } from 'node:crypto'
import { createApp } from './http/app.ts'
import { realScheduler } from './http/notify.ts'
import { cryptoIds } from './store/ids.ts'
import { parseNotifyAllow } from './wechatpay/allow.ts'
import { MerchantDirectory } from './wechatpay/directory.ts'
import { loadKeys } from './wechatpay/keys.ts'
import { httpTransport } from './wechatpay/transport.ts'
import { AlipayDirectory } from './alipay/directory.ts'
import { loadAlipayKeys } from './alipay/keys.ts'
import { worldLimitsFromEnv } from './worlds/limits.ts'
import type { WorldLimits } from './worlds/limits.ts'
import { Worlds } from './worlds/worlds.ts'
import { StudyStore } from './lab/studies.ts'
import type { World } from './worlds/world.ts'

export interface RuntimeOptions {
  /** A data folder, or `memory`. */
  data: string
  testApi: boolean
  /** Bytes of journal after which a snapshot is taken (GATEWAY_SNAPSHOT_BYTES; default 32 MiB). */
  snapshotBytes?: number
  /** How many worlds and events (default: from the environment, see worlds.ts). */
  limits?: WorldLimits
}

export function optionsFromEnv(env: NodeJS.ProcessEnv, defaultData: string): RuntimeOptions {
  const snapshotBytes = Number(env.GATEWAY_SNAPSHOT_BYTES)
  return {
    data: env.GATEWAY_DATA || defaultData,
    testApi: env.GATEWAY_TEST_API !== 'off',
    ...(Number.isInteger(snapshotBytes) && snapshotBytes > 0 ? { snapshotBytes } : {}),
  }
}

function log(message: string, error?: unknown): void {
  if (error === undefined) console.warn(`[gateway] ${message}`)
  else console.error(`[gateway] ${message}`, error)
}

/** Worlds, API, notification outboxes and timers, as `npm start` and `npm run dev` both run them. */
export function startRuntime(options: RuntimeOptions) {
  // The gateway and merchant share a process, so a per-process key is enough to sign notifications.
  const secret = process.env.GATEWAY_NOTIFY_SECRET || randomBytes(32).toString('hex')
  // WeChat Pay APIv3: keys made on the first start and kept with the data; where notifications may go.
  const keys = loadKeys(options.data)
  // Alipay's OpenAPI: its keys kept the same way, next to WeChat's.
  const alipayKeys = loadAlipayKeys(options.data)
  const notifyAllow = parseNotifyAllow(process.env.GATEWAY_NOTIFY_ALLOW)
  const worlds = new Worlds({
    data: options.data,
    secret,
    scheduler: realScheduler,
    log,
    limits: options.limits ?? worldLimitsFromEnv(process.env),
    ...(options.snapshotBytes ? { journal: { snapshotBytes: options.snapshotBytes } } : {}),
    wechatpay: {
      directory: new MerchantDirectory(keys, log),
      transport: httpTransport(notifyAllow),
    },
    alipay: { directory: new AlipayDirectory(alipayKeys, log) },
  })
  // Studies (docs/studies.md) beside the worlds, in the same data folder, outside every world's TTL.
  const studies = new StudyStore({ data: options.data, log })
  const app = createApp({
    worlds,
    studies,
    ids: cryptoIds,
    testApi: options.testApi,
    slowNetworkMs: 2000,
    heartbeatMs: 15_000,
    log,
    notifyAllow,
  })
  const guard = (what: string, task: () => void) => () => {
    try {
      task()
    } catch (error) {
      log(`${what} failed`, error)
    }
  }
  // The worlds opened so far: a saved world joins once its journal is read (Worlds.openSaved).
  const eachWorld = (task: (world: World) => void) => () => {
    for (const world of worlds.opened()) task(world)
  }
  // Timers live here, in the adapter: deadlines close on their own, late notifications get queried,
  // WeChat Pay notifications go out when due on each world's clock, a degraded store (its disk failed a
  // write) tries the disk once a second, unused worlds expire.
  const timers = [
    setInterval(
      guard(
        'closing what fell due',
        eachWorld((w) => w.store.closeExpired()),
      ),
      250,
    ),
    setInterval(
      guard(
        'querying late payments',
        eachWorld((w) => w.outbox.reconcile()),
      ),
      500,
    ),
    setInterval(
      guard(
        'sending WeChat Pay notifications',
        eachWorld((w) => void w.wechatpay.notifier.runDue()),
      ),
      250,
    ),
    setInterval(
      guard(
        'sending Alipay notifications',
        eachWorld((w) => void w.alipay.notifier.runDue()),
      ),
      250,
    ),
    setInterval(
      guard(
        'probing the disk',
        eachWorld((w) => w.store.recover()),
      ),
      1000,
    ),
    setInterval(
      guard('expiring unused worlds', () => worlds.expire()),
      60_000,
    ),
  ]
  for (const timer of timers) timer.unref()
  return {
    app,
    worlds,
    keys,
    alipayKeys,
    close() {
      for (const timer of timers) clearInterval(timer)
      worlds.close()
      studies.close()
    },
  }
}
