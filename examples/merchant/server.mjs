// An example shop that takes WeChat Pay and Alipay through the simulator: `npm run example:merchant`.
// WeChat: Native (a QR on the product page), H5 (the phone's browser) and JSAPI (inside WeChat); Alipay:
// 当面付 (precreate's QR, `/?qr=alipay`) and 手机网站支付 (wap.pay); the signed notifications, and the
// order's page. Only the SDKs' baseURL / gateway / endpoint differ from a shop talking to the real ones.
//
//   SIM_URL    the simulator (default http://127.0.0.1:4173)     PORT  this shop's port (default 3000)
//   SIM_WORLD  a world of the simulator to work in (tests)        CODE_URL=web  code_url as a web link
import { createServer } from 'node:http'
import { findOrder, markPaid, newOrder } from './orders.mjs'
import { orderPage, productPage } from './page.mjs'
import { alipay } from './providers/alipay.mjs'
import { wechatPay } from './providers/wechatpay.mjs'
import { alipaySandboxKeys, sandboxKeys } from './sandbox.mjs'

const SIM_URL = (process.env.SIM_URL ?? 'http://127.0.0.1:4173').replace(/\/$/, '')
const PORT = Number(process.env.PORT ?? 3000)
const SHOP_URL = `http://127.0.0.1:${PORT}`
/** A payer the JSAPI order is for: in WeChat it is the openid of the user who opened the page. */
const OPENID = process.env.OPENID ?? 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o'

const SHOP_NAME = '示例小店 Example Shop'
const keys = await sandboxKeys(SIM_URL, process.env.SIM_WORLD, SHOP_NAME)
const alipayKeys = await alipaySandboxKeys(SIM_URL, process.env.SIM_WORLD, SHOP_NAME)
/** The payment providers, by id: notifications come to /notify/<id>. */
const providers = {
  wechatpay: wechatPay({
    baseURL: `${SIM_URL}/`,
    merchant: keys.merchant,
    platformKey: keys.platformKey,
    notifyUrl: `${SHOP_URL}/notify/wechatpay`,
  }),
  alipay: alipay({
    simUrl: SIM_URL,
    app: alipayKeys.app,
    alipayPublicKey: alipayKeys.alipayPublicKey,
    notifyUrl: `${SHOP_URL}/notify/alipay`,
  }),
}

const send = (res, status, type, body, headers = {}) => {
  res.writeHead(status, { 'content-type': type, ...headers })
  res.end(body)
}
const html = (res, body) => send(res, 200, 'text/html; charset=utf-8', body)
const json = (res, status, value) => send(res, status, 'application/json', JSON.stringify(value))
const readBody = (req) =>
  new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })

async function route(req, res) {
  const url = new URL(req.url ?? '/', SHOP_URL)
  const wechat = providers.wechatpay
  if (req.method === 'GET' && url.pathname === '/') {
    // The QR of one way to pay: WeChat's Native code_url, or (?qr=alipay) Alipay's precreate qr_code.
    const qr = url.searchParams.get('qr') === 'alipay' ? 'alipay' : 'wechatpay'
    const order = newOrder(qr, qr === 'alipay' ? 'precreate' : 'native')
    const codeUrl =
      qr === 'alipay' ? await providers.alipay.precreate(order) : await wechat.native(order)
    return html(res, productPage({ order, qr, codeUrl, simUrl: SIM_URL }))
  }
  if (req.method === 'POST' && url.pathname === '/pay/alipay/wap') {
    const order = newOrder('alipay', 'wap')
    const payUrl = providers.alipay.wap(order, `${SHOP_URL}/orders/${order.id}`)
    return send(res, 303, 'text/plain', '', { location: payUrl })
  }
  if (req.method === 'POST' && url.pathname === '/pay/wechatpay/h5') {
    const order = newOrder('wechatpay', 'h5')
    const h5Url = await wechat.h5(order, `${SHOP_URL}/orders/${order.id}`, '127.0.0.1')
    return send(res, 303, 'text/plain', '', { location: h5Url })
  }
  if (req.method === 'POST' && url.pathname === '/pay/wechatpay/jsapi') {
    const order = newOrder('wechatpay', 'jsapi')
    return json(res, 200, { orderId: order.id, params: await wechat.jsapi(order, OPENID) })
  }
  const notify = url.pathname.match(/^\/notify\/(\w+)$/)
  if (req.method === 'POST' && notify && providers[notify[1]]) {
    const raw = await readBody(req)
    const provider = providers[notify[1]]
    // WeChat Pay wants a 2xx (else a 4xx/5xx with JSON); Alipay the plain text `success` (else anything).
    const ack = provider.acknowledge
    try {
      const paid = provider.verifyNotification(req.headers, raw)
      if (paid) markPaid(paid)
      return ack ? send(res, 200, 'text/plain', ack.ok) : send(res, 204, 'text/plain', '')
    } catch (error) {
      console.error(`[shop] ${notify[1]} notification refused:`, error?.message ?? error)
      if (ack) return send(res, 200, 'text/plain', ack.fail)
      return json(res, 401, { code: 'FAIL', message: String(error.message ?? error) })
    }
  }
  const page = url.pathname.match(/^\/orders\/([\w-]+?)(\.json)?$/)
  if (req.method === 'GET' && page) {
    const order = findOrder(page[1])
    if (!order) return json(res, 404, { code: 'NOT_FOUND', message: 'no such order' })
    // Back from H5 or JSAPI: ask WeChat rather than trust the browser (the notification may be late).
    if (!order.paid && (await providers[order.provider].isPaid(order.id))) markPaid(order.id)
    return page[2]
      ? json(res, 200, { id: order.id, paid: order.paid })
      : html(res, orderPage(order))
  }
  return json(res, 404, { code: 'NOT_FOUND', message: `no page ${url.pathname}` })
}

createServer((req, res) => {
  route(req, res).catch((error) => {
    console.error('[shop]', error?.response?.data ?? error)
    if (!res.headersSent)
      json(res, 500, { code: 'SHOP_ERROR', message: String(error?.message ?? error) })
  })
}).listen(PORT, '127.0.0.1', () => {
  console.log(
    `[shop] example merchant at ${SHOP_URL} (WeChat Pay and Alipay sandbox: ${SIM_URL}, mchid ${keys.merchant.mchid}, Alipay app_id ${alipayKeys.app.appId})`,
  )
})
