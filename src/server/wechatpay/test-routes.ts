import { createPublicKey, randomUUID } from 'node:crypto'
import type { Context } from 'hono'
import type { TestPayBody } from '../../contract/wechatpay-test.ts'
import { registerMerchant } from '../domain/wechatpay/merchants.ts'
import { personaOfOpenid } from '../domain/wechatpay/openids.ts'
import { txKey } from '../domain/wechatpay/state.ts'
import type { V3TransactionRecord } from '../domain/wechatpay/state.ts'
import { payTransaction } from '../domain/wechatpay/transactions.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { fail } from '../http/respond.ts'
import type { RouteHandlers } from '../http/route-table.ts'
import type { MerchantIdentity } from './directory.ts'
import { notifyDelayMs } from './refunds.ts'
import { paySignMessage, verifyMessage } from './sign.ts'
import { transactionView } from './views.ts'

type WechatpayTestRoute = 'testWechatpayKeys' | 'testWechatpayMerchant' | 'testWechatpayPay'

/** wx.requestPayment's (and getBrandWCPayRequest's) flat fields. */
export type PaySignFields = Pick<
  TestPayBody,
  'appId' | 'timeStamp' | 'nonceStr' | 'package' | 'signType' | 'paySign'
>

/** Why wx.requestPayment's flat fields would be refused by WeChat's client, or null if they verify. */
export function paySignProblem(
  body: PaySignFields,
  tx: V3TransactionRecord,
  merchant: MerchantIdentity,
): string | null {
  if (tx.tradeType !== 'JSAPI' && tx.tradeType !== 'APP') {
    return `paySign is for JSAPI and APP orders; this one is ${tx.tradeType}`
  }
  const { appId, timeStamp, nonceStr, signType, paySign } = body
  const expectedPackage = tx.tradeType === 'JSAPI' ? `prepay_id=${tx.payToken}` : 'Sign=WXPay'
  if (appId !== tx.appid) return `appId ${appId ?? '(none)'} is not the order's appid ${tx.appid}`
  if (!timeStamp || !/^\d{1,12}$/.test(timeStamp))
    return 'timeStamp must be Unix seconds, as a string'
  if (!nonceStr) return 'nonceStr is missing'
  if (body.package !== expectedPackage) {
    return `package must be "${expectedPackage}", not "${body.package ?? ''}"`
  }
  if (tx.tradeType === 'JSAPI' && signType !== 'RSA') return 'signType must be "RSA"'
  const signed = tx.tradeType === 'JSAPI' ? body.package : tx.payToken
  const message = paySignMessage(appId, timeStamp, nonceStr, signed)
  if (!paySign || !verifyMessage(message, paySign, merchant.publicKey)) {
    return `paySign does not verify with mchid ${merchant.mchid}'s key over ${JSON.stringify(message)}`
  }
  return null
}

/** The test API's part of the APIv3 sandbox: keys, a merchant's own key, paying as a persona. */
export function wechatpayTestHandlers(deps: AppDeps): RouteHandlers<WechatpayTestRoute> {
  const { directory } = deps.worlds
  const merchantOf = (c: Context<AppEnv>, mchid: string) => {
    const merchant = directory.lookup(mchid)
    return merchant && merchant.world === c.get('world').id ? merchant : null
  }
  return {
    testWechatpayKeys: (c) => {
      const { platform, merchant } = directory.keys
      const mchid = c.get('world').wechatpay.mchid
      return c.json({
        publicKeyId: platform.publicKeyId,
        publicKeyPem: platform.publicKeyPem,
        platformCertificatePem: platform.certificatePem,
        platformSerialNo: platform.serialNo,
        merchant: {
          mchid,
          appid: merchant.appid,
          serialNo: merchant.serialNo,
          privateKeyPem: merchant.privateKeyPem,
          certificatePem: merchant.certificatePem,
          apiV3Key: merchant.apiV3Key,
          mode: directory.lookup(mchid)?.mode ?? 'publicKey',
        },
      })
    },
    testWechatpayMerchant: (c, { body }) => {
      const world = c.get('world')
      try {
        const key = createPublicKey(body.publicKeyPem)
        if (key.asymmetricKeyType !== 'rsa') throw new Error(`a ${key.asymmetricKeyType} key`)
      } catch (error) {
        return fail(c, {
          code: 'PARAM_ERROR',
          message: `publicKeyPem: not an RSA public key or certificate (${error instanceof Error ? error.message : String(error)})`,
        })
      }
      if (!directory.mayRegister(body.mchid, world.id)) {
        return fail(c, {
          code: 'MCHID_TAKEN',
          message: `mchid ${body.mchid} belongs to another world: mchids are unique in the process`,
        })
      }
      const result = world.store.run((s, now) => registerMerchant(s.wechatpay, body, now))
      if (!result.ok) return fail(c, result.error)
      const { mchid, appid, serialNo, name, mode, codeUrl = 'weixin' } = result.value
      return c.json({ mchid, appid, serialNo, name, mode, codeUrl, world: world.id })
    },
    testWechatpayPay: (c, { body }) => {
      const world = c.get('world')
      const merchant = merchantOf(c, body.mchid)
      const { wechatpay } = world.store.state
      const key = body.out_trade_no
        ? txKey(body.mchid, body.out_trade_no)
        : wechatpay.byToken.get(body.prepay_id ?? '')
      const tx = key === undefined ? undefined : wechatpay.transactions.get(key)
      if (!merchant || !tx || tx.mchid !== body.mchid) {
        return fail(c, {
          code: 'ORDER_NOT_EXIST',
          message: `no order ${body.out_trade_no ?? body.prepay_id} of mchid ${body.mchid} in this world`,
        })
      }
      if (body.paySign !== undefined) {
        const problem = paySignProblem(body, tx, merchant)
        if (problem)
          return fail(c, { code: 'PAY_SIGN_ERROR', message: `支付验证签名失败: ${problem}` })
      }
      const persona = body.persona ?? personaOfOpenid(tx.openid) ?? 'shopper'
      const fault = world.faults.confirmFault(persona, tx.key)
      if (fault) return fail(c, fault)
      const transactionId = deps.ids.transactionId('wechat', world.store.now())
      const result = world.store.run((s, now) =>
        payTransaction(
          s.wechatpay,
          s.gateway,
          {
            key: tx.key,
            persona,
            source: body.source ?? 'wechat-balance',
            password: body.password ?? null,
            transactionId,
            notificationId: randomUUID(),
            notifyAtMs: now + notifyDelayMs(world.faults),
          },
          now,
        ),
      )
      if (!result.ok) return fail(c, result.error)
      return c.json({ transaction: transactionView(result.value) })
    },
  }
}
