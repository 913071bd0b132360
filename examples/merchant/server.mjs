// An example shop that takes WeChat Pay through the simulator: `npm run example:merchant`.
// Native (a QR on the product page), H5 (the phone's browser) and JSAPI (inside WeChat), the signed
// notification, and the order's page. Only the SDK's baseURL differs from a shop talking to WeChat.
//
//   SIM_URL    the simulator (default http://127.0.0.1:4173)     PORT  this shop's port (default 3000)
//   SIM_WORLD  a world of the simulator to work in (tests)        CODE_URL=web  code_url as a web link
import { createServer } from 'node:http'
import { findOrder, markPaid, newOrder } from './orders.mjs'
import { orderPage, productPage } from './page.mjs'
import { wechatPay } from './providers/wechatpay.mjs'
import { sandboxKeys } from './sandbox.mjs'

const SIM_URL = (process.env.SIM_URL ?? 'http://127.0.0.1:4173').replace(/\/$/, '')
const PORT = Number(process.env.PORT ?? 3000)
const SHOP_URL = `http://127.0.0.1:${PORT}`
/** A payer the JSAPI order is for: in WeChat it is the openid of the user who opened the page. */
const OPENID = process.env.OPENID ?? 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o'

const keys = await sandboxKeys(SIM_URL, process.env.SIM_WORLD, '示例小店 Example Shop')
/** The payment providers, by id: a second one (Alipay) goes beside WeChat Pay. */
const providers = {
  wechatpay: wechatPay({
    baseURL: `${SIM_URL}/`,
    merchant: keys.merchant,
    platformKey: keys.platformKey,
    notifyUrl: `${SHOP_URL}/notify/wechatpay`,
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
    const order = newOrder('wechatpay', 'native')
    return html(res, productPage({ order, codeUrl: await wechat.native(order), simUrl: SIM_URL }))
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
    try {
      const paid = providers[notify[1]].verifyNotification(req.headers, raw)
      if (paid) markPaid(paid)
      return send(res, 204, 'text/plain', '')
    } catch (error) {
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
    `[shop] example merchant at ${SHOP_URL} (WeChat Pay sandbox: ${SIM_URL}, mchid ${keys.merchant.mchid})`,
  )
})
