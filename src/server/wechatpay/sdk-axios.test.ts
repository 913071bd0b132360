// wechatpay-axios-plugin, unchanged but for its baseURL, against the sandbox on a loopback port.
import { isAxiosError } from 'axios'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Formatter, Rsa } from 'wechatpay-axios-plugin'
import type { WechatpayKeys } from '../../contract/wechatpay-test.ts'
import { PrepayIdSchema, V3RefundSchema, V3TransactionSchema } from '../../contract/wechatpay.ts'
import { TestStateSchema } from '../../contract/test-api.ts'
import { axiosClient, fetchKeys, testApi, v3 } from '../../../test/support/wechatpay.ts'
import { OPENIDS } from '../domain/wechatpay/openids.ts'
import { sandbox } from './testing.ts'
import type { Sandbox } from './testing.ts'

let sb: Sandbox
let keys: WechatpayKeys
let seq = 0
const no = (prefix = 'AX') => `${prefix}${Date.now()}${++seq}`

beforeAll(async () => {
  sb = await sandbox()
  keys = await fetchKeys(sb.origin)
}, 30_000)
afterAll(() => sb.close())

const order = (out_trade_no: string, extra: Record<string, unknown> = {}) => ({
  appid: keys.merchant.appid,
  mchid: keys.merchant.mchid,
  description: '西湖龙井 250g',
  out_trade_no,
  notify_url: 'http://127.0.0.1:9/notify',
  amount: { total: 168_00, currency: 'CNY' },
  ...extra,
})

/** What the SDK threw for a non-2xx answer: its status and WeChat's `{ code, message }`. */
async function refused(call: Promise<unknown>) {
  try {
    await call
  } catch (error) {
    if (isAxiosError(error) && error.response) {
      return { status: error.response.status, data: error.response.data as Record<string, unknown> }
    }
    throw error
  }
  throw new Error('expected a refusal')
}

/** Pays as wx.requestPayment would: the flat fields signed with the merchant's key, by the SDK. */
async function payJsapi(prepayId: string, persona?: string) {
  const timeStamp = String(Formatter.timestamp())
  const nonceStr = Formatter.nonce()
  const pkg = `prepay_id=${prepayId}`
  const paySign = Rsa.sign(
    Formatter.joinedByLineFeed(keys.merchant.appid, timeStamp, nonceStr, pkg),
    Rsa.from(keys.merchant.privateKeyPem, Rsa.KEY_TYPE_PRIVATE),
  )
  return testApi(sb.origin, 'POST', '/api/__test/wechatpay/pay', {
    mchid: keys.merchant.mchid,
    prepay_id: prepayId,
    ...(persona ? { persona } : {}),
    appId: keys.merchant.appid,
    timeStamp,
    nonceStr,
    package: pkg,
    signType: 'RSA',
    paySign,
  })
}

