// The console with the payment sandboxes on a loopback port (their SDKs need a socket): the merchants'
// calls and notify_url deliveries logged, fail-next per merchant, a failed WeChat Pay notification
// retried by moving the clock to the next retry, and what a caller beyond loopback is not shown.
import { afterEach, describe, expect, it } from 'vitest'
import type { ConsoleCall, ConsoleDelivery } from '../../contract/console.ts'
import { ResendAnswerSchema } from '../../contract/console.ts'
import { alipayClient, fetchAlipayKeys } from '../../../test/support/alipay.ts'
import {
  axiosClient,
  fetchKeys,
  notifyServer,
  testApi,
  v3,
} from '../../../test/support/wechatpay.ts'
import { sandbox } from '../wechatpay/testing.ts'
import type { Sandbox } from '../wechatpay/testing.ts'
import { timeline } from './testing.ts'
import { REDACTED } from './views.ts'

const open: { close(): Promise<void> }[] = []
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close()
})

let seq = 0
const no = () => `CN${Date.now()}${++seq}`
const TOKEN = 'harness-test-token-0123456789'

/** A sandbox whose callers seem to come from `remote.address` (loopback unless a test moves it). */
async function start() {
  const remote = { address: '127.0.0.1' }
  const sb = await sandbox({ remoteAddress: () => remote.address })
  open.push(sb)
  return { sb, remote, keys: await fetchKeys(sb.origin) }
}

async function nativeOrder(
  sb: Sandbox,
  keys: Awaited<ReturnType<typeof fetchKeys>>,
  notifyUrl: string,
) {
  const outTradeNo = no()
  const answer = await v3(axiosClient(sb.origin, keys)).post('v3/pay/transactions/native', {
    appid: keys.merchant.appid,
    mchid: keys.merchant.mchid,
    description: '品茗杯',
    out_trade_no: outTradeNo,
    notify_url: notifyUrl,
    amount: { total: 39_90 },
  })
  return { outTradeNo, answer }
}

const calls = (entries: { kind: string; detail: unknown }[]) =>
  entries.filter((e) => e.kind === 'call').map((e) => e.detail as ConsoleCall)
const deliveries = (entries: { kind: string; detail: unknown }[]) =>
  entries.filter((e) => e.kind === 'delivery').map((e) => e.detail as ConsoleDelivery)

