// The official alipay-sdk's v2 (`exec` with validateSign, `pageExec`, `checkNotifySignV2`), unchanged but
// for its gateway, against the sandbox on a loopback port.
import type { AlipaySdk } from 'alipay-sdk'
import { generateKeyPairSync } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AlipayKeys } from '../../contract/alipay-test.ts'
import { alipayTokenOf } from '../../contract/paths.ts'
import {
  alipayClient,
  fetchAlipayKeys,
  notifyServer,
  tamperingProxy,
} from '../../../test/support/alipay.ts'
import { sandbox } from '../wechatpay/testing.ts'
import type { Sandbox } from '../wechatpay/testing.ts'
import { api, settleAlipay } from './testing.ts'

let sb: Sandbox
let keys: AlipayKeys
let sdk: AlipaySdk
let notify: Awaited<ReturnType<typeof notifyServer>>
let seq = 0
const no = () => `V2${Date.now()}${++seq}`

beforeAll(async () => {
  sb = await sandbox()
  keys = await fetchAlipayKeys(sb.origin)
  sdk = alipayClient(sb.origin, keys)
  notify = await notifyServer()
}, 30_000)
afterAll(async () => {
  await notify.close()
  await sb.close()
})

const exec = (
  method: string,
  bizContent: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => sdk.exec(method, { bizContent, ...extra }, { validateSign: true })
const precreate = (out: string, amount = '88.88') =>
  exec(
    'alipay.trade.precreate',
    { outTradeNo: out, totalAmount: amount, subject: '西湖龙井 250g' },
    { notifyUrl: notify.url },
  )
const buyer = (path: 'scan' | 'pay', out: string, persona?: string) =>
  api(sb, 'POST', `/api/__test/alipay/${path}`, {
    out_trade_no: out,
    app_id: keys.app.appId,
    ...(persona ? { persona } : {}),
  })
const balance = async (persona = 'shopper') =>
  (await api(sb, 'GET', '/api/pay/wallet', undefined, { 'x-sim-persona': persona })).body
    .alipayBalanceFen

describe('alipay-sdk v2 exec, validateSign: true', () => {
  it('precreate → qr_code; the trade does not exist until scanned, then waits, is paid and notified', async () => {
    const out = no()
    const created = await precreate(out)
    expect(created).toMatchObject({ code: '10000', msg: 'Success', outTradeNo: out })
    const token = alipayTokenOf(created.qrCode as string)
    expect(token).toBeTruthy()
    const before = await exec('alipay.trade.query', { outTradeNo: out })
    expect(before).toMatchObject({ code: '40004', subCode: 'ACQ.TRADE_NOT_EXIST' })
    expect((await exec('alipay.trade.close', { outTradeNo: out })).subCode).toBe(
      'ACQ.TRADE_NOT_EXIST',
    )

    expect((await buyer('scan', out)).status).toBe(200)
    expect(await exec('alipay.trade.query', { outTradeNo: out })).toMatchObject({
      code: '10000',
      tradeStatus: 'WAIT_BUYER_PAY',
      totalAmount: '88.88',
    })
    const wallet = await balance()
    const paid = await buyer('pay', out)
    expect(paid.status).toBe(200)
    expect(await balance()).toBe(Number(wallet) - 88_88)
    const query = await exec('alipay.trade.query', { outTradeNo: out })
    expect(query).toMatchObject({
      code: '10000',
      tradeStatus: 'TRADE_SUCCESS',
      buyerLogonId: '159****5620',
    })
    expect((await exec('alipay.trade.query', { tradeNo: query.tradeNo })).outTradeNo).toBe(out)

    await settleAlipay(sb)
    const notes = notify.received.filter((n) => n.out_trade_no === out)
    expect(notes.map((n) => n.trade_status)).toEqual(['WAIT_BUYER_PAY', 'TRADE_SUCCESS'])
    for (const note of notes) {
      expect(note).toMatchObject({
        notify_type: 'trade_status_sync',
        sign_type: 'RSA2',
        app_id: keys.app.appId,
      })
      expect(sdk.checkNotifySignV2(note)).toBe(true)
      expect(sdk.checkNotifySignV2({ ...note, total_amount: '0.01' })).toBe(false)
    }
    const state = sb.world().store.state.alipay
    expect(
      [...state.notifications.values()]
        .filter((n) => n.tradeKey.endsWith(out))
        .map((n) => n.status),
    ).toEqual(['DELIVERED', 'DELIVERED'])
    expect((await precreate(out)).subCode).toBe('ACQ.TRADE_HAS_SUCCESS')
    expect((await exec('alipay.trade.close', { outTradeNo: out })).subCode).toBe(
      'ACQ.TRADE_STATUS_ERROR',
    )
  })

  it('refunds in parts, answers the same out_request_no once, queries them; a whole refund closes the trade', async () => {
    const out = no()
    await precreate(out, '10.00')
    await buyer('pay', out)
    const wallet = Number(await balance())
    const first = await exec('alipay.trade.refund', {
      outTradeNo: out,
      refundAmount: '4.00',
      outRequestNo: 'R1',
    })
    expect(first).toMatchObject({ code: '10000', fundChange: 'Y', refundFee: '4.00' })
    expect(
      await exec('alipay.trade.refund', {
        outTradeNo: out,
        refundAmount: '4.00',
        outRequestNo: 'R1',
      }),
    ).toMatchObject({
      fundChange: 'N',
    })
    expect(await balance()).toBe(wallet + 4_00)
    expect(
      (
        await exec('alipay.trade.refund', {
          outTradeNo: out,
          refundAmount: '7.00',
          outRequestNo: 'R2',
        })
      ).subCode,
    ).toBe('ACQ.REFUND_AMT_NOT_EQUAL_TOTAL')
    expect(
      await exec('alipay.trade.fastpay.refund.query', { outTradeNo: out, outRequestNo: 'R1' }),
    ).toMatchObject({
      code: '10000',
      refundAmount: '4.00',
      refundStatus: 'REFUND_SUCCESS',
    })
    const none = await exec('alipay.trade.fastpay.refund.query', {
      outTradeNo: out,
      outRequestNo: 'R9',
    })
    expect(none.code).toBe('10000')
    expect(none.refundAmount).toBeUndefined()
    await exec('alipay.trade.refund', { outTradeNo: out, refundAmount: '6.00', outRequestNo: 'R2' })
    expect((await exec('alipay.trade.query', { outTradeNo: out })).tradeStatus).toBe('TRADE_CLOSED')
    expect(
      (
        await exec('alipay.trade.refund', {
          outTradeNo: out,
          refundAmount: '1.00',
          outRequestNo: 'R3',
        })
      ).subCode,
    ).toBe('ACQ.TRADE_HAS_CLOSE')
    await settleAlipay(sb)
    const last = notify.received.filter((n) => n.out_trade_no === out).at(-1)
    expect(last).toMatchObject({
      trade_status: 'TRADE_CLOSED',
      refund_fee: '10.00',
      out_biz_no: 'R2',
    })
    expect(sdk.checkNotifySignV2(last)).toBe(true)
  })

  it('closes a scanned trade (TRADE_CLOSED, notified); a precreate of it again is TRADE_HAS_CLOSE', async () => {
    const out = no()
    await precreate(out)
    await buyer('scan', out)
    expect(await exec('alipay.trade.close', { outTradeNo: out })).toMatchObject({
      code: '10000',
      outTradeNo: out,
    })
    expect((await exec('alipay.trade.query', { outTradeNo: out })).tradeStatus).toBe('TRADE_CLOSED')
    expect((await precreate(out)).subCode).toBe('ACQ.TRADE_HAS_CLOSE')
    expect((await buyer('pay', out)).body.code).toBe('ORDERCLOSED')
  })

  it('wap.pay: the pageExec form lands on the cashier, paying returns to return_url signed', async () => {
    const out = no()
    const html = sdk.pageExec('alipay.trade.wap.pay', 'POST', {
      bizContent: {
        outTradeNo: out,
        totalAmount: '25.00',
        subject: '手机网站支付',
        productCode: 'QUICK_WAP_WAY',
      },
      returnUrl: 'http://127.0.0.1:9/return',
      notifyUrl: notify.url,
    })
    // As a browser submits the form: its action and its hidden inputs.
    const action = /action="([^"]+)"/.exec(html)?.[1] ?? ''
    const fields = [...html.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map(
      ([, k = '', v = '']) => [k, v.replaceAll('&quot;', '"')],
    )
    const res = await fetch(action.replaceAll('&amp;', '&'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    })
    expect(res.status).toBe(302)
    const token = alipayTokenOf(res.headers.get('location') ?? '')
    expect(token).toBeTruthy()
    const sheet = await api(sb, 'GET', `/api/alipay/trades/${token}`)
    expect(sheet.body).toMatchObject({
      amountFen: 25_00,
      subject: '手机网站支付',
      product: 'WAP',
      status: null,
    })
    const wrong = await api(sb, 'POST', `/api/alipay/trades/${token}/pay`, {
      method: 'alipay-balance',
      password: '000000',
    })
    expect(wrong.body).toMatchObject({ code: 'PASSWORD_ERROR', triesLeft: 4 })
    const paid = await api(sb, 'POST', `/api/alipay/trades/${token}/pay`, {
      method: 'huabei',
      password: '123456',
    })
    expect(paid.status).toBe(200)
    const back = new URL((paid.body.trade as { returnUrl: string }).returnUrl)
    const returned = Object.fromEntries(back.searchParams)
    expect(returned).toMatchObject({
      out_trade_no: out,
      method: 'alipay.trade.wap.pay.return',
      total_amount: '25.00',
    })
    expect(sdk.checkNotifySignV2(returned)).toBe(true)
    expect((await exec('alipay.trade.query', { outTradeNo: out })).tradeStatus).toBe(
      'TRADE_SUCCESS',
    )

    const url = sdk.pageExec('alipay.trade.page.pay', 'GET', {
      bizContent: {
        outTradeNo: no(),
        totalAmount: '1.00',
        subject: 'PC',
        productCode: 'FAST_INSTANT_TRADE_PAY',
      },
    })
    const got = await fetch(url, { redirect: 'manual' })
    expect(got.status).toBe(302)
    expect(alipayTokenOf(got.headers.get('location') ?? '')).toBeTruthy()
  })
})

