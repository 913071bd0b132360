import type { ShopperContext } from '../domain/cashier.ts'
import type { IdSource } from '../store/ids.ts'
import type { Store } from '../store/store.ts'
import type { Notifier } from './notify.ts'

export interface AppDeps {
  store: Store
  ids: IdSource
  notifier: Notifier
  /** `GATEWAY_TEST_API=off` turns /api/__test into 404s. */
  testApi: boolean
  /** Extra time every answer takes for the `slow_network` persona. */
  slowNetworkMs: number
  log: (message: string, error?: unknown) => void
}

export interface AppEnv {
  Variables: { who: ShopperContext }
}
