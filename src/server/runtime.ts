import { randomBytes } from 'node:crypto'
import { createApp } from './http/app.ts'
import { inProcessNotifier } from './http/notify.ts'
import { closeExpired } from './store/deadlines.ts'
import { cryptoIds } from './store/ids.ts'
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

/** Store, API and deadline timer, as `npm start` and `npm run dev` both run them. */
export function startRuntime(options: RuntimeOptions) {
  const store = openStore(options.data)
  // The gateway and merchant share a process, so a per-process key is enough to sign notifications.
  const secret = process.env.GATEWAY_NOTIFY_SECRET || randomBytes(32).toString('hex')
  const app = createApp({
    store,
    ids: cryptoIds,
    notifier: inProcessNotifier(store, secret, log),
    testApi: options.testApi,
    slowNetworkMs: 2000,
    log,
  })
  const timer = setInterval(() => {
    try {
      closeExpired(store)
    } catch (error) {
      log('closing expired orders failed', error)
    }
  }, 1000)
  timer.unref()
  return {
    app,
    store,
    close() {
      clearInterval(timer)
      store.close()
    },
  }
}
