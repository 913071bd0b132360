// Notifications on the world's test clock: WeChat's retry schedule, every notify fault, a restart
// mid-retry, GATEWAY_NOTIFY_ALLOW at create and at connect time, no redirects.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'
import { TestStateSchema } from '../../contract/test-api.ts'
import { V3NotificationSchema } from '../../contract/wechatpay.ts'
import type { WechatpayKeys } from '../../contract/wechatpay-test.ts'
import {
  axiosClient,
  fetchKeys,
  notifyServer,
  testApi,
  v3,
} from '../../../test/support/wechatpay.ts'
import type { Received } from '../../../test/support/wechatpay.ts'
import { RETRY_SCHEDULE_MS } from '../domain/wechatpay/notifications.ts'
import { parseNotifyAllow } from './allow.ts'
import { SIGNTEST_PREFIX } from './notify.ts'
import { sandbox } from './testing.ts'
import type { Sandbox, SandboxOptions } from './testing.ts'
import { httpTransport } from './transport.ts'

const open: { close(): Promise<void> }[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

let seq = 0
const no = () => `NT${Date.now()}${++seq}`

async function start(...options: SandboxOptions) {
  const sb = await sandbox(...options)
  open.push(sb)
  return { sb, keys: await fetchKeys(sb.origin) }
}

async function receiver(answer?: (got: Received, n: number) => number) {
  const server = await notifyServer(answer)
  open.push(server)
  return server
}

/** A native order by the demo merchant, paid by the shopper through the test API. */
async function paidOrder(sb: Sandbox, keys: WechatpayKeys, notifyUrl: string) {
  const outTradeNo = no()
  await v3(axiosClient(sb.origin, keys)).post('v3/pay/transactions/native', {
    appid: keys.merchant.appid,
    mchid: keys.merchant.mchid,
    description: '品茗杯',
    out_trade_no: outTradeNo,
    notify_url: notifyUrl,
    amount: { total: 39_90 },
  })
  const paid = await testApi(sb.origin, 'POST', '/api/__test/wechatpay/pay', {
    mchid: keys.merchant.mchid,
    out_trade_no: outTradeNo,
  })
  expect(paid.status).toBe(200)
  return outTradeNo
}

/** The merchant's check with the SDK's helpers: the signature over the exact body, then the resource. */
function verifies(got: Received, keys: WechatpayKeys): boolean {
  const signature = String(got.headers['wechatpay-signature'])
  const message = Formatter.response(
    String(got.headers['wechatpay-timestamp']),
    String(got.headers['wechatpay-nonce']),
    got.body,
  )
  if (!Rsa.verify(message, signature, Rsa.from(keys.publicKeyPem, Rsa.KEY_TYPE_PUBLIC)))
    return false
  const { resource } = V3NotificationSchema.parse(JSON.parse(got.body))
  const plain = Aes.AesGcm.decrypt(
    resource.ciphertext,
    keys.merchant.apiV3Key,
    resource.nonce,
    resource.associated_data,
  )
  return (JSON.parse(plain) as { trade_state?: string }).trade_state === 'SUCCESS'
}

async function notes(sb: Sandbox) {
  const state = TestStateSchema.parse((await testApi(sb.origin, 'GET', '/api/__test/state')).body)
  return state.wechatpay?.notifications ?? []
}

describe('the retry schedule, on the world’s clock', { timeout: 30_000 }, () => {
  it('15 s, 15 s, 30 s, 3 m, 10 m, 20 m, 30 m, 30 m, 30 m, 60 m, 3 h, 3 h, 3 h, 6 h, 6 h, then gives up', async () => {
    const { sb, keys } = await start()
    const merchant = await receiver(() => 500)
    await paidOrder(sb, keys, merchant.url)
    await sb.settle()
    expect(merchant.received).toHaveLength(1)
    expect(RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0)).toBe((24 * 60 + 4) * 60_000)
    for (const [i, wait] of RETRY_SCHEDULE_MS.entries()) {
      await sb.advance(wait - 1)
      expect(merchant.received, `retry ${i + 1} early`).toHaveLength(i + 1)
      await sb.advance(1)
      expect(merchant.received, `retry ${i + 1}`).toHaveLength(i + 2)
    }
    const [note] = await notes(sb)
    expect(note).toMatchObject({ status: 'FAILED', attempts: 16, nextAt: null })
    await sb.advance(48 * 3600_000)
    expect(merchant.received).toHaveLength(16)
    // Every attempt the same notification (one id), each signed afresh.
    expect(new Set(merchant.received.map((r) => JSON.parse(r.body).id)).size).toBe(1)
    expect(merchant.received.every((r) => verifies(r, keys))).toBe(true)
  })

  it('a 2xx ends it: the merchant answers 500, then 200 at the second retry', async () => {
    const { sb, keys } = await start()
    const merchant = await receiver((_, n) => (n < 3 ? 500 : 200))
    await paidOrder(sb, keys, merchant.url)
    await sb.settle()
    await sb.advance(15_000)
    await sb.advance(15_000)
    expect(merchant.received).toHaveLength(3)
    expect((await notes(sb))[0]).toMatchObject({ status: 'DELIVERED', attempts: 3 })
    await sb.advance(3600_000)
    expect(merchant.received).toHaveLength(3)
  })
})

