import type { Context } from 'hono'
import type { ShopperContext } from '../domain/cashier.ts'
import type { IdSource } from '../store/ids.ts'
import type { NotifyAllow } from '../wechatpay/allow.ts'
import type { MerchantIdentity } from '../wechatpay/directory.ts'
import type { World } from '../worlds/world.ts'
import type { Worlds } from '../worlds/worlds.ts'
import type { FriendTiming } from '../lab/friend.ts'
import type { StudyStore } from '../lab/studies.ts'
import type { PublicOrigin } from './public-origin.ts'
import type { StreamRegistry } from './streams.ts'

export interface AppDeps {
  /** Every simulated world: each call acts in one (`c.get('world')`: its store, outbox, faults, live log). */
  worlds: Worlds
  ids: IdSource
  /** `GATEWAY_TEST_API=off` turns /api/__test into 404s. */
  testApi: boolean
  /** Extra time every answer takes for the `slow_network` persona. */
  slowNetworkMs: number
  /** How often an idle event stream sends a comment to keep proxies from closing it. */
  heartbeatMs: number
  log: (message: string, error?: unknown) => void
  /** The open event streams and their caps (`GATEWAY_STREAMS_PER_ORDER`, `GATEWAY_STREAMS_MAX`). */
  streams: StreamRegistry
  /** What a test-API call from beyond loopback must carry (`GATEWAY_TEST_TOKEN`, or made at start). */
  testToken: string
  /** The caller's IP address (null: unknown, which counts as beyond loopback). */
  remoteAddress: RemoteAddress
  /** The origin of links and codes (`PUBLIC_URL`, else the request's when its host is allowed). */
  publicOrigin: PublicOrigin
  /** Where WeChat Pay APIv3 notifications may go (`GATEWAY_NOTIFY_ALLOW`, default loopback). */
  notifyAllow: NotifyAllow
  /** Signed /v3 calls a second per mchid before FREQUENCY_LIMITED (`GATEWAY_WECHATPAY_QPS`). */
  wechatpayQps: number
  /** The studies (docs/studies.md), outside every world: in the data folder's `studies/`, or memory. */
  studies: StudyStore
  /** The scripted friend's timers and the draw of its delays. */
  studyTiming: FriendTiming
}

/** Where a request came from: the peer's IP address, or null when there is no socket to ask. */
export type RemoteAddress = (c: Context) => string | null

/** Filled in from the environment when left out (see `appDeps`). */
type Defaulted =
  | 'streams'
  | 'testToken'
  | 'remoteAddress'
  | 'publicOrigin'
  | 'notifyAllow'
  | 'wechatpayQps'
  | 'studies'
  | 'studyTiming'

/** What `createApp` takes: `AppDeps`, the stream caps, test token and address lookup optional. */
export type AppOptions = Omit<AppDeps, Defaulted> & Partial<Pick<AppDeps, Defaulted>>

/** A signed /v3 call, once its signature verified: who signed it, and its body as sent. */
export interface V3Call {
  merchant: MerchantIdentity
  raw: string
}

/**
 * An external merchant's call, as far as its gate got (the console logs it in that world): the merchant
 * and the signature check's result (`none` until it was checked).
 */
export interface CallSeen {
  world: string
  merchant: string
  signature: 'ok' | 'bad' | 'none'
}

export interface AppEnv {
  Variables: { who: ShopperContext; idemKey: string; world: World; v3: V3Call; callSeen: CallSeen }
}
