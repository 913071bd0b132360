// What the WeChat Pay APIv3 sandbox's tests and its bench share: the real SDKs pointed at a running
// simulator with only their base URL changed, and a notify_url server that records what it is sent.
// Tooling, not product: nothing under src/ but tests imports it.
import { createServer } from 'node:http'
import type { Agent, IncomingHttpHeaders, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AxiosRequestConfig, AxiosResponse } from 'axios'
import { Wechatpay } from 'wechatpay-axios-plugin'
import type { WechatpayKeys } from '../../src/contract/wechatpay-test.ts'

/** The test API's keys, of the world named (default: the default world). */
export async function fetchKeys(origin: string, world?: string): Promise<WechatpayKeys> {
  const res = await fetch(`${origin}/api/__test/wechatpay/keys`, {
    headers: world ? { 'x-sim-world': world } : {},
  })
  if (res.status !== 200) throw new Error(`keys: ${res.status} ${await res.text()}`)
  return (await res.json()) as WechatpayKeys
}

/** A call to the simulator's test API (JSON in, status and JSON out). */
export async function testApi(
  origin: string,
  method: string,
  path: string,
  body?: unknown,
  world?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(world ? { 'x-sim-world': world } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

export interface AxiosClientOptions {
  /** Which key answers are verified with: the platform's public key (default) or its certificate. */
  mode?: 'publicKey' | 'certificate'
  mchid?: string
  serialNo?: string
  privateKeyPem?: string
  /** A keep-alive agent (the bench). */
  agent?: Agent
}

/**
 * wechatpay-axios-plugin as a merchant configures it, `baseURL` being the one change: the merchant's
 * mchid, serial and private key, and the platform key it verifies answers with (`certs`).
 */
export function axiosClient(origin: string, keys: WechatpayKeys, options: AxiosClientOptions = {}) {
  const certs =
    options.mode === 'certificate'
      ? { [keys.platformSerialNo]: keys.platformCertificatePem }
      : { [keys.publicKeyId]: keys.publicKeyPem }
  return new Wechatpay({
    mchid: options.mchid ?? keys.merchant.mchid,
    serial: options.serialNo ?? keys.merchant.serialNo,
    privateKey: options.privateKeyPem ?? keys.merchant.privateKeyPem,
    certs,
    baseURL: `${origin}/`,
    ...(options.agent ? { httpAgent: options.agent } : {}),
  })
}

export type SdkResponse = AxiosResponse<Record<string, unknown>>
type SdkConfig = AxiosRequestConfig & Record<string, unknown>

/**
 * The SDK's own `chain('v3/…')` (what `wxpay.v3.pay.transactions.native` builds), typed for tests:
 * `{out_trade_no}` in a path is filled from the config, as the SDK does.
 */
export function v3(wxpay: Wechatpay) {
  return {
    get: (path: string, config: SdkConfig = {}): Promise<SdkResponse> =>
      wxpay.chain(path).get<unknown, SdkResponse>(config),
    post: (path: string, data: unknown, config: SdkConfig = {}): Promise<SdkResponse> =>
      wxpay.chain(path).post<unknown, SdkResponse>(data, config),
  }
}

/** What wechatpay-node-v3's `createHttp` hook takes: its calls, sent to `origin` instead of WeChat's host. */
export interface NodeV3Output {
  status: number
  data?: unknown
  error?: string
}

const WECHAT_HOST = 'https://api.mch.weixin.qq.com'

/** wechatpay-node-v3 hard-codes api.mch.weixin.qq.com: this `createHttp` service sends its calls here. */
export function nodeV3Http(origin: string) {
  const send = async (
    url: string,
    method: 'GET' | 'POST',
    headers: Record<string, string>,
    params?: Record<string, unknown>,
  ): Promise<NodeV3Output> => {
    const res = await fetch(url.replace(WECHAT_HOST, origin), {
      method,
      headers,
      ...(params === undefined ? {} : { body: JSON.stringify(params) }),
    })
    const text = await res.text()
    if (!res.ok) return { status: res.status, error: text }
    return { status: res.status, data: text === '' ? undefined : (JSON.parse(text) as unknown) }
  }
  return {
    post: (url: string, params: Record<string, unknown>, headers: Record<string, string>) =>
      send(url, 'POST', headers, params),
    get: (url: string, headers: Record<string, string>) => send(url, 'GET', headers),
    upload: () => Promise.reject(new Error('not in the sandbox')),
  }
}

export interface Received {
  headers: IncomingHttpHeaders
  body: string
}

/** A merchant's notify_url: records every POST and answers what `answer` says (default 204). */
export async function notifyServer(answer: (got: Received, n: number) => number = () => 204) {
  const received: Received[] = []
  const waiting: ((got: Received) => void)[] = []
  let taken = 0
  const flush = () => {
    while (waiting.length > 0 && taken < received.length) {
      const got = received[taken++]
      if (got) waiting.shift()?.(got)
    }
  }
  let respond = answer
  const server: Server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (body += chunk))
    req.on('end', () => {
      const got = { headers: req.headers, body }
      received.push(got)
      const status = respond(got, received.length)
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(status >= 200 && status < 300 ? '' : JSON.stringify({ code: 'FAIL', message: 'no' }))
      flush()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/notify`,
    port,
    received,
    /** The next POST not taken yet (one already here, or the next to come). */
    next(timeoutMs = 5000): Promise<Received> {
      return new Promise((resolve, reject) => {
        const take = (got: Received) => {
          clearTimeout(timer)
          resolve(got)
        }
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(take), 1)
          reject(new Error('no notification came'))
        }, timeoutMs)
        waiting.push(take)
        flush()
      })
    },
    answer(next: (got: Received, n: number) => number) {
      respond = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type NotifyServer = Awaited<ReturnType<typeof notifyServer>>
