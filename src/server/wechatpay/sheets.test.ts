// The paying side of the sandbox: WeChat's pay sheet of a merchant's order, paid with the password,
// getBrandWCPayRequest's paySign check, the payer's 账单 and the code_url's form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Formatter, Rsa } from 'wechatpay-axios-plugin'
import type { WechatpayKeys } from '../../contract/wechatpay-test.ts'
import { axiosClient, fetchKeys, testApi, v3 } from '../../../test/support/wechatpay.ts'
import { sandbox } from './testing.ts'
import type { Sandbox } from './testing.ts'

let sb: Sandbox
let keys: WechatpayKeys
let seq = 0
const no = () => `SH${Date.now()}${++seq}`

beforeAll(async () => {
  sb = await sandbox()
  keys = await fetchKeys(sb.origin)
}, 30_000)
afterAll(() => sb.close())

const order = (out_trade_no: string, extra: Record<string, unknown> = {}) => ({
  appid: keys.merchant.appid,
  mchid: keys.merchant.mchid,
  description: '手冲咖啡豆 200g',
  out_trade_no,
  notify_url: 'http://127.0.0.1:9/notify',
  amount: { total: 59_00, currency: 'CNY' },
  ...extra,
})

const api = (method: 'GET' | 'POST', path: string, body?: unknown) =>
  fetch(`${sb.origin}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-sim-persona': 'shopper' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }))

describe('paying a merchant order in the simulated WeChat', { timeout: 30_000 }, () => {
  it('shows a scanned code_url, pays it with the password, lists it in 账单', async () => {
    const client = v3(axiosClient(sb.origin, keys))
    const outTradeNo = no()
    const { data } = await client.post('v3/pay/transactions/native', order(outTradeNo))
    const pr = new URL(String(data.code_url)).searchParams.get('pr') ?? ''
    const sheet = await api('GET', `/api/pay/merchant-sheets/${encodeURIComponent(pr)}`)
    expect(sheet).toMatchObject({
      status: 200,
      body: { tradeType: 'NATIVE', amountFen: 5900, status: 'NOTPAY', outTradeNo },
    })
    const path = `/api/pay/merchant-sheets/${encodeURIComponent(pr)}/confirm`
    expect((await api('POST', path, { password: '000000' })).body.code).toBe('PASSWORD_ERROR')
    const paid = await api('POST', path, { password: '123456' })
    expect(paid).toMatchObject({ status: 200, body: { outTradeNo, amountFen: 5900 } })
    expect((await api('POST', path, { password: '123456' })).body.code).toBe('ORDERPAID')
    const query = await client.get(
      `v3/pay/transactions/out-trade-no/${outTradeNo}?mchid=${keys.merchant.mchid}`,
    )
    expect(query.data.trade_state).toBe('SUCCESS')
    const bills = await api('GET', '/api/pay/bills?app=wechat')
    const list = bills.body.bills as { orderId: string; transactionId: string }[]
    expect(list[0]).toMatchObject({ orderId: outTradeNo, transactionId: paid.body.transactionId })
  })

  it('checks getBrandWCPayRequest paySign before it shows the JSAPI sheet', async () => {
    const client = v3(axiosClient(sb.origin, keys))
    const { data } = await client.post('v3/pay/transactions/jsapi', {
      ...order(no()),
      payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    })
    const timeStamp = String(Formatter.timestamp())
    const nonceStr = Formatter.nonce()
    const pkg = `prepay_id=${String(data.prepay_id)}`
    const paySign = Rsa.sign(
      Formatter.joinedByLineFeed(keys.merchant.appid, timeStamp, nonceStr, pkg),
      Rsa.from(keys.merchant.privateKeyPem, Rsa.KEY_TYPE_PRIVATE),
    )
    const params = {
      appId: keys.merchant.appid,
      timeStamp,
      nonceStr,
      package: pkg,
      signType: 'RSA',
      paySign,
    }
    const ok = await api('POST', '/api/pay/brand-pay-requests', params)
    expect(ok).toMatchObject({ status: 200, body: { tradeType: 'JSAPI', token: data.prepay_id } })
    const bad = await api('POST', '/api/pay/brand-pay-requests', { ...params, nonceStr: 'other' })
    expect(bad).toMatchObject({ status: 400, body: { code: 'PAY_SIGN_ERROR' } })
    const none = await api('POST', '/api/pay/brand-pay-requests', {
      ...params,
      package: 'prepay_id=wx1',
    })
    expect(none.body.code).toBe('PAY_SIGN_ERROR')
  })

  it("gives the web form of code_url to a merchant registered with codeUrl 'web'", async () => {
    const reg = await testApi(sb.origin, 'POST', '/api/__test/wechatpay/merchants', {
      mchid: keys.merchant.mchid,
      serialNo: keys.merchant.serialNo,
      publicKeyPem: keys.merchant.certificatePem,
      apiV3Key: keys.merchant.apiV3Key,
      appid: keys.merchant.appid,
      name: '示例小店 Example Shop',
      codeUrl: 'web',
    })
    expect(reg.body).toMatchObject({ codeUrl: 'web', name: '示例小店 Example Shop' })
    const client = v3(axiosClient(sb.origin, keys))
    const { data } = await client.post('v3/pay/transactions/native', order(no()))
    expect(String(data.code_url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/wechat\/pay\?pr=/)
    const pr = new URL(String(data.code_url)).searchParams.get('pr') ?? ''
    const sheet = await api('GET', `/api/pay/merchant-sheets/${encodeURIComponent(pr)}`)
    expect(sheet.body.merchant).toBe('示例小店 Example Shop')
    expect((await api('GET', '/api/pay/merchant-sheets/nope')).status).toBe(404)
  })
})