describe('notify faults', { timeout: 30_000 }, () => {
  it('drop: nothing goes out, the schedule goes on; once cleared, the next retry delivers', async () => {
    const { sb, keys } = await start()
    const merchant = await receiver()
    await testApi(sb.origin, 'POST', '/api/__test/faults', { notify: 'drop' })
    await paidOrder(sb, keys, merchant.url)
    await sb.settle()
    await sb.advance(15_000)
    expect(merchant.received).toHaveLength(0)
    expect((await notes(sb))[0]).toMatchObject({
      status: 'PENDING',
      attempts: 2,
      lastError: expect.stringContaining('dropped'),
    })
    await testApi(sb.origin, 'POST', '/api/__test/faults', { notify: 'normal' })
    await sb.advance(15_000)
    expect(merchant.received).toHaveLength(1)
    expect((await notes(sb))[0]).toMatchObject({ status: 'DELIVERED', attempts: 3 })
  })

  it('duplicate: every attempt is sent twice, both signed right', async () => {
    const { sb, keys } = await start()
    const merchant = await receiver()
    await testApi(sb.origin, 'POST', '/api/__test/faults', { notify: 'duplicate' })
    await paidOrder(sb, keys, merchant.url)
    await sb.settle()
    expect(merchant.received).toHaveLength(2)
    expect(merchant.received.every((r) => verifies(r, keys))).toBe(true)
    expect(merchant.received[0]?.body).toBe(merchant.received[1]?.body)
  })

  it('delay: the first attempt goes latencyMs late (5 s by default) on the world’s clock', async () => {
    const { sb, keys } = await start()
    const merchant = await receiver()
    await testApi(sb.origin, 'POST', '/api/__test/faults', { notify: 'delay' })
    await paidOrder(sb, keys, merchant.url)
    await sb.settle()
    await sb.advance(4_999)
    expect(merchant.received).toHaveLength(0)
    await sb.advance(1)
    expect(merchant.received).toHaveLength(1)
  })

  it('a wrong signature: the merchant that verifies refuses it, and the retry after the fault is cleared verifies', async () => {
    const { sb, keys } = await start()
    const merchant = await receiver((got) => (verifies(got, keys) ? 204 : 401))
    await testApi(sb.origin, 'POST', '/api/__test/faults', { notifySign: 'wrong' })
    await paidOrder(sb, keys, merchant.url)
    await sb.settle()
    expect(merchant.received).toHaveLength(1)
    expect(verifies(merchant.received[0] as Received, keys)).toBe(false)
    expect((await notes(sb))[0]).toMatchObject({ status: 'PENDING', lastError: 'answered 401' })
    await testApi(sb.origin, 'POST', '/api/__test/faults', { notifySign: 'valid' })
    await sb.advance(15_000)
    expect((await notes(sb))[0]).toMatchObject({ status: 'DELIVERED', attempts: 2 })
  })

  it('signtest: WeChat’s probe (Wechatpay-Signature: WECHATPAY/SIGNTEST/…) before each one; refusing it is right', async () => {
    const { sb, keys } = await start()
    const merchant = await receiver((got) => (verifies(got, keys) ? 204 : 401))
    await testApi(sb.origin, 'POST', '/api/__test/faults', { notifySign: 'signtest' })
    await paidOrder(sb, keys, merchant.url)
    await sb.settle()
    expect(merchant.received).toHaveLength(2)
    const [probe, real] = merchant.received
    expect(String(probe?.headers['wechatpay-signature'])).toMatch(new RegExp(`^${SIGNTEST_PREFIX}`))
    expect(verifies(real as Received, keys)).toBe(true)
    expect((await notes(sb))[0]).toMatchObject({ status: 'DELIVERED', attempts: 1 })
    expect(sb.h.logs.some((line) => line.includes('accepted a'))).toBe(false)
  })
})

