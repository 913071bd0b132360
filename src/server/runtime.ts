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
}

export function optionsFromEnv(env: NodeJS.ProcessEnv, defaultData: string): RuntimeOptions {
  return { data: env.GATEWAY_DATA || defaultData, testApi: env.GATEWAY_TEST_API !== 'off' }
}

function log(message: string, error?: unknown): void {
  if (error === undefined) console.warn(`[gateway] ${message}`)
  else console.error(`[gateway] ${message}`, error)
}

/** Store, API, notification outbox and timers, as `npm start` and `npm run dev` both run them. */
export function startRuntime(options: RuntimeOptions) {
  const live = new LiveLog()
  const store = openStore(options.data, Date.now, [live])
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
  deadlines.unref()
  reconcile.unref()
  return {
    app,
    store,
    outbox,
    close() {
      clearInterval(deadlines)
      clearInterval(reconcile)
      store.close()
    },
  }
}
