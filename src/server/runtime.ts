import { randomBytes } from 'node:crypto'
import { createApp } from './http/app.ts'
import { realScheduler } from './http/notify.ts'
import { cryptoIds } from './store/ids.ts'
import { Worlds, worldLimitsFromEnv } from './worlds/worlds.ts'
import type { World, WorldLimits } from './worlds/worlds.ts'

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
  const worlds = new Worlds({
    data: options.data,
    secret,
    scheduler: realScheduler,
    log,
    limits: options.limits ?? worldLimitsFromEnv(process.env),
    ...(options.snapshotBytes ? { journal: { snapshotBytes: options.snapshotBytes } } : {}),
  })
  const app = createApp({
    worlds,
    ids: cryptoIds,
    testApi: options.testApi,
    slowNetworkMs: 2000,
    heartbeatMs: 15_000,
    log,
  })
  const guard = (what: string, task: () => void) => () => {
    try {
      task()
    } catch (error) {
      log(`${what} failed`, error)
    }
  }
  const eachWorld = (task: (world: World) => void) => () => {
    for (const world of worlds.all()) task(world)
  }
  // Timers live here, in the adapter: deadlines close on their own, late notifications get queried,
  // a degraded store (its disk failed a write) tries the disk once a second, unused worlds expire.
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
    close() {
      for (const timer of timers) clearInterval(timer)
      worlds.close()
    },
  }
}
