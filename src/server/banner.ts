import { networkInterfaces } from 'node:os'
import type { NetworkInterfaceInfo } from 'node:os'
import { TEST_TOKEN_HEADER, TEST_TOKEN_QUERY } from '../contract/headers.ts'

/** The first IPv4 address of this machine that other machines can reach (not loopback), if any. */
export function lanAddress(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string | null {
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal) return info.address
    }
  }
  return null
}

export interface BannerOptions {
  port: number
  /** What the server listens on (`HOST`). */
  hostname: string
  /** The test API's token, or null when the test API is off. */
  testToken: string | null
  lan?: string | null
}

/**
 * What `npm start` prints: the local URL first (scripts wait for `http://localhost:<port>/`), then, when
 * it listens beyond loopback, the URL for a phone on the same network, which carries the test token
 * (`?token=`) so the phone's simulator panel can use the test API.
 */
export function startBanner(options: BannerOptions): string[] {
  const { port, hostname, testToken } = options
  const lines = [`Taobao × WeChat Pay simulator: http://localhost:${port}/`]
  const everywhere = hostname === '0.0.0.0' || hostname === '::' || hostname === ''
  const local = hostname === 'localhost' || hostname.startsWith('127.') || hostname === '::1'
  const lan = everywhere ? (options.lan ?? null) : local ? null : hostname
  if (lan) {
    const host = lan.includes(':') ? `[${lan}]` : lan
    const query = testToken ? `?${TEST_TOKEN_QUERY}=${encodeURIComponent(testToken)}` : ''
    lines.push(`  on a phone on this network: http://${host}:${port}/${query}`)
  }
  if (testToken) {
    lines.push(
      `  test API token (header ${TEST_TOKEN_HEADER} or ?${TEST_TOKEN_QUERY}=, needed from beyond loopback): ${testToken}`,
    )
  }
  return lines
}

/** What `npm start` says of the WeChat Pay APIv3 sandbox: where its keys are, their ids, the demo mchid. */
export function wechatpayBanner(
  keys: { location: string | null; platform: { publicKeyId: string; serialNo: string } },
  mchid: string,
): string[] {
  return [
    `  WeChat Pay APIv3 sandbox at /v3: keys ${keys.location ?? 'in memory'} (GET /api/__test/wechatpay/keys)`,
    `    demo mchid ${mchid} · platform public key ${keys.platform.publicKeyId} · certificate ${keys.platform.serialNo}`,
  ]
}

/** What `npm start` prints of the Alipay sandbox: where its keys are, the default world's demo app. */
export function alipayBanner(keys: { location: string | null }, appId: string): string[] {
  return [
    `  Alipay OpenAPI sandbox at /gateway.do and /v3/alipay: keys ${keys.location ?? 'in memory'} (GET /api/__test/alipay/keys)`,
    `    demo app_id ${appId} (alipay-sdk: gateway ORIGIN/gateway.do, endpoint ORIGIN)`,
  ]
}