describe(
  'wechatpay-axios-plugin against the sandbox (public-key mode)',
  { timeout: 30_000 },
  () => {
    it('creates native, H5, JSAPI and app orders, every answer verified by the SDK', async () => {
      const api = v3(axiosClient(sb.origin, keys))
      const native = await api.post('v3/pay/transactions/native', order(no()))
      expect(native.status).toBe(200)
      expect(native.headers['wechatpay-serial']).toBe(keys.publicKeyId)
      expect(native.data.code_url).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=[\w-]{22}$/)
      const h5 = await api.post(
        'v3/pay/transactions/h5',
        order(no(), { scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap' } } }),
      )
      expect(h5.data.h5_url).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/wechat\/h5pay\?prepay_id=wx\d{14}/,
      )
      const jsapi = await api.post(
        'v3/pay/transactions/jsapi',
        order(no(), { payer: { openid: OPENIDS.shopper } }),
      )
      expect(jsapi.data.prepay_id).toMatch(/^wx\d{14}[0-9a-f]{32}$/)
      const app = await api.post('v3/pay/transactions/app', order(no()))
      expect(app.data.prepay_id).toMatch(/^wx/)
    })

    it('the same out_trade_no: the same body answers the first order again, another is OUT_TRADE_NO_USED', async () => {
      const api = v3(axiosClient(sb.origin, keys))
      const outTradeNo = no()
      const first = await api.post('v3/pay/transactions/native', order(outTradeNo))
      const again = await api.post('v3/pay/transactions/native', order(outTradeNo))
      expect(again.data.code_url).toBe(first.data.code_url)
      const other = await refused(
        api.post('v3/pay/transactions/native', order(outTradeNo, { amount: { total: 1 } })),
      )
      expect(other).toMatchObject({ status: 403, data: { code: 'OUT_TRADE_NO_USED' } })
      const bad = await refused(api.post('v3/pay/transactions/native', order('x')))
      expect(bad).toMatchObject({
        status: 400,
        data: { code: 'PARAM_ERROR', detail: { field: '/out_trade_no', location: 'body' } },
      })
      const appid = await refused(
        api.post('v3/pay/transactions/native', order(no(), { appid: 'wx0000000000000000' })),
      )
      expect(appid).toMatchObject({ status: 400, data: { code: 'APPID_MCHID_NOT_MATCH' } })
    })

    it('queries by out_trade_no and transaction_id; the test API pays it from the persona’s 零钱', async () => {
      const api = v3(axiosClient(sb.origin, keys))
      const outTradeNo = no()
      const data = PrepayIdSchema.parse(
        (
          await api.post(
            'v3/pay/transactions/jsapi',
            order(outTradeNo, { payer: { openid: OPENIDS.friend } }),
          )
        ).data,
      )
      const byNo = () =>
        api.get('v3/pay/transactions/out-trade-no/{out_trade_no}', {
          params: { mchid: keys.merchant.mchid },
          out_trade_no: outTradeNo,
        })
      const unpaid = V3TransactionSchema.parse((await byNo()).data)
      expect(unpaid).toMatchObject({ trade_state: 'NOTPAY', trade_state_desc: '订单未支付' })
      expect(unpaid.transaction_id).toBeUndefined()
      const before = TestStateSchema.parse(
        (await testApi(sb.origin, 'GET', '/api/__test/state')).body,
      )
      // The openid is the friend's: the shopper may not pay it, a wrong paySign pays nothing.
      expect((await payJsapi(data.prepay_id, 'shopper')).status).toBe(400)
      const forged = await testApi(sb.origin, 'POST', '/api/__test/wechatpay/pay', {
        mchid: keys.merchant.mchid,
        prepay_id: data.prepay_id,
        appId: keys.merchant.appid,
        timeStamp: '1700000000',
        nonceStr: 'abc',
        package: `prepay_id=${data.prepay_id}`,
        signType: 'RSA',
        paySign: 'bm90IGEgc2lnbmF0dXJl',
      })
      expect(forged).toMatchObject({ status: 400, body: { code: 'PAY_SIGN_ERROR' } })
      const paid = await payJsapi(data.prepay_id)
      expect(paid.status).toBe(200)
      const success = V3TransactionSchema.parse((await byNo()).data)
      expect(success).toMatchObject({
        trade_state: 'SUCCESS',
        trade_type: 'JSAPI',
        bank_type: 'OTHERS',
        payer: { openid: OPENIDS.friend },
        amount: { total: 168_00, payer_total: 168_00, currency: 'CNY' },
      })
      expect(success.success_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
      const byId = await api.get('v3/pay/transactions/id/{transaction_id}', {
        params: { mchid: keys.merchant.mchid },
        transaction_id: success.transaction_id,
      })
      expect(byId.data).toEqual(success)
      const after = TestStateSchema.parse(
        (await testApi(sb.origin, 'GET', '/api/__test/state')).body,
      )
      expect(after.wallets.friend?.wechatBalanceFen).toBe(
        (before.wallets.friend?.wechatBalanceFen ?? 0) - 168_00,
      )
      expect(await payJsapi(data.prepay_id)).toMatchObject({
        status: 409,
        body: { code: 'ORDERPAID' },
      })
      const missing = await refused(
        api.get('v3/pay/transactions/id/{transaction_id}', {
          params: { mchid: keys.merchant.mchid },
          transaction_id: '4200000000000000000000000000',
        }),
      )
      expect(missing).toMatchObject({ status: 404, data: { code: 'ORDER_NOT_EXIST' } })
    })

    it('closes with a signed, empty 204; a paid order answers ORDERPAID', async () => {
      const api = v3(axiosClient(sb.origin, keys))
      const outTradeNo = no()
      await api.post('v3/pay/transactions/native', order(outTradeNo))
      const close = () =>
        api.post(
          'v3/pay/transactions/out-trade-no/{out_trade_no}/close',
          { mchid: keys.merchant.mchid },
          { out_trade_no: outTradeNo },
        )
      const closed = await close()
      expect(closed.status).toBe(204)
      expect(closed.headers['wechatpay-signature']).toBeTruthy()
      expect((await close()).status).toBe(204)
      const state = await api.get('v3/pay/transactions/out-trade-no/{out_trade_no}', {
        params: { mchid: keys.merchant.mchid },
        out_trade_no: outTradeNo,
      })
      expect(state.data).toMatchObject({ trade_state: 'CLOSED', trade_state_desc: '订单已关闭' })
      const reopened = await refused(api.post('v3/pay/transactions/native', order(outTradeNo)))
      expect(reopened).toMatchObject({ status: 400, data: { code: 'ORDER_CLOSED' } })
      const paidNo = no()
      const data = PrepayIdSchema.parse(
        (
          await api.post(
            'v3/pay/transactions/jsapi',
            order(paidNo, { payer: { openid: OPENIDS.shopper } }),
          )
        ).data,
      )
      await payJsapi(data.prepay_id)
      const paidClose = await refused(
        api.post(
          'v3/pay/transactions/out-trade-no/{out_trade_no}/close',
          { mchid: keys.merchant.mchid },
          { out_trade_no: paidNo },
        ),
      )
      expect(paidClose).toMatchObject({ status: 400, data: { code: 'ORDERPAID' } })
    })

    it('refunds, in parts, and queries the refund; the order turns REFUND and the money goes back', async () => {
      const api = v3(axiosClient(sb.origin, keys))
      const outTradeNo = no()
      const data = PrepayIdSchema.parse(
        (
          await api.post(
            'v3/pay/transactions/jsapi',
            order(outTradeNo, { payer: { openid: OPENIDS.shopper } }),
          )
        ).data,
      )
      const notPaid = await refused(
        api.post('v3/refund/domestic/refunds', {
          out_trade_no: outTradeNo,
          out_refund_no: no('R'),
          amount: { refund: 100, total: 168_00, currency: 'CNY' },
        }),
      )
      expect(notPaid).toMatchObject({ status: 400, data: { code: 'INVALID_REQUEST' } })
      await payJsapi(data.prepay_id)
      const wallet = async () =>
        TestStateSchema.parse((await testApi(sb.origin, 'GET', '/api/__test/state')).body).wallets
          .shopper?.wechatBalanceFen ?? 0
      const before = await wallet()
      const outRefundNo = no('R')
      const body = {
        out_trade_no: outTradeNo,
        out_refund_no: outRefundNo,
        reason: '不想要了',
        amount: { refund: 68_00, total: 168_00, currency: 'CNY' },
      }
      const refund = V3RefundSchema.parse((await api.post('v3/refund/domestic/refunds', body)).data)
      expect(refund).toMatchObject({
        out_refund_no: outRefundNo,
        out_trade_no: outTradeNo,
        status: 'SUCCESS',
        channel: 'ORIGINAL',
        user_received_account: '支付用户零钱',
        amount: { refund: 68_00, total: 168_00, payer_refund: 68_00 },
      })
      expect(refund.refund_id).toMatch(/^50\d{27}$/)
      expect((await api.post('v3/refund/domestic/refunds', body)).data).toEqual(refund)
      expect(await wallet()).toBe(before + 68_00)
      const queried = await api.get('v3/refund/domestic/refunds/{out_refund_no}', {
        out_refund_no: outRefundNo,
      })
      expect(queried.data).toEqual(refund)
      const tx = await api.get('v3/pay/transactions/out-trade-no/{out_trade_no}', {
        params: { mchid: keys.merchant.mchid },
        out_trade_no: outTradeNo,
      })
      expect(tx.data).toMatchObject({ trade_state: 'REFUND', trade_state_desc: '转入退款' })
      const tooMuch = await refused(
        api.post('v3/refund/domestic/refunds', {
          ...body,
          out_refund_no: no('R'),
          amount: { ...body.amount, refund: 100_01 },
        }),
      )
      expect(tooMuch).toMatchObject({ status: 400, data: { code: 'INVALID_REQUEST' } })
      const nothing = await refused(
        api.get('v3/refund/domestic/refunds/{out_refund_no}', { out_refund_no: 'NOPE' }),
      )
      expect(nothing).toMatchObject({ status: 404, data: { code: 'RESOURCE_NOT_EXISTS' } })
    })
  },
)
