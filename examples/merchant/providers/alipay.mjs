// Alipay (OpenAPI v2) for the example shop, with the official alipay-sdk exactly as against Alipay: only
// `gateway` (v2) and `endpoint` (v3) point at the simulator. 当面付 (precreate → qr_code), 手机网站支付
// (wap.pay → the cashier, back to return_url), the query, and the notification checked with
// checkNotifySignV2. Everything Alipay-specific stays in this file, beside providers/wechatpay.mjs.
import { AlipaySdk } from 'alipay-sdk'

const yuan = (fen) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

/**
 * @param {object} config
 * @param {string} config.simUrl  the simulator's origin (Alipay's: https://openapi.alipay.com)
 * @param {{ appId: string, privateKeyPem: string }} config.app  the shop's app (PKCS#1 private key)
 * @param {string} config.alipayPublicKey  支付宝公钥
 * @param {string} config.notifyUrl  where Alipay posts trade_status_sync
 */
export function alipay({ simUrl, app, alipayPublicKey, notifyUrl }) {
  const sdk = new AlipaySdk({
    appId: app.appId,
    privateKey: app.privateKeyPem,
    alipayPublicKey,
    gateway: `${simUrl}/gateway.do`, // the one change (v2) …
    endpoint: simUrl, // … and v3's
  })

  const bizContent = (order, productCode) => ({
    outTradeNo: order.id,
    totalAmount: yuan(order.amountFen),
    subject: order.description,
    productCode,
  })

  return {
    id: 'alipay',
    name: '支付宝 Alipay',
    /** What Alipay wants to read back from a notification it may stop retrying. */
    acknowledge: { ok: 'success', fail: 'fail' },

    /** 当面付: precreate's qr_code, to draw as a QR code. */
    async precreate(order) {
      const res = await sdk.exec(
        'alipay.trade.precreate',
        { notifyUrl, bizContent: bizContent(order, 'FACE_TO_FACE_PAYMENT') },
        { validateSign: true },
      )
      if (res.code !== '10000')
        throw new Error(`precreate: ${res.subCode ?? res.code} ${res.subMsg ?? res.msg}`)
      return res.qrCode
    },

    /** 手机网站支付: the signed GET URL of the gateway, which sends the browser on to Alipay's cashier. */
    wap(order, returnUrl) {
      return sdk.pageExec('alipay.trade.wap.pay', 'GET', {
        notifyUrl,
        returnUrl,
        bizContent: { ...bizContent(order, 'QUICK_WAP_WAY'), quitUrl: returnUrl },
      })
    },

    /** 统一收单交易查询: whether it is paid (never trust the browser's word, nor return_url's). */
    async isPaid(orderId) {
      const res = await sdk.exec(
        'alipay.trade.query',
        { bizContent: { outTradeNo: orderId } },
        { validateSign: true },
      )
      // A precreated code nobody has scanned yet is ACQ.TRADE_NOT_EXIST, as on Alipay: not paid.
      return res.code === '10000' && ['TRADE_SUCCESS', 'TRADE_FINISHED'].includes(res.tradeStatus)
    },

    /**
     * A notification (a form): checked with checkNotifySignV2 and for this app. Answers the paid order's
     * id, null for another status, or throws (the shop answers `fail` and Alipay retries).
     */
    verifyNotification(headers, rawBody) {
      const form = Object.fromEntries(new URLSearchParams(rawBody))
      if (!sdk.checkNotifySignV2(form)) throw new Error('bad signature')
      if (form.app_id !== app.appId) throw new Error(`a notification for app ${form.app_id}`)
      return ['TRADE_SUCCESS', 'TRADE_FINISHED'].includes(form.trade_status) && !form.refund_fee
        ? form.out_trade_no
        : null
    },
  }
}
