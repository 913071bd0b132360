// The official alipay-sdk's v3 (`curl`, which verifies every answer's signature), unchanged but for its
// endpoint; and what holds across worlds, retries and restarts.
import { AlipayRequestError } from 'alipay-sdk'
import { generateKeyPairSync } from 'node:crypto'
import { rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AlipayKeys } from '../../contract/alipay-test.ts'
import { alipayClient, fetchAlipayKeys, notifyServer } from '../../../test/support/alipay.ts'
import { sandbox } from '../wechatpay/testing.ts'
import type { Sandbox } from '../wechatpay/testing.ts'
import { advanceAlipay, api, settleAlipay } from './testing.ts'

let sb: Sandbox
let keys: AlipayKeys
let seq = 0
const no = () => `V3${Date.now()}${++seq}`

beforeAll(async () => {
  sb = await sandbox()
  keys = await fetchAlipayKeys(sb.origin)
}, 30_000)
afterAll(() => sb.close())

async function refusedBy(call: Promise<unknown>) {
  try {
    await call
  } catch (error) {
    if (error instanceof AlipayRequestError)
      return { code: error.code, status: error.responseHttpStatus }
    throw error
  }
  throw new Error('expected a refusal')
}

const buyer = (path: 'scan' | 'pay', out: string, appId = keys.app.appId, world?: string) =>
  api(
    sb,
    'POST',
    `/api/__test/alipay/${path}`,
    { out_trade_no: out, app_id: appId },
    world ? { 'x-sim-world': world } : {},
  )

describe('alipay-sdk v3 curl (answers always verified)', () => {
  it('precreate, query, refund and close', async () => {
    const sdk = alipayClient(sb.origin, keys)
    const out = no()
    const created = await sdk.curl('POST', '/v3/alipay/trade/precreate', {
      body: { out_trade_no: out, total_amount: '12.34', subject: '龙井' },
    })
    expect(created.data).toMatchObject({ out_trade_no: out })
    expect(
      await refusedBy(sdk.curl('POST', '/v3/alipay/trade/query', { body: { out_trade_no: out } })),
    ).toEqual({
      code: 'ACQ.TRADE_NOT_EXIST',
      status: 400,
    })
    await buyer('pay', out)
    const bills = await api(sb, 'GET', '/api/pay/bills?app=alipay', undefined, {
      'x-sim-persona': 'shopper',
    })
    expect(bills.body.bills).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ orderId: out, amountFen: 12_34, source: 'alipay-balance' }),
      ]),
    )
    const { data } = await sdk.curl('POST', '/v3/alipay/trade/query', {
      body: { out_trade_no: out },
    })
    expect(data).toMatchObject({ trade_status: 'TRADE_SUCCESS', total_amount: '12.34' })
    const refund = await sdk.curl('POST', '/v3/alipay/trade/refund', {
      body: { out_trade_no: out, refund_amount: '2.34', out_request_no: 'R1' },
    })
    expect(refund.data).toMatchObject({ fund_change: 'Y', refund_fee: '2.34' })
    expect(
      (await refusedBy(sdk.curl('POST', '/v3/alipay/trade/close', { body: { out_trade_no: out } })))
        .code,
    ).toBe('ACQ.TRADE_STATUS_ERROR')
    const other = no()
    await sdk.curl('POST', '/v3/alipay/trade/precreate', {
      body: { out_trade_no: other, total_amount: 1, subject: 's' },
    })
    await buyer('scan', other)
    expect(
      (await sdk.curl('POST', '/v3/alipay/trade/close', { body: { out_trade_no: other } })).data,
    ).toMatchObject({
      out_trade_no: other,
    })
    expect(
      (
        await refusedBy(
          sdk.curl('POST', '/v3/alipay/trade/precreate', {
            body: { out_trade_no: '', subject: 's' },
          }),
        )
      ).code,
    ).toBe('ACQ.INVALID_PARAMETER')
  })

  it('refuses a wrongly signed call (401 invalid-signature), and leaves WeChat /v3 alone', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs1',
      format: 'pem',
    })
    const forger = alipayClient(sb.origin, keys, { privateKeyPem: other.toString() })
    expect(
      await refusedBy(
        forger.curl('POST', '/v3/alipay/trade/query', { body: { out_trade_no: 'X' } }),
      ),
    ).toEqual({
      code: 'invalid-signature',
      status: 401,
    })
    const wechat = await fetch(`${sb.origin}/v3/pay/transactions/native`, { method: 'POST' })
    expect(((await wechat.json()) as { code: string }).code).toBe('SIGN_ERROR')
  })
})

