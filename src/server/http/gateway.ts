import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { Bill, FundingSource } from '../../contract/payment.ts'
import type { PersonaId } from '../../contract/sim.ts'
import { cashierView, openPayment } from '../domain/cashier.ts'
import { CHANNELS, PAYEE, SOURCES } from '../domain/gateway/channels.ts'
import type { PasswordRealm } from '../domain/gateway/channels.ts'
import { resetPassword } from '../domain/gateway/password.ts'
import { confirmPayment } from '../domain/gateway/payments.ts'
import { openSheet, sheetPayment, sheetView } from '../domain/gateway/sheets.ts'
import type { PaymentRecord } from '../domain/state.ts'
import { chargeAndAnswer } from './charge.ts'
import type { AppDeps, AppEnv } from './env.ts'
import { fail, fingerprint, freshId } from './respond.ts'
import type { RouteHandlers } from './route-table.ts'
import { sleep } from './sim.ts'
import { paymentView } from './views.ts'
import { worldToken } from '../worlds/world-ids.ts'
import { merchantBills } from '../wechatpay/sheets.ts'
import { alipayBills } from '../alipay/bills.ts'

/** The world's faults switch's `latencyMs`: every gateway answer takes that much longer. */
export function gatewayLatency() {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next()
    const latencyMs = c.get('world').faults.latencyMs
    if (latencyMs > 0) await sleep(latencyMs)
  })
}

/** The app whose transaction id the payment will get (WeChat, Alipay or UnionPay numbering). */
function realmOf(payment: PaymentRecord, source: FundingSource | undefined): PasswordRealm {
  const id = source ?? CHANNELS[payment.method].sources[0]
  return id ? SOURCES[id].realm : 'alipay'
}

function billOf(p: PaymentRecord): Bill[] {
  if (!p.source || !p.paidAt || !p.transactionId) return []
  return [
    {
      paymentId: p.id,
      orderId: p.orderId,
      method: p.method,
      source: p.source,
      status: p.status,
      amountFen: p.amountFen,
      payee: PAYEE,
      description: p.description,
      ...(p.goods ? { goods: p.goods } : {}),
      paidAt: p.paidAt,
      transactionId: p.transactionId,
    },
  ]
}

type GatewayRoute =
  | 'cashier'
  | 'createPayment'
  | 'getPayment'
  | 'confirmPayment'
  | 'getSheet'
  | 'openSheet'
  | 'confirmSheet'
  | 'wallet'
  | 'bills'
  | 'resetPassword'

