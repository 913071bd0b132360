import { Hono } from 'hono'
import { z } from 'zod'
import { ConfirmPaymentBodySchema, CreatePaymentBodySchema } from '../../contract/payment.ts'
import { IDEMPOTENCY_HEADER } from '../../contract/sim.ts'
import { cashierView, openPayment } from '../domain/cashier.ts'
import { confirmPayment, toPayment } from '../domain/gateway/payments.ts'
import type { AppDeps, AppEnv } from './env.ts'
import {
  fail,
  fingerprint,
  freshId,
  headersOf,
  IdempotencyHeadersSchema,
  jsonBody,
  queryOf,
} from './respond.ts'
import { simContext } from './sim.ts'

const CashierQuerySchema = z.object({ orderId: z.string().min(1).max(64) })

/** The payment gateway: /api/pay. */
export function gatewayRoutes(deps: AppDeps) {
  const { store, ids, notifier } = deps
  return new Hono<AppEnv>()
    .use(simContext(deps))
    .get('/cashier', queryOf(CashierQuerySchema), (c) => {
      const view = cashierView(store.state, c.get('who'), c.req.valid('query').orderId, store.now())
      return view.ok ? c.json(view.value) : fail(c, view.error)
    })
    .post(
      '/payments',
      headersOf(IdempotencyHeadersSchema),
      jsonBody(CreatePaymentBodySchema),
      (c) => {
        const body = c.req.valid('json')
        const paymentId = freshId(
          () => ids.paymentId(store.now()),
          (id) => store.state.gateway.payments.has(id),
        )
        const result = store.run((s, now) =>
          openPayment(
            s,
            {
              ...c.get('who'),
              paymentId,
              idemKey: c.req.valid('header')[IDEMPOTENCY_HEADER],
              fingerprint: fingerprint(body),
              orderId: body.orderId,
              method: body.method,
              huabeiPeriods: body.huabeiPeriods ?? null,
            },
            now,
          ),
        )
        if (!result.ok) return fail(c, result.error)
        return c.json(toPayment(result.value.payment), result.value.replayed ? 200 : 201)
      },
    )
    .get('/payments/:paymentId', (c) => {
      const payment = store.state.gateway.payments.get(c.req.param('paymentId'))
      const { persona } = c.get('who')
      if (!payment || (payment.owner !== persona && payment.payer !== persona)) {
        return fail(c, { code: 'PAYMENT_NOT_EXIST', message: 'no such payment' })
      }
      return c.json(toPayment(payment))
    })
    .post('/payments/:paymentId/confirm', jsonBody(ConfirmPaymentBodySchema), (c) => {
      const paymentId = c.req.param('paymentId')
      const existing = store.state.gateway.payments.get(paymentId)
      const transactionId = ids.transactionId(existing?.method ?? 'alipay-balance', store.now())
      const result = store.run((s, now) =>
        confirmPayment(
          s.gateway,
          {
            paymentId,
            persona: c.get('who').persona,
            password: c.req.valid('json').password,
            transactionId,
          },
          now,
        ),
      )
      if (!result.ok) return fail(c, result.error)
      notifier.paymentSucceeded(result.value.payment)
      const latest = store.state.gateway.payments.get(paymentId) ?? result.value.payment
      return c.json(toPayment(latest))
    })
    .get('/wallet', (c) => c.json(store.state.gateway.accounts[c.get('who').persona].wallet))
}
