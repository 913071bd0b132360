// WeChat Pay (APIv3) for the example shop, with wechatpay-axios-plugin exactly as against WeChat: only
// `baseURL` points at the simulator. The shop calls create / query / verifyNotification; everything
// WeChat-specific stays in this file, so another provider (Alipay) can sit beside it in providers/.
import { Aes, Formatter, Rsa, Wechatpay } from 'wechatpay-axios-plugin'

/**
 * @param {object} config
 * @param {string} config.baseURL  the simulator's origin and a slash (WeChat's: https://api.mch.weixin.qq.com/)
 * @param {{ mchid: string, appid: string, serialNo: string, privateKeyPem: string, apiV3Key: string }} config.merchant
 * @param {{ id: string, pem: string }} config.platformKey  WeChat Pay's public key (PUB_KEY_ID_…)
 * @param {string} config.notifyUrl  where WeChat posts TRANSACTION.SUCCESS
 */
export function wechatPay({ baseURL, merchant, platformKey, notifyUrl }) {
  const wxpay = new Wechatpay({
    mchid: merchant.mchid,
    serial: merchant.serialNo,
    privateKey: merchant.privateKeyPem,
    certs: { [platformKey.id]: platformKey.pem },
    baseURL, // the one change
  })
  const privateKey = Rsa.from(merchant.privateKeyPem, Rsa.KEY_TYPE_PRIVATE)
  const publicKey = Rsa.from(platformKey.pem, Rsa.KEY_TYPE_PUBLIC)

  const body = (order, extra = {}) => ({
    appid: merchant.appid,
    mchid: merchant.mchid,
    description: order.description,
    out_trade_no: order.id,
    notify_url: notifyUrl,
    amount: { total: order.amountFen, currency: 'CNY' },
    ...extra,
  })

  return {
    id: 'wechatpay',
    name: '微信支付 WeChat Pay',

    /** Native: the code_url to draw as a QR code. */
    async native(order) {
      const { data } = await wxpay.v3.pay.transactions.native.post(body(order))
      return data.code_url
    },

    /** H5: the h5_url, with where WeChat returns the shopper to afterwards. */
    async h5(order, redirectUrl, clientIp) {
      const { data } = await wxpay.v3.pay.transactions.h5.post(
        body(order, { scene_info: { payer_client_ip: clientIp, h5_info: { type: 'Wap' } } }),
      )
      return `${data.h5_url}&redirect_url=${encodeURIComponent(redirectUrl)}`
    },

    /** JSAPI: getBrandWCPayRequest's parameters, signed with the merchant's key. */
    async jsapi(order, openid) {
      const { data } = await wxpay.v3.pay.transactions.jsapi.post(
        body(order, { payer: { openid } }),
      )
      const timeStamp = String(Formatter.timestamp())
      const nonceStr = Formatter.nonce()
      const pkg = `prepay_id=${data.prepay_id}`
      const message = Formatter.joinedByLineFeed(merchant.appid, timeStamp, nonceStr, pkg)
      return {
        appId: merchant.appid,
        timeStamp,
        nonceStr,
        package: pkg,
        signType: 'RSA',
        paySign: Rsa.sign(message, privateKey),
      }
    },

    /** 查询订单: whether it is paid (never trust the browser's word). */
    async isPaid(orderId) {
      const { data } = await wxpay.v3.pay.transactions.outTradeNo.$out_trade_no$.get({
        params: { mchid: merchant.mchid },
        out_trade_no: orderId,
      })
      return data.trade_state === 'SUCCESS'
    },

    /**
     * A notification: verified (signature over timestamp, nonce and body), then decrypted with the APIv3
     * key. Answers the paid order's id, or throws (the shop answers non-2xx and WeChat retries).
     */
    verifyNotification(headers, rawBody) {
      const signature = headers['wechatpay-signature'] ?? ''
      if (signature.startsWith('WECHATPAY/SIGNTEST/')) throw new Error('a signature probe')
      const message = Formatter.response(
        headers['wechatpay-timestamp'],
        headers['wechatpay-nonce'],
        rawBody,
      )
      if (!Rsa.verify(message, signature, publicKey)) throw new Error('bad signature')
      const { event_type, resource } = JSON.parse(rawBody)
      if (event_type !== 'TRANSACTION.SUCCESS') return null
      const tx = JSON.parse(
        Aes.AesGcm.decrypt(
          resource.ciphertext,
          merchant.apiV3Key,
          resource.nonce,
          resource.associated_data,
        ),
      )
      return tx.trade_state === 'SUCCESS' ? tx.out_trade_no : null
    },
  }
}