describe('WeChat Pay merchants in the console', { timeout: 30_000 }, () => {
  it('logs each signed call; fail-next answers the merchant’s next call with its code, once', async () => {
    const { sb, keys } = await start()
    const merchant = await notifyServer()
    open.push(merchant)
    const { mchid } = keys.merchant
    const set = await testApi(sb.origin, 'POST', `/api/__test/merchants/${mchid}/fail-next`, {
      code: 'SYSTEM_ERROR',
    })
    expect(set).toMatchObject({ status: 200, body: { api: 'wechatpay', code: 'SYSTEM_ERROR' } })
    await expect(nativeOrder(sb, keys, merchant.url)).rejects.toMatchObject({
      response: { status: 500, data: { code: 'SYSTEM_ERROR' } },
    })
    const { outTradeNo } = await nativeOrder(sb, keys, merchant.url)
    const logged = calls((await timeline(sb.h)).entries)
    expect(logged.map((c) => [c.method, c.path, c.status, c.signature])).toEqual([
      ['POST', '/v3/pay/transactions/native', 500, 'ok'],
      ['POST', '/v3/pay/transactions/native', 200, 'ok'],
    ])
    expect(logged[1]?.requestBody).toContain(outTradeNo)
    expect(logged[1]?.responseBody).toContain('code_url')
    expect(logged[1]?.requestHeaders.authorization).toMatch(/^WECHATPAY2-SHA256-RSA2048 mchid=/)
    const [entry] = (await timeline(sb.h, {}, `q=${outTradeNo}&kind=call`)).entries
    expect(entry?.refs).toMatchObject({ merchant: mchid, outTradeNo, orderId: outTradeNo })
    // A call whose signature does not verify is logged as such, in the merchant's world.
    const forged = await fetch(`${sb.origin}/v3/certificates`, {
      headers: {
        authorization: `WECHATPAY2-SHA256-RSA2048 mchid="${mchid}",nonce_str="n",signature="AAAA",timestamp="${Math.floor(Date.now() / 1000)}",serial_no="${keys.merchant.serialNo}"`,
      },
    })
    expect(forged.status).toBe(401)
    const last = calls((await timeline(sb.h)).entries).at(-1)
    expect(last).toMatchObject({ path: '/v3/certificates', status: 401, signature: 'bad' })
  })

  it('a failed notification, retried by moving the clock to the next retry, delivered; beyond loopback the decrypted resource and Authorization are hidden', async () => {
    const { sb, keys, remote } = await start()
    const merchant = await notifyServer((_, n) => (n === 1 ? 500 : 204))
    open.push(merchant)
    const { outTradeNo } = await nativeOrder(sb, keys, merchant.url)
    const paid = await testApi(sb.origin, 'POST', '/api/__test/wechatpay/pay', {
      mchid: keys.merchant.mchid,
      out_trade_no: outTradeNo,
    })
    expect(paid.status).toBe(200)
    await sb.settle()
    expect(merchant.received).toHaveLength(1)
    const [failed] = deliveries((await timeline(sb.h)).entries)
    expect(failed).toMatchObject({
      channel: 'wechatpay',
      attempt: 1,
      status: 500,
      outcome: 'failed',
    })
    expect(failed?.nextRetryAt).not.toBeNull()
    const moved = await testApi(sb.origin, 'POST', '/api/__test/clock', { to: 'next-retry' })
    expect(moved.status).toBe(200)
    expect(moved.body.now).toBe(failed?.nextRetryAt)
    expect(merchant.received).toHaveLength(2)
    const trusted = await timeline(sb.h)
    const [, delivered] = deliveries(trusted.entries)
    expect(delivered).toMatchObject({
      attempt: 2,
      status: 204,
      outcome: 'delivered',
      nextRetryAt: null,
    })
    expect(delivered?.decrypted).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'SUCCESS' })
    expect(delivered?.requestBody).toBe(merchant.received[1]?.body)
    const types = trusted.entries.map((e) => e.type)
    expect(types.indexOf('wechatpay.notification.delivered')).toBeGreaterThan(
      types.lastIndexOf('delivery'),
    )

    remote.address = '203.0.113.9'
    const beyond = await timeline(sb.h)
    expect(deliveries(beyond.entries).every((d) => d.decrypted === null)).toBe(true)
    expect(calls(beyond.entries)[0]?.requestHeaders.authorization).toBe(
      `WECHATPAY2-SHA256-RSA2048 ${REDACTED}`,
    )
    const ndjson = await (await sb.h.call('GET', '/api/console/export.ndjson')).text()
    expect(ndjson).not.toContain('trade_state')
    const withToken = await timeline(sb.h, { 'x-sim-test-token': TOKEN })
    expect(deliveries(withToken.entries)[1]?.decrypted).toMatchObject({ trade_state: 'SUCCESS' })
    // The test API itself stays closed to them without the token.
    expect((await sb.h.call('POST', '/api/__test/clock', { body: { advanceMs: 1 } })).status).toBe(
      401,
    )
  })

  it('resend: one more POST of the same notification, whatever its status', async () => {
    const { sb, keys } = await start()
    const merchant = await notifyServer()
    open.push(merchant)
    const { outTradeNo } = await nativeOrder(sb, keys, merchant.url)
    await testApi(sb.origin, 'POST', '/api/__test/wechatpay/pay', {
      mchid: keys.merchant.mchid,
      out_trade_no: outTradeNo,
    })
    await sb.settle()
    const [first] = deliveries((await timeline(sb.h)).entries)
    const res = await testApi(
      sb.origin,
      'POST',
      `/api/__test/notifications/${first?.notificationId}/resend`,
    )
    const answer = ResendAnswerSchema.parse(res.body)
    expect(answer).toMatchObject({ channel: 'wechatpay', deliveries: [{ kind: 'delivery' }] })
    expect(answer.deliveries[0]?.detail).toMatchObject({
      attempt: 2,
      outcome: 'delivered',
      note: 'resent',
    })
    expect(merchant.received).toHaveLength(2)
    expect(JSON.parse(merchant.received[1]?.body ?? '{}').id).toBe(first?.notificationId)
  })
})

describe('Alipay apps in the console', { timeout: 30_000 }, () => {
  it('logs v2 calls; fail-next answers the app’s next call with sub_code = the code', async () => {
    const { sb } = await start()
    const keys = await fetchAlipayKeys(sb.origin)
    const sdk = alipayClient(sb.origin, keys)
    const appId = keys.app.appId
    await testApi(sb.origin, 'POST', `/api/__test/merchants/${appId}/fail-next`, {
      code: 'ACQ.SYSTEM_ERROR',
    })
    const bizContent = { outTradeNo: no(), totalAmount: '9.90', subject: '茶' }
    const refused = await sdk.exec('alipay.trade.precreate', { bizContent }, { validateSign: true })
    expect(refused).toMatchObject({ code: '40004', subCode: 'ACQ.SYSTEM_ERROR' })
    const made = await sdk.exec('alipay.trade.precreate', { bizContent }, { validateSign: true })
    expect(made).toMatchObject({ code: '10000' })
    const entries = (await timeline(sb.h)).entries.filter((e) => e.kind === 'call')
    expect(entries.map((e) => [(e.detail as ConsoleCall).signature, e.refs.outTradeNo])).toEqual([
      ['ok', bizContent.outTradeNo],
      ['ok', bizContent.outTradeNo],
    ])
    expect((entries[0]?.detail as ConsoleCall).responseBody).toContain('ACQ.SYSTEM_ERROR')
    expect(entries[1]?.refs.merchant).toBe(appId)
  })
})
