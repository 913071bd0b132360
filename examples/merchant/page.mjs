// The shop's pages: plain HTML, no build step. The QR is drawn on the server (qrcode-generator).
import qrcode from 'qrcode-generator'
import { PRODUCT } from './orders.mjs'

const yuan = (fen) => `¥${(fen / 100).toFixed(2)}`
const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function qrSvg(text, alt) {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createSvgTag({ cellSize: 5, margin: 4, scalable: true, alt })
}

const STYLE = `
  body { margin: 0; font: 16px/1.5 -apple-system, "PingFang SC", "Helvetica Neue", sans-serif; color: #1f1f1f; background: #f5f5f5; }
  main { max-width: 480px; margin: 0 auto; padding: 16px; }
  .card { background: #fff; border-radius: 12px; padding: 16px; margin-bottom: 12px; }
  h1 { font-size: 20px; margin: 0 0 4px; } .en { color: #666; font-size: 14px; margin: 0; }
  .price { color: #e02e24; font-size: 24px; font-weight: 600; margin: 8px 0 0; }
  .qr { display: grid; place-items: center; gap: 8px; text-align: center; }
  .qr svg { width: 220px; height: 220px; }
  button, .button { display: block; width: 100%; box-sizing: border-box; margin-top: 10px; padding: 12px; border: 0; border-radius: 8px;
    background: #067a3e; color: #fff; font: inherit; font-weight: 600; text-align: center; text-decoration: none; cursor: pointer; }
  .alipay { background: #1368e8; } .tabs { display: flex; gap: 8px; margin: 0; }
  .tabs a { flex: 1; padding: 8px; border-radius: 8px; background: #fff; color: #1f1f1f; text-align: center; text-decoration: none; }
  .tabs a[aria-current="page"] { font-weight: 600; outline: 2px solid currentColor; }
  .status { font-weight: 600; } .status[data-status="paid"] { color: #067a3e; }
  .note { color: #666; font-size: 13px; }
`

function layout(title, body, script = '') {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>${STYLE}</style></head><body><main>${body}</main>${script}</body></html>`
}

/** Polls the shop's own server until the order is paid (the server hears it from WeChat). */
const poll = (orderId) => `<script>
  const show = document.querySelector('[data-testid="order-status"]')
  async function check() {
    const { paid } = await (await fetch('/orders/${encodeURIComponent(orderId)}.json')).json()
    if (paid) { show.dataset.status = 'paid'; show.textContent = '已支付 Paid'; return }
    setTimeout(check, 500)
  }
  check()
</script>`

const QR = {
  wechatpay: {
    title: '微信扫码支付 · Scan with WeChat',
    alt: 'WeChat Pay QR code',
    testId: 'merchant-qr',
  },
  alipay: {
    title: '支付宝扫码支付 · Scan with Alipay',
    alt: 'Alipay QR code',
    testId: 'alipay-qr',
  },
}

/** The product page: a QR (WeChat's Native, or Alipay's precreate), the H5 / wap buttons, JSAPI's. */
export function productPage({ order, qr = 'wechatpay', codeUrl, simUrl }) {
  const code = QR[qr]
  const tab = (id, href, label) =>
    `<a href="${href}"${qr === id ? ' aria-current="page"' : ''} data-testid="qr-${id}">${label}</a>`
  const body = `
  <section class="card">
    <h1>${escape(PRODUCT.title)}</h1><p class="en">${escape(PRODUCT.titleEn)}</p>
    <p class="price" data-testid="price">${yuan(PRODUCT.amountFen)}</p>
  </section>
  <section class="card qr" aria-labelledby="qr-title">
    <nav class="tabs" aria-label="扫码方式 · QR code of">${tab('wechatpay', '/', '微信 WeChat')}${tab('alipay', '/?qr=alipay', '支付宝 Alipay')}</nav>
    <h2 id="qr-title" style="font-size:16px;margin:0">${code.title}</h2>
    <div data-testid="${code.testId}" data-code-url="${escape(codeUrl)}">${qrSvg(codeUrl, code.alt)}</div>
    <p>订单 Order <code data-testid="order-id">${escape(order.id)}</code></p>
    <p>状态 Status: <span class="status" data-testid="order-status" data-status="pending" aria-live="polite">待支付 Pending</span></p>
  </section>
  <section class="card">
    <form method="post" action="/pay/wechatpay/h5"><button type="submit" data-testid="pay-h5">微信支付 (H5) · Pay in the phone's browser</button></form>
    <button type="button" id="pay-jsapi" data-testid="pay-jsapi">微信内支付 (JSAPI) · Pay inside WeChat</button>
    <form method="post" action="/pay/alipay/wap"><button type="submit" class="alipay" data-testid="pay-alipay-wap">支付宝 (H5) · Pay with Alipay</button></form>
    <p class="note" data-testid="jsapi-result" aria-live="polite"></p>
  </section>`
  // WeixinJSBridge exists only inside WeChat: in the test setup, the simulator's stand-in.
  const script = `<script src="${escape(simUrl)}/wechat/jsbridge.js"></script>${poll(order.id)}
<script>
  const result = document.querySelector('[data-testid="jsapi-result"]')
  document.getElementById('pay-jsapi').addEventListener('click', async () => {
    const { orderId, params } = await (await fetch('/pay/wechatpay/jsapi', { method: 'POST' })).json()
    WeixinJSBridge.invoke('getBrandWCPayRequest', params, (res) => {
      result.dataset.result = res.err_msg
      if (res.err_msg === 'get_brand_wcpay_request:ok') location.href = '/orders/' + orderId
      else result.textContent = res.err_msg === 'get_brand_wcpay_request:cancel' ? '已取消支付 Payment cancelled' : '支付失败 Payment failed'
    })
  })
</script>`
  return layout(PRODUCT.title, body, script)
}

/** An order's page (H5's redirect_url, JSAPI after ok): asks the shop's server, which asks WeChat. */
export function orderPage(order) {
  const body = `
  <section class="card">
    <h1>订单 Order</h1>
    <p><code data-testid="order-id">${escape(order.id)}</code> · ${escape(order.description)} · ${yuan(order.amountFen)}</p>
    <p>状态 Status: <span class="status" data-testid="order-status" data-status="${order.paid ? 'paid' : 'pending'}" aria-live="polite">${order.paid ? '已支付 Paid' : '正在确认… Checking…'}</span></p>
    <a class="button" href="/">继续购物 · Back to the shop</a>
  </section>`
  return layout('订单 Order', body, order.paid ? '' : poll(order.id))
}