/** The payment gateway: /api/pay (pay-for-me requests: friend-pay.ts). */
export function gatewayHandlers(deps: AppDeps): RouteHandlers<GatewayRoute> {
  const { ids } = deps
  /** The password pad's or a pay sheet's confirm: the same decision, reached by id or by token. */
  const confirm = (
    c: Context<AppEnv>,
    payment: PaymentRecord,
    persona: PersonaId,
    password: string,
    source: FundingSource | undefined,
  ) => {
    const paymentId = payment.id
    const transactionId = ids.transactionId(realmOf(payment, source), c.get('world').store.now())
    return chargeAndAnswer(deps, c, paymentId, persona, (s, now) =>
      confirmPayment(
        s.gateway,
        { paymentId, persona, password, source: source ?? null, transactionId },
        now,
      ),
    )
  }
  return {
    cashier: (c, { query }) => {
      const { store } = c.get('world')
      const view = cashierView(store.state, c.get('who'), query.orderId, store.now())
      return view.ok ? c.json(view.value) : fail(c, view.error)
    },
    createPayment: (c, { body }) => {
      const { store } = c.get('world')
      const now = store.now()
      const paymentId = freshId(
        () => ids.paymentId(now),
        (id) => store.state.gateway.payments.has(id),
      )
      const sheet = CHANNELS[body.method].sheet
      const payToken =
        sheet === 'none'
          ? ''
          : freshId(
              () => worldToken(c.get('world').id, ids.sheetToken(sheet, now)),
              (t) => store.state.gateway.paymentByToken.has(t),
            )
      const result = store.run((s, at) =>
        openPayment(
          s,
          {
            ...c.get('who'),
            paymentId,
            idemKey: c.get('idemKey'),
            fingerprint: fingerprint(body),
            orderId: body.orderId,
            method: body.method,
            huabeiPeriods: body.huabeiPeriods ?? null,
            payToken,
          },
          at,
        ),
      )
      if (!result.ok) return fail(c, result.error)
      const answer = paymentView(result.value.payment, deps.publicOrigin(c.req.url))
      return c.json(answer, result.value.replayed ? 200 : 201)
    },
    getPayment: (c, { params }) => {
      const { store } = c.get('world')
      const payment = store.state.gateway.payments.get(params.paymentId)
      const { persona } = c.get('who')
      if (!payment || (payment.owner !== persona && payment.payer !== persona)) {
        return fail(c, { code: 'PAYMENT_NOT_EXIST', message: 'no such payment' })
      }
      return c.json(paymentView(payment, deps.publicOrigin(c.req.url)))
    },
    confirmPayment: (c, { params, body }) => {
      const { store } = c.get('world')
      const { persona } = c.get('who')
      const payment = store.state.gateway.payments.get(params.paymentId)
      // Only the owner reaches a payment by its id; a scanned code is reached through its sheet.
      if (!payment || payment.owner !== persona) {
        return fail(c, { code: 'PAYMENT_NOT_EXIST', message: `no payment ${params.paymentId}` })
      }
      return confirm(c, payment, persona, body.password, body.source)
    },
    getSheet: (c, { params }) => {
      const { store } = c.get('world')
      const view = sheetView(store.state.gateway, params.token, c.get('who').persona, store.now())
      return view.ok ? c.json(view.value) : fail(c, view.error)
    },
    openSheet: (c, { params }) => {
      const { store } = c.get('world')
      const { persona } = c.get('who')
      const result = store.run((s, now) => openSheet(s.gateway, params.token, persona, now))
      return result.ok ? c.json(result.value) : fail(c, result.error)
    },
    confirmSheet: (c, { params, body }) => {
      const { store } = c.get('world')
      const { persona } = c.get('who')
      const found = sheetPayment(store.state.gateway, params.token, persona, store.now())
      if (!found.ok) return fail(c, found.error)
      return confirm(c, found.value, persona, body.password, body.source)
    },
    resetPassword: (c, { body }) => {
      const { store } = c.get('world')
      const { persona } = c.get('who')
      const result = store.run((s, now) =>
        resetPassword(s.gateway.accounts[persona], persona, body.realm, now),
      )
      return result.ok ? c.json(result.value) : fail(c, result.error)
    },
    wallet: (c) => {
      const { store } = c.get('world')
      return c.json(store.state.gateway.accounts[c.get('who').persona].wallet)
    },
    bills: (c, { query }) => {
      const { store } = c.get('world')
      const { persona } = c.get('who')
      const bills = [...store.state.gateway.payments.values()]
        .filter(
          (p) =>
            p.payer === persona &&
            (!query.app || (p.source && SOURCES[p.source].realm === query.app)),
        )
        .flatMap(billOf)
        .reverse()
      // WeChat's 账单 has the APIv3 merchants' payments too (docs/wechatpay.md), newest first.
      if (!query.app || query.app === 'wechat') {
        const merchant = merchantBills(store.state.wechatpay, persona, deps.worlds.directory)
        bills.push(...merchant.reverse())
      }
      // Alipay's 账单 has the sandbox apps' trades too (docs/alipay.md).
      if (!query.app || query.app === 'alipay') {
        bills.push(...alipayBills(store.state.alipay, persona, deps.worlds.alipayDirectory))
      }
      bills.sort((a, b) => (a.paidAt < b.paidAt ? 1 : a.paidAt > b.paidAt ? -1 : 0))
      return c.json({ bills })
    },
  }
}
