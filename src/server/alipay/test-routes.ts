import { createPublicKey } from 'node:crypto'
import type { Context } from 'hono'
import type { AlipayTradeSheet } from '../../contract/alipay-test.ts'
import type { PersonaId } from '../../contract/sim.ts'
import { registerAlipayApp } from '../domain/alipay/apps.ts'
import { tradeKey } from '../domain/alipay/state.ts'
import type { AlipayTradeRecord } from '../domain/alipay/state.ts'
import { payTrade, seeTrade } from '../domain/alipay/trades.ts'
import type { AppDeps, AppEnv } from '../http/env.ts'
import { fail } from '../http/respond.ts'
import type { RouteHandlers } from '../http/route-table.ts'
import type { World } from '../worlds/world.ts'
import { DEMO_APP_NAME } from './directory.ts'
import { alipayReturnUrl } from './return-url.ts'
import { notifyPlan } from './trade-ops.ts'
import { statusOf } from './views.ts'

type AlipayApiRoute =
  | 'alipayTrade'
  | 'alipayOpenTrade'
  | 'alipayPayTrade'
  | 'testAlipayKeys'
  | 'testAlipayApp'
  | 'testAlipayScan'
  | 'testAlipayPay'

/**
 * The /api side of the Alipay sandbox: what the simulated cashier and 支付宝 app call (a trade by its
 * token, opening it, paying it with the password pad), and the test API (keys, an app's own key, a
 * persona scanning or paying by out_trade_no).
 */
export function alipayApiHandlers(deps: AppDeps): RouteHandlers<AlipayApiRoute> {
  const directory = deps.worlds.alipayDirectory
  const sheet = (world: World, trade: AlipayTradeRecord): AlipayTradeSheet => ({
    token: trade.payToken,
    appId: trade.appId,
    merchantName: directory.lookup(trade.appId)?.name ?? DEMO_APP_NAME,
    outTradeNo: trade.outTradeNo,
    subject: trade.subject,
    amountFen: trade.amountFen,
    product: trade.product,
    status: trade.state === 'CREATED' ? null : statusOf(trade),
    expiresAt: trade.expiresAt,
    returnUrl: alipayReturnUrl(trade, directory.keys, world.store.now()),
    quitUrl: trade.quitUrl,
  })
  const byToken = (world: World, token: string) => {
    const key = world.store.state.alipay.byToken.get(token)
    return key === undefined ? undefined : world.store.state.alipay.trades.get(key)
  }
  const byOutTradeNo = (world: World, appId: string, outTradeNo: string) =>
    directory.owner(appId) === world.id
      ? world.store.state.alipay.trades.get(tradeKey(appId, outTradeNo))
      : undefined
  const missing = (c: Context, what: string) =>
    fail(c, { code: 'ORDER_NOT_EXIST', message: `no Alipay trade ${what} in this world` })

  const open = (c: Context<AppEnv>, trade: AlipayTradeRecord, buyer: PersonaId) => {
    const world = c.get('world')
    const plan = notifyPlan(world)
    const result = world.store.run((s, now) => seeTrade(s.alipay, trade.key, buyer, plan, now))
    return result.ok ? c.json(sheet(world, result.value)) : fail(c, result.error)
  }
  const pay = (
    c: Context<AppEnv>,
    trade: AlipayTradeRecord,
    buyer: PersonaId,
    source: 'alipay-balance' | 'huabei' | 'alipay-card',
    password: string | null,
  ) => {
    const world = c.get('world')
    const fault = world.faults.confirmFault(buyer, trade.key)
    if (fault) return fail(c, fault)
    const notify = notifyPlan(world)
    const result = world.store.run((s, now) =>
      payTrade(s.alipay, s.gateway, { key: trade.key, buyer, source, password, notify }, now),
    )
    if (!result.ok) return fail(c, result.error)
    return c.json({ trade: sheet(world, result.value), tradeNo: result.value.tradeNo })
  }

  return {
    alipayTrade: (c, { params }) => {
      const world = c.get('world')
      const trade = byToken(world, params.token)
      return trade ? c.json(sheet(world, trade)) : missing(c, params.token)
    },
    alipayOpenTrade: (c, { params }) => {
      const trade = byToken(c.get('world'), params.token)
      return trade ? open(c, trade, c.get('who').persona) : missing(c, params.token)
    },
    alipayPayTrade: (c, { params, body }) => {
      const trade = byToken(c.get('world'), params.token)
      if (!trade) return missing(c, params.token)
      return pay(c, trade, c.get('who').persona, body.method, body.password)
    },
    testAlipayKeys: (c) => {
      const { alipay, app } = directory.keys
      return c.json({
        alipayPublicKeyPem: alipay.publicKeyPem,
        app: {
          appId: c.get('world').alipay.appId,
          privateKeyPem: app.privateKeyPem,
          publicKeyPem: app.publicKeyPem,
        },
      })
    },
    testAlipayApp: (c, { body }) => {
      const world = c.get('world')
      try {
        const key = createPublicKey(body.publicKeyPem)
        if (key.asymmetricKeyType !== 'rsa') throw new Error(`a ${key.asymmetricKeyType} key`)
      } catch (error) {
        return fail(c, {
          code: 'PARAM_ERROR',
          message: `publicKeyPem: not an RSA public key (${error instanceof Error ? error.message : String(error)})`,
        })
      }
      if (!directory.mayRegister(body.appId, world.id)) {
        return fail(c, {
          code: 'APP_ID_TAKEN',
          message: `app_id ${body.appId} belongs to another world: app_ids are unique in the process`,
        })
      }
      const result = world.store.run((s, now) => registerAlipayApp(s.alipay, body, now))
      if (!result.ok) return fail(c, result.error)
      return c.json({ appId: result.value.appId, name: result.value.name, world: world.id })
    },
    testAlipayScan: (c, { body }) => {
      const trade = byOutTradeNo(c.get('world'), body.app_id, body.out_trade_no)
      if (!trade) return missing(c, `${body.out_trade_no} of app_id ${body.app_id}`)
      return open(c, trade, body.persona ?? 'shopper')
    },
    testAlipayPay: (c, { body }) => {
      const trade = byOutTradeNo(c.get('world'), body.app_id, body.out_trade_no)
      if (!trade) return missing(c, `${body.out_trade_no} of app_id ${body.app_id}`)
      return pay(c, trade, body.persona ?? trade.buyer ?? 'shopper', 'alipay-balance', null)
    },
  }
}
