import { randomBytes } from 'node:crypto'
import { createApp } from './http/app.ts'
import { FaultSwitch } from './http/faults.ts'
import { NotificationOutbox, realScheduler } from './http/notify.ts'
import { cryptoIds } from './store/ids.ts'
import { LiveLog } from './store/live.ts'
import { openStore } from './store/store.ts'

export interface RuntimeOptions {
  /** A data folder, or `memory`. */
  data: string
  testApi: boolean
  /** Bytes of journal after which a snapshot is taken (GATEWAY_SNAPSHOT_BYTES; default 32 MiB). */
  snapshotBytes?: number
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

/** Store, API, notification outbox and timers, as `npm start` and `npm run dev` both run them. */
export function startRuntime(options: RuntimeOptions) {
  const live = new LiveLog()
  const store = openStore(options.data, Date.now, [live], {
    log: (message) => log(message),
    ...(options.snapshotBytes ? { snapshotBytes: options.snapshotBytes } : {}),
  })
  const faults = new FaultSwitch()
  // The gateway and merchant share a process, so a per-process key is enough to sign notifications.
  const secret = process.env.GATEWAY_NOTIFY_SECRET || randomBytes(32).toString('hex')
  const outbox = new NotificationOutbox({ store, secret, faults, scheduler: realScheduler, log })
  store.observe(outbox)
  outbox.resume()
  const app = createApp({
    store,
    ids: cryptoIds,
    outbox,
    faults,
    live,
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
  // Timers live here, in the adapter: deadlines close on their own, late notifications get queried.
  const deadlines = setInterval(
    guard('closing what fell due', () => store.closeExpired()),
    250,
  )
  const reconcile = setInterval(
    guard('querying late payments', () => outbox.reconcile()),
    500,
  )
  // A degraded store (its disk failed a write) tries the disk once a second and takes changes again.
  const recovery = setInterval(
    guard('probing the disk', () => store.recover()),
    1000,
  )
  deadlines.unref()
  reconcile.unref()
  recovery.unref()
  return {
    app,
    store,
    outbox,
    close() {
      clearInterval(deadlines)
      clearInterval(reconcile)
      clearInterval(recovery)
      store.close()
    },
  }
}