describe('worlds, retries, restarts', () => {
  it('an app_id lands in its own world; other worlds see nothing of its trades', async () => {
    const made = await api(sb, 'POST', '/api/__test/worlds', {})
    const world = made.body.world as string
    const theirs = await fetchAlipayKeys(sb.origin, world)
    expect(theirs.app.appId).not.toBe(keys.app.appId)
    const out = no()
    await alipayClient(sb.origin, theirs).exec('alipay.trade.precreate', {
      bizContent: { outTradeNo: out, totalAmount: '1.00', subject: 's' },
    })
    expect((await buyer('pay', out, theirs.app.appId)).body.code).toBe('ORDER_NOT_EXIST')
    expect((await buyer('pay', out, theirs.app.appId, world)).status).toBe(200)
    const mine = await alipayClient(sb.origin, keys).exec('alipay.trade.query', {
      bizContent: { outTradeNo: out },
    })
    expect(mine.subCode).toBe('ACQ.TRADE_NOT_EXIST')
    expect(sb.world(world).store.state.alipay.trades.size).toBe(1)
  })

  it("retries a notification not answered success on Alipay's schedule, on the world's clock", async () => {
    const notify = await notifyServer()
    notify.answer('fail')
    const sdk = alipayClient(sb.origin, keys)
    const out = no()
    await sdk.exec('alipay.trade.precreate', {
      bizContent: { outTradeNo: out, totalAmount: '1.00', subject: 's' },
      notifyUrl: notify.url,
    })
    await buyer('pay', out)
    await settleAlipay(sb)
    const note = () =>
      [...sb.world().store.state.alipay.notifications.values()].find((n) =>
        n.tradeKey.endsWith(out),
      )
    expect(note()).toMatchObject({ attempts: 1, status: 'PENDING' })
    await advanceAlipay(sb, 3 * 60_000)
    expect(note()?.attempts).toBe(1)
    await advanceAlipay(sb, 60_000)
    expect(note()).toMatchObject({ attempts: 2, status: 'PENDING' })
    notify.answer('success')
    await advanceAlipay(sb, 10 * 60_000)
    expect(note()).toMatchObject({ attempts: 3, status: 'DELIVERED' })
    expect(notify.received.every((n) => sdk.checkNotifySignV2(n))).toBe(true)
    await notify.close()
  })

  it('registered apps and their trades come back after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'alipay-restart-'))
    try {
      const first = await sandbox({}, { data: dir })
      const made = await api(first, 'POST', '/api/__test/worlds', {})
      const world = made.body.world as string
      const own = generateKeyPairSync('rsa', { modulusLength: 2048 })
      const appId = '2021009999999999'
      const publicKeyPem = own.publicKey.export({ type: 'spki', format: 'pem' }).toString()
      const registered = await api(
        first,
        'POST',
        '/api/__test/alipay/apps',
        { appId, publicKeyPem },
        { 'x-sim-world': world },
      )
      expect(registered.status).toBe(200)
      const base = await fetchAlipayKeys(first.origin, world)
      const privateKeyPem = own.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
      const out = no()
      await alipayClient(first.origin, base, { appId, privateKeyPem }).exec(
        'alipay.trade.precreate',
        {
          bizContent: { outTradeNo: out, totalAmount: '3.00', subject: 's' },
        },
      )
      const header = { 'x-sim-world': world }
      expect(
        (
          await api(
            first,
            'POST',
            '/api/__test/alipay/scan',
            { out_trade_no: out, app_id: appId },
            header,
          )
        ).status,
      ).toBe(200)
      await first.close()
      first.h.worlds.close()

      const second = await sandbox({}, { data: dir })
      const after = await fetchAlipayKeys(second.origin, world)
      expect(after.app.appId).toBe(base.app.appId)
      const again = alipayClient(second.origin, after, { appId, privateKeyPem })
      expect(
        (await again.exec('alipay.trade.query', { bizContent: { outTradeNo: out } })).tradeStatus,
      ).toBe('WAIT_BUYER_PAY')
      const paid = await api(
        second,
        'POST',
        '/api/__test/alipay/pay',
        { out_trade_no: out, app_id: appId },
        header,
      )
      expect(paid.status).toBe(200)
      expect(
        (
          await again.exec(
            'alipay.trade.query',
            { bizContent: { outTradeNo: out } },
            { validateSign: true },
          )
        ).tradeStatus,
      ).toBe('TRADE_SUCCESS')
      await second.close()
      second.h.worlds.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