describe('a restart mid-retry', { timeout: 30_000 }, () => {
  it('delivers once, when the retry falls due, not at the restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wechatpay-restart-'))
    dirs.push(dir)
    const merchant = await receiver((_, n) => (n === 1 ? 500 : 204))
    const first = await sandbox({}, { data: dir })
    const keys = await fetchKeys(first.origin)
    await paidOrder(first, keys, merchant.url)
    await first.settle()
    expect(merchant.received).toHaveLength(1)
    await first.close()
    first.h.worlds.close()

    const second = await sandbox({}, { data: dir })
    open.push(second)
    await second.settle()
    expect(merchant.received).toHaveLength(1)
    await second.advance(14_999)
    expect(merchant.received).toHaveLength(1)
    await second.advance(1)
    expect(merchant.received).toHaveLength(2)
    await second.advance(24 * 3600_000)
    expect(merchant.received).toHaveLength(2)
    expect((await notes(second))[0]).toMatchObject({ status: 'DELIVERED', attempts: 2 })
    second.h.worlds.close()
  })
})

describe('GATEWAY_NOTIFY_ALLOW', { timeout: 30_000 }, () => {
  it('parses loopback (the default), private, any, addresses and CIDRs; refuses anything else', () => {
    const loopback = parseNotifyAllow(undefined)
    expect(
      ['127.0.0.1', '127.9.9.9', '::1', '::ffff:127.0.0.1'].every((a) => loopback.allows(a)),
    ).toBe(true)
    expect(
      ['10.0.0.1', '192.168.1.1', '8.8.8.8', 'localhost'].some((a) => loopback.allows(a)),
    ).toBe(false)
    const mixed = parseNotifyAllow('private, 203.0.113.7, 2001:db8::/32')
    expect(
      ['10.1.2.3', '172.20.0.1', '192.168.0.9', '203.0.113.7', '2001:db8::5'].every((a) =>
        mixed.allows(a),
      ),
    ).toBe(true)
    expect(mixed.allows('203.0.113.8') || mixed.allows('127.0.0.1')).toBe(false)
    expect(parseNotifyAllow('any').allows('8.8.8.8')).toBe(true)
    expect(() => parseNotifyAllow('example.com')).toThrow(/GATEWAY_NOTIFY_ALLOW/)
    expect(() => parseNotifyAllow('10.0.0.0/33')).toThrow(/GATEWAY_NOTIFY_ALLOW/)
  })

  it('a notify_url it refuses is a PARAM_ERROR at create, as is one with a query', async () => {
    const { sb, keys } = await start()
    const api = v3(axiosClient(sb.origin, keys))
    for (const url of [
      'http://192.0.2.1/notify',
      'http://10.0.0.1/notify',
      'ftp://127.0.0.1/x',
      'http://127.0.0.1:9/n?a=1',
    ]) {
      const refused = await api
        .post('v3/pay/transactions/native', {
          appid: keys.merchant.appid,
          mchid: keys.merchant.mchid,
          description: '品茗杯',
          out_trade_no: no(),
          notify_url: url,
          amount: { total: 1 },
        })
        .then(
          () => null,
          (error: { response?: { status: number; data: unknown } }) => error.response,
        )
      expect(refused, url).toMatchObject({
        status: 400,
        data: { code: 'PARAM_ERROR', detail: { field: '/notify_url' } },
      })
    }
  })

  it('is checked on the address connected to: a name that resolves outside it gets nothing', async () => {
    const { sb, keys } = await start(
      {},
      { wechatpay: { transport: httpTransport(parseNotifyAllow('10.0.0.0/8')) } },
    )
    const merchant = await receiver()
    // Allowed at create (this gateway's create check is loopback), refused when the socket connects.
    await paidOrder(sb, keys, `http://localhost:${merchant.port}/notify`)
    await sb.settle()
    expect(merchant.received).toHaveLength(0)
    expect((await notes(sb))[0]?.lastError).toMatch(/GATEWAY_NOTIFY_ALLOW/)
  })

  it('follows no redirect: a 302 is a failed attempt, its Location is never called', async () => {
    const { sb, keys } = await start()
    const elsewhere = await receiver()
    const redirecting = createServer((_, res) => {
      res.writeHead(302, { location: elsewhere.url })
      res.end()
    })
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve))
    open.push({ close: () => new Promise<void>((resolve) => redirecting.close(() => resolve())) })
    const { port } = redirecting.address() as AddressInfo
    await paidOrder(sb, keys, `http://127.0.0.1:${port}/notify`)
    await sb.settle()
    expect(elsewhere.received).toHaveLength(0)
    expect((await notes(sb))[0]).toMatchObject({
      status: 'PENDING',
      lastError: expect.stringMatching(/302.*redirect/),
    })
  })
})
