import type { AppDeps, AppOptions } from './env.ts'
import { publicOriginFromEnv } from './public-origin.ts'
import { StreamRegistry, streamLimitsFromEnv } from './streams.ts'
import { processTestToken, socketAddress } from './test-guard.ts'

/**
 * `AppDeps` with what was left out taken from the environment: the stream caps
 * (`GATEWAY_STREAMS_PER_ORDER`, `GATEWAY_STREAMS_MAX`), the test token (`GATEWAY_TEST_TOKEN`, else one
 * per process), the peer's address from @hono/node-server's bindings and the public origin of links
 * (`PUBLIC_URL`, `ALLOWED_HOSTS`). A bad value throws.
 */
export function appDeps(options: AppOptions, env: NodeJS.ProcessEnv = process.env): AppDeps {
  return {
    ...options,
    streams: options.streams ?? new StreamRegistry(streamLimitsFromEnv(env)),
    testToken: options.testToken ?? processTestToken(env),
    remoteAddress: options.remoteAddress ?? socketAddress,
    publicOrigin: options.publicOrigin ?? publicOriginFromEnv(env),
  }
}