describe('signatures', () => {
  it('refuses a request signed with another key (isv.invalid-signature), signed like any answer', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs1',
      format: 'pem',
    })
    const forger = alipayClient(sb.origin, keys, { privateKeyPem: other.toString() })
    const answer = await forger.exec(
      'alipay.trade.query',
      { bizContent: { outTradeNo: 'X' } },
      { validateSign: true },
    )
    expect(answer).toMatchObject({ code: '40002', subCode: 'isv.invalid-signature' })
    const stranger = alipayClient(sb.origin, keys, { appId: '2021000000000001' })
    expect(
      (await stranger.exec('alipay.trade.query', { bizContent: { outTradeNo: 'X' } })).subCode,
    ).toBe('isv.invalid-app-id')
  })

  it('a tampered answer is refused by the SDK', async () => {
    // The gateway's answer with one field changed on its way to the SDK.
    const proxy = await tamperingProxy(sb.origin, (text) => text.replace('"Success"', '"Succes5"'))
    const fooled = alipayClient(sb.origin, keys, { gateway: `${proxy.origin}/gateway.do` })
    const out = no()
    await expect(
      fooled.exec(
        'alipay.trade.precreate',
        { bizContent: { outTradeNo: out, totalAmount: '1.00', subject: 's' } },
        { validateSign: true },
      ),
    ).rejects.toThrow(/验签失败/)
    await proxy.close()
  })
})
