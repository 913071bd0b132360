// wechatpay-node-v3, unchanged but for its createHttp hook (it hard-codes api.mch.weixin.qq.com), against
// the sandbox: orders, queries, close, refunds, and both notifications verified by its own verifySign
// (which fetches /v3/certificates for the serial it does not know and decrypts it) and decipher_gcm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Pay from 'wechatpay-node-v3'
import type { WechatpayKeys } from '../../contract/wechatpay-test.ts'
import {
  V3NotificationSchema,
  V3RefundResourceSchema,
  V3TransactionSchema,
} from '../../contract/wechatpay.ts'
import { fetchKeys, nodeV3Http, notifyServer, testApi } from '../../../test/support/wechatpay.ts'
import type { NotifyServer } from '../../../test/support/wechatpay.ts'
import { OPENIDS } from '../domain/wechatpay/openids.ts'
import { sandbox } from './testing.ts'
import type { Sandbox } from './testing.ts'

let sb: Sandbox
let keys: WechatpayKeys
let world: string
let notify: NotifyServer
let pay: Pay
let seq = 0
const no = () => `NV${Date.now()}${++seq}`

beforeAll(async () => {
  sb = await sandbox()
  notify = await notifyServer()
  world = String((await testApi(sb.origin, 'POST', '/api/__test/worlds', {})).body.world)
  keys = await fetchKeys(sb.origin, world)
  // wechatpay-node-v3 verifies notifications with platform certificates only: this world's demo
  // merchant is switched to certificate mode (the same key, registered again).
  const registered = await testApi(
    sb.origin,
    'POST',
    '/api/__test/wechatpay/merchants',
    {
      mchid: keys.merchant.mchid,
      serialNo: keys.merchant.serialNo,
      publicKeyPem: keys.merchant.certificatePem,
      apiV3Key: keys.merchant.apiV3Key,
      appid: keys.merchant.appid,
      mode: 'certificate',
    },
    world,
  )
  expect(registered.status).toBe(200)
  pay = new Pay({
    appid: keys.merchant.appid,
    mchid: keys.merchant.mchid,
    publicKey: Buffer.from(keys.merchant.certificatePem),
    privateKey: Buffer.from(keys.merchant.privateKeyPem),
    key: keys.merchant.apiV3Key,
  })
  pay.createHttp(nodeV3Http(sb.origin))
}, 30_000)
afterAll(async () => {
  await notify.close()
  await sb.close()
})

const base = (out_trade_no: string) => ({
  description: '260g重磅纯棉短袖T恤',
  out_trade_no,
  notify_url: notify.url,
  amount: { total: 79_00 },
})

/** What a merchant's notify handler does with wechatpay-node-v3: verify, then decrypt. */
async function verifyAndDecrypt(got: { headers: Record<string, unknown>; body: string }) {
  const header = (name: string) => String(got.headers[name] ?? '')
  const envelope = V3NotificationSchema.parse(JSON.parse(got.body))
  const verified = await pay.verifySign({
    timestamp: header('wechatpay-timestamp'),
    nonce: header('wechatpay-nonce'),
    serial: header('wechatpay-serial'),
    signature: header('wechatpay-signature'),
    // As most handlers have it: the parsed body, which the SDK serialises again before verifying.
    body: JSON.parse(got.body) as Record<string, unknown>,
  })
  const { ciphertext, associated_data, nonce } = envelope.resource
  return {
    verified,
    envelope,
    resource: pay.decipher_gcm<unknown>(ciphertext, associated_data, nonce),
  }
}

