// What the Alipay sandbox's tests share: the official alipay-sdk pointed at a running simulator with
// only `gateway` / `endpoint` changed, and a notify_url server that records what it is sent.
// Tooling, not product: nothing under src/ but tests imports it.
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { AlipaySdk } from 'alipay-sdk'
import type { AlipayKeys } from '../../src/contract/alipay-test.ts'

/** The test API's Alipay keys, of the world named (default: the default world). */
export async function fetchAlipayKeys(origin: string, world?: string): Promise<AlipayKeys> {
  const res = await fetch(`${origin}/api/__test/alipay/keys`, {
    headers: world ? { 'x-sim-world': world } : {},
  })
  if (res.status !== 200) throw new Error(`alipay keys: ${res.status} ${await res.text()}`)
  return (await res.json()) as AlipayKeys
}

/** alipay-sdk as a merchant configures it: its app_id and private key, Alipay's public key, our URLs. */
export function alipayClient(
  origin: string,
  keys: AlipayKeys,
  options: { appId?: string; privateKeyPem?: string; gateway?: string; endpoint?: string } = {},
) {
  return new AlipaySdk({
    appId: options.appId ?? keys.app.appId,
    privateKey: options.privateKeyPem ?? keys.app.privateKeyPem,
    alipayPublicKey: keys.alipayPublicKeyPem,
    gateway: options.gateway ?? `${origin}/gateway.do`,
    endpoint: options.endpoint ?? origin,
  })
}

/** A notify_url on loopback: every form it is sent, parsed; it answers `success` unless told otherwise. */
export async function notifyServer() {
  const received: Record<string, string>[] = []
  let answer = 'success'
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push(Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))))
      res.writeHead(200, { 'content-type': 'text/plain' }).end(answer)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/alipay/notify`,
    received,
    answer: (text: string) => {
      answer = text
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A man in the middle: forwards every call to `origin`, and changes each answer with `tamper` on its way back. */
export async function tamperingProxy(origin: string, tamper: (text: string) => string) {
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      void fetch(`${origin}${req.url}`, {
        method: req.method ?? 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body: Buffer.concat(chunks),
      }).then(async (real) => {
        res
          .writeHead(real.status, { 'content-type': 'application/json' })
          .end(tamper(await real.text()))
      })
    })
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const { port } = proxy.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  }
}
