import type { ShopperContext } from '../domain/cashier.ts'
import type { IdSource } from '../store/ids.ts'
import type { LiveLog } from '../store/live.ts'
import type { Store } from '../store/store.ts'
import type { FaultSwitch } from './faults.ts'
import type { NotificationOutbox } from './notify.ts'

export interface AppDeps {
  store: Store
  ids: IdSource
  /** Gateway → merchant notifications, and the merchant's query for late ones. */
  outbox: NotificationOutbox
  faults: FaultSwitch
  /** Per-order live events, for the SSE streams. */
  live: LiveLog
  /** `GATEWAY_TEST_API=off` turns /api/__test into 404s. */
  testApi: boolean
  /** Extra time every answer takes for the `slow_network` persona. */
  slowNetworkMs: number
  /** How often an idle event stream sends a comment to keep proxies from closing it. */
  heartbeatMs: number
  log: (message: string, error?: unknown) => void
}

export interface AppEnv {
  Variables: { who: ShopperContext; idemKey: string }
}