describe('wechatpay-node-v3 through createHttp', { timeout: 30_000 }, () => {
  it('creates native, H5, JSAPI and app orders', async () => {
    const native = await pay.transactions_native(base(no()))
    expect(native).toMatchObject({
      status: 200,
      data: { code_url: expect.stringMatching(/^weixin:\/\/wxpay\/bizpayurl\?pr=w/) },
    })
    const h5 = await pay.transactions_h5({
      ...base(no()),
      scene_info: { payer_client_ip: '127.0.0.1', h5_info: { type: 'Wap', app_name: '沙箱商城' } },
    })
    expect(h5.data).toMatchObject({ h5_url: expect.stringContaining('/wechat/h5pay?prepay_id=w') })
    const jsapi = await pay.transactions_jsapi({
      ...base(no()),
      payer: { openid: OPENIDS.shopper },
    })
    // The SDK turns the prepay_id into wx.requestPayment's fields, signed with the merchant's key.
    expect(jsapi.data).toMatchObject({
      appId: keys.merchant.appid,
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=w/),
    })
    const app = await pay.transactions_app(base(no()))
    expect(app.data).toMatchObject({ partnerid: keys.merchant.mchid, package: 'Sign=WXPay' })
  })

  it('pays with the SDK’s own paySign, queries by both ids, refunds; both notifications verify and decrypt', async () => {
    const outTradeNo = no()
    const jsapi = await pay.transactions_jsapi({
      ...base(outTradeNo),
      payer: { openid: OPENIDS.shopper },
    })
    const fields = jsapi.data as Record<string, string>
    const paid = await testApi(
      sb.origin,
      'POST',
      '/api/__test/wechatpay/pay',
      {
        mchid: keys.merchant.mchid,
        prepay_id: String(fields.package).slice('prepay_id='.length),
        appId: fields.appId,
        timeStamp: fields.timeStamp,
        nonceStr: fields.nonceStr,
        package: fields.package,
        signType: fields.signType,
        paySign: fields.paySign,
      },
      world,
    )
    expect(paid, JSON.stringify(paid.body)).toMatchObject({ status: 200 })

    const success = await verifyAndDecrypt(await notify.next())
    expect(success.verified).toBe(true)
    expect(success.envelope).toMatchObject({
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      summary: '支付成功',
    })
    const transaction = V3TransactionSchema.parse(success.resource)
    expect(transaction).toMatchObject({
      out_trade_no: outTradeNo,
      trade_state: 'SUCCESS',
      mchid: keys.merchant.mchid,
    })

    const byNo = await pay.query({ out_trade_no: outTradeNo })
    expect(byNo).toMatchObject({ status: 200, data: { trade_state: 'SUCCESS' } })
    const byId = await pay.query({ transaction_id: String(transaction.transaction_id) })
    expect(byId.data).toEqual(byNo.data)

    const outRefundNo = `R${outTradeNo}`
    const refund = await pay.refunds({
      out_trade_no: outTradeNo,
      out_refund_no: outRefundNo,
      notify_url: notify.url,
      amount: { refund: 79_00, total: 79_00, currency: 'CNY' },
    })
    expect(refund).toMatchObject({
      status: 200,
      data: { status: 'SUCCESS', out_refund_no: outRefundNo },
    })
    const found = await pay.find_refunds(outRefundNo)
    expect(found.data).toEqual(refund.data)
    const refunded = await verifyAndDecrypt(await notify.next())
    expect(refunded.verified).toBe(true)
    expect(refunded.envelope).toMatchObject({ event_type: 'REFUND.SUCCESS', summary: '退款成功' })
    expect(V3RefundResourceSchema.parse(refunded.resource)).toMatchObject({
      out_refund_no: outRefundNo,
      refund_status: 'SUCCESS',
      amount: { refund: 79_00, total: 79_00 },
    })
    expect((await pay.query({ out_trade_no: outTradeNo })).data).toMatchObject({
      trade_state: 'REFUND',
    })
  })

  it('closes an unpaid order (204); its certificates download decrypts with the APIv3 key', async () => {
    const outTradeNo = no()
    await pay.transactions_native(base(outTradeNo))
    expect((await pay.close(outTradeNo)).status).toBe(204)
    expect((await pay.query({ out_trade_no: outTradeNo })).data).toMatchObject({
      trade_state: 'CLOSED',
    })
    const certificates = await pay.get_certificates(keys.merchant.apiV3Key)
    expect(certificates).toHaveLength(1)
    expect(certificates[0]).toMatchObject({ serial_no: keys.platformSerialNo })
    expect(String(certificates[0]?.publicKey)).toContain('BEGIN PUBLIC KEY')
  })
})
