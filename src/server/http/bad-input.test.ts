import { describe, expect, it } from 'vitest'
import { ApiErrorSchema, httpStatusOf } from '../../contract/errors.ts'
import type { ErrorCode } from '../../contract/errors.ts'
import { FriendRequestSchema } from '../../contract/friend-pay.ts'
import { PaymentSchema, type Payment } from '../../contract/payment.ts'
import type { TestState } from '../../contract/test-api.ts'
import { MAX_BODY_BYTES } from './app.ts'
import { harness } from './testing.ts'
import type { Harness } from './testing.ts'

// Bad input of every kind: each answer a clear `{ code, message }` with its 4xx, never a 5xx, and the
// gateway's state (orders, payments, requests, wallets) exactly as it was.

/** The state without its clock. */
const lasting = ({ now: _now, ...rest }: TestState) => rest

interface Attempt {
  method: string
  path: string
  body?: unknown
  headers?: Record<string, string>
  /** The code expected; its HTTP status comes from the contract. */
  code: ErrorCode
}

/** Runs every attempt, checks each refusal, and that nothing at all changed. */
async function refusedAll(h: Harness, attempts: Attempt[]) {
  const before = lasting(await h.state())
  for (const { method, path, body, headers, code } of attempts) {
    const res = await h.call(method, path, { body, headers })
    const what = `${method} ${path} ${JSON.stringify(body ?? '').slice(0, 80)}`
    expect(res.status, what).toBe(httpStatusOf[code])
    const error = ApiErrorSchema.parse(await res.json())
    expect(error.code, what).toBe(code)
    expect(error.message.length, what).toBeGreaterThan(3)
  }
  h.settle()
  expect(lasting(await h.state())).toEqual(before)
}

/** An order, a scan code, a WeChat jump sheet and a pay-for-me link, all the shopper's. */
async function shopperWithEverything(h: Harness) {
  const order = await h.order('shopper')
  const code = PaymentSchema.parse((await h.pay(order.id, 'wechat-scan')).body)
  const jumpOrder = await h.order('shopper')
  const jump = PaymentSchema.parse(
    (await h.pay(jumpOrder.id, 'wechat', { headers: { 'x-sim-era': 'launch' } })).body,
  )
  const asked = await h.json('POST', '/api/pay/friend-requests', {
    body: { orderId: order.id, message: '帮我付' },
    headers: { 'idempotency-key': h.newKey() },
  })
  const request = FriendRequestSchema.parse(asked.body)
  return { order, code, jumpOrder, jump, request }
}

/** The routes that take a JSON body, each with a real id or token of the shopper's. */
function postRoutes(code: Pick<Payment, 'id' | 'payToken'>, request: { token: string }) {
  return [
    '/api/shop/orders',
    '/api/pay/payments',
    `/api/pay/payments/${code.id}/confirm`,
    `/api/pay/sheets/${code.payToken}/confirm`,
    '/api/pay/friend-requests',
    `/api/pay/friend-requests/${request.token}/pay`,
    '/api/__test/wallets',
  ]
}

const key = (h: Harness) => ({ 'idempotency-key': h.newKey() })

describe('bad input changes nothing and gets a clear refusal', () => {
  it('oversized bodies: 413 PAYLOAD_TOO_LARGE on every route that takes a body, declared or chunked', async () => {
    const h = harness()
    const { order, code, request } = await shopperWithEverything(h)
    const big = 'x'.repeat(MAX_BODY_BYTES + 1)
    const routes = postRoutes(code, request)
    await refusedAll(
      h,
      routes.map((path) => ({
        method: 'POST',
        path,
        body: { orderId: order.id, password: '123456', message: big },
        headers: key(h),
        code: 'PAYLOAD_TOO_LARGE' as const,
      })),
    )
    // Without a Content-Length (chunked): measured while it is read.
    const before = lasting(await h.state())
    const chunks = [`{"orderId":"${order.id}","message":"`, big, '"}']
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift()
        if (next === undefined) controller.close()
        else controller.enqueue(new TextEncoder().encode(next))
      },
    })
    const res = await h.app.request('/api/pay/friend-requests', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...key(h) },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(ApiErrorSchema.parse(await res.json()).code).toBe('PAYLOAD_TOO_LARGE')
    expect(lasting(await h.state())).toEqual(before)
  })

  it('malformed JSON, on every route that reads JSON', async () => {
    const h = harness()
    const { order, code, request } = await shopperWithEverything(h)
    const broken = ['{"orderId": ', '{orderId: 1}', '[1,2', '"\\u12"', '{"a":1}}', '\u0000']
    const routes = [
      ...postRoutes(code, request),
      '/api/__test/clock',
      '/api/__test/faults',
      '/api/__test/wechatpay/merchants',
      '/api/__test/wechatpay/pay',
    ]
    await refusedAll(
      h,
      routes.flatMap((path) =>
        broken.map((body) => ({
          method: 'POST',
          path,
          body,
          headers: key(h),
          code: 'PARAM_ERROR' as const,
        })),
      ),
    )
    expect(order.status).toBe('PENDING_PAYMENT')
  })

  it('wrong types, unknown fields and forged amounts', async () => {
    const h = harness()
    const { order, code, request } = await shopperWithEverything(h)
    const confirm = `/api/pay/payments/${code.id}/confirm`
    const attempts: Omit<Attempt, 'code'>[] = [
      { method: 'POST', path: '/api/shop/orders', body: { lines: 'all', addressId: 'addr-hz' } },
      { method: 'POST', path: '/api/shop/orders', body: { lines: [], addressId: 'addr-hz' } },
      {
        method: 'POST',
        path: '/api/shop/orders',
        body: { lines: [{ skuId: 'sku-mug-150', qty: 1 }], addressId: 7 },
      },
      { method: 'POST', path: '/api/pay/payments', body: { orderId: 1, method: 'alipay-balance' } },
      {
        method: 'POST',
        path: '/api/pay/payments',
        body: { orderId: order.id, method: ['huabei'] },
      },
      {
        method: 'POST',
        path: '/api/pay/payments',
        body: { orderId: order.id, method: 'huabei', huabeiPeriods: '3' },
      },
      {
        method: 'POST',
        path: '/api/pay/payments',
        body: { orderId: order.id, method: 'huabei', huabeiPeriods: 4 },
      },
      // The amount is the merchant's: a client cannot say what it pays.
      {
        method: 'POST',
        path: '/api/pay/payments',
        body: { orderId: order.id, method: 'alipay-balance', amountFen: 1 },
      },
      { method: 'POST', path: confirm, body: { password: 123456 } },
      { method: 'POST', path: confirm, body: { password: ['123456'] } },
      { method: 'POST', path: confirm, body: { password: '123456', source: 'gold' } },
      { method: 'POST', path: confirm, body: { password: '123456', amountFen: 1 } },
      { method: 'POST', path: confirm, body: {} },
      { method: 'POST', path: confirm, body: null },
      { method: 'POST', path: confirm, body: '"123456"' },
      { method: 'POST', path: '/api/pay/friend-requests', body: { orderId: order.id, message: 7 } },
      {
        method: 'POST',
        path: '/api/pay/friend-requests',
        body: { orderId: order.id, via: 'fax' },
      },
      {
        method: 'POST',
        path: '/api/pay/friend-requests',
        body: { orderId: order.id, message: 'a\u0007b' },
      },
      {
        method: 'POST',
        path: '/api/pay/friend-requests',
        body: { orderId: order.id, message: '长'.repeat(101) },
      },
      {
        method: 'POST',
        path: `/api/pay/friend-requests/${request.token}/pay`,
        body: { password: '123456', source: 'huabei' },
      },
      {
        method: 'POST',
        path: `/api/pay/friend-requests/${request.token}/pay`,
        body: { password: '123456', source: 'wechat-balance', amountFen: 1 },
      },
      { method: 'GET', path: '/api/pay/cashier?orderId=' },
      { method: 'GET', path: `/api/pay/cashier?orderId=${'9'.repeat(65)}` },
      { method: 'GET', path: '/api/pay/bills?app=paypal' },
    ]
    await refusedAll(
      h,
      attempts.map((a) => ({
        ...a,
        headers: a.method === 'POST' ? key(h) : {},
        code: 'PARAM_ERROR' as const,
      })),
    )
  })

  it('negative, fractional, huge or stringly amounts and quantities', async () => {
    const h = harness()
    await h.order('shopper')
    const lines = (qty: unknown) => ({
      lines: [{ skuId: 'sku-mug-150', qty }],
      addressId: 'addr-hz',
    })
    const wallet = (fen: unknown) => ({ persona: 'shopper', wallet: { alipayBalanceFen: fen } })
    const attempts: Omit<Attempt, 'code'>[] = [
      ...[-1, 0, 1.5, 1e9, '2', null, Number.MAX_SAFE_INTEGER + 2].map((qty) => ({
        method: 'POST',
        path: '/api/shop/orders',
        body: lines(qty),
      })),
      // The only place a client names fen: the test API's balances.
      ...[-1, 0.5, 1e20, '100', null, true].map((fen) => ({
        method: 'POST',
        path: '/api/__test/wallets',
        body: wallet(fen),
      })),
      { method: 'POST', path: '/api/__test/stock', body: { skuId: 'sku-mug-150', stock: -5 } },
      { method: 'POST', path: '/api/__test/stock', body: { skuId: 'sku-mug-150', stock: 2.5 } },
      { method: 'POST', path: '/api/__test/clock', body: { advanceMs: -1000 } },
      { method: 'POST', path: '/api/__test/clock', body: { advanceMs: 0.5 } },
      { method: 'POST', path: '/api/__test/faults', body: { latencyMs: -1 } },
      { method: 'POST', path: '/api/__test/settings', body: { huabeiFeeBp: { 3: -10 } } },
      { method: 'POST', path: '/api/__test/settings', body: { huabeiFeeBp: { 3: 2.5 } } },
    ]
    await refusedAll(
      h,
      attempts.map((a) => ({ ...a, headers: key(h), code: 'PARAM_ERROR' as const })),
    )
  })

  it('unknown, forged and truncated tokens and ids', async () => {
    const h = harness()
    const { code, jump, request } = await shopperWithEverything(h)
    const token = request.token
    // Same length, one character changed; cut short; one more; another case; padded.
    const flip = (t: string) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`
    const forged = [
      flip(token),
      token.slice(0, -1),
      token.slice(0, 16),
      `${token}A`,
      token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
      `${token}%20`,
      'A'.repeat(22),
      '..%2F..%2Fetc',
    ]
    const friend = h.as('friend')
    const attempts: Attempt[] = forged.flatMap((t) => [
      { method: 'GET', path: `/api/pay/friend-requests/${t}`, headers: friend, code: 'NOT_FOUND' },
      {
        method: 'POST',
        path: `/api/pay/friend-requests/${t}/pay`,
        body: { password: '123456', source: 'wechat-balance' },
        headers: friend,
        code: 'NOT_FOUND',
      },
      { method: 'POST', path: `/api/pay/friend-requests/${t}/cancel`, code: 'NOT_FOUND' },
    ])
    for (const sheet of [code.payToken ?? '', jump.payToken ?? '']) {
      for (const t of [flip(sheet), sheet.slice(0, -1), `${sheet}0`]) {
        attempts.push(
          { method: 'GET', path: `/api/pay/sheets/${t}`, headers: friend, code: 'NOT_FOUND' },
          { method: 'POST', path: `/api/pay/sheets/${t}/open`, headers: friend, code: 'NOT_FOUND' },
          {
            method: 'POST',
            path: `/api/pay/sheets/${t}/confirm`,
            body: { password: '123456' },
            headers: friend,
            code: 'NOT_FOUND',
          },
        )
      }
    }
    for (const id of [flip(code.id), code.id.slice(0, -1), `${code.id}0`]) {
      attempts.push(
        { method: 'GET', path: `/api/pay/payments/${id}`, code: 'PAYMENT_NOT_EXIST' },
        {
          method: 'POST',
          path: `/api/pay/payments/${id}/confirm`,
          body: { password: '123456' },
          code: 'PAYMENT_NOT_EXIST',
        },
      )
    }
    await refusedAll(h, attempts)
    // The friend's event stream for a forged token is refused too (not an empty stream).
    const stream = await h.call('GET', `/api/pay/friend-requests/${flip(token)}/events`)
    expect(stream.status).toBe(404)
    expect(ApiErrorSchema.parse(await stream.json()).code).toBe('NOT_FOUND')
  })

  it("another persona's order, payment, jump sheet and request: nobody else reads, pays or cancels them", async () => {
    // Orders belong to the persona that placed them (the simulated phone's account). A pay-for-me link
    // and a scanned code are the exceptions by design: their token is the secret a friend is handed.
    const h = harness()
    const { order, code, jumpOrder, jump, request } = await shopperWithEverything(h)
    const attempts: Attempt[] = []
    for (const persona of ['friend', 'low_balance', 'not_invited']) {
      const as = h.as(persona)
      const asKeyed = h.as(persona, key(h))
      attempts.push(
        {
          method: 'GET',
          path: `/api/shop/orders/${order.id}`,
          headers: as,
          code: 'ORDER_OF_OTHER_PERSONA',
        },
        {
          method: 'GET',
          path: `/api/shop/orders/${order.id}/events`,
          headers: as,
          code: 'ORDER_NOT_EXIST',
        },
        {
          method: 'GET',
          path: `/api/pay/cashier?orderId=${order.id}`,
          headers: as,
          code: 'ORDER_OF_OTHER_PERSONA',
        },
        {
          method: 'POST',
          path: '/api/pay/payments',
          body: { orderId: order.id, method: 'alipay-balance' },
          headers: asKeyed,
          code: 'ORDER_NOT_EXIST',
        },
        {
          method: 'POST',
          path: '/api/pay/friend-requests',
          body: { orderId: order.id, message: '我来要' },
          headers: h.as(persona, key(h)),
          code: 'ORDER_NOT_EXIST',
        },
        {
          method: 'GET',
          path: `/api/pay/payments/${code.id}`,
          headers: as,
          code: 'PAYMENT_NOT_EXIST',
        },
        {
          method: 'POST',
          path: `/api/pay/payments/${code.id}/confirm`,
          body: { password: '123456' },
          headers: as,
          code: 'PAYMENT_NOT_EXIST',
        },
        {
          method: 'POST',
          path: `/api/pay/payments/${jump.id}/confirm`,
          body: { password: '123456' },
          headers: as,
          code: 'PAYMENT_NOT_EXIST',
        },
        // The WeChat jump sheet opens in the shopper's own WeChat only.
        { method: 'GET', path: `/api/pay/sheets/${jump.payToken}`, headers: as, code: 'NOT_FOUND' },
        {
          method: 'POST',
          path: `/api/pay/sheets/${jump.payToken}/confirm`,
          body: { password: '123456' },
          headers: as,
          code: 'NOT_FOUND',
        },
        // Holding the link lets a friend pay it, never cancel it.
        {
          method: 'POST',
          path: `/api/pay/friend-requests/${request.token}/cancel`,
          headers: as,
          code: 'NOT_FOUND',
        },
      )
    }
    await refusedAll(h, attempts)
    // Lists are per persona: the others see none of the shopper's orders, requests or bills.
    for (const persona of ['friend', 'low_balance']) {
      const orders = await h.json('GET', '/api/shop/orders', { headers: h.as(persona) })
      expect(orders.body).toMatchObject({ orders: [] })
      const requests = await h.json('GET', `/api/pay/friend-requests?orderId=${order.id}`, {
        headers: h.as(persona),
      })
      expect(requests.body).toEqual({ requests: [] })
    }
    const state = await h.state()
    expect(state.orders.map((o) => o.status)).toEqual(['PENDING_PAYMENT', 'PENDING_PAYMENT'])
    expect(state.payments.map((p) => p.status)).toEqual(['NOTPAY', 'NOTPAY'])
    expect(jumpOrder.id).not.toBe(order.id)
  })

  it("the friend's view and stream carry no address, phone or full name", async () => {
    const h = harness()
    const { request } = await shopperWithEverything(h)
    // The phone's pieces only where no digit touches them: a random 19-digit order id may hold "5678".
    const secrets =
      /张伟|13812345678|(?<!\d)1381234|(?<!\d)5678(?!\d)|文三路|华星|西湖区|addr-hz|"persona"|shopper/
    const view = await h.json('GET', `/api/pay/friend-requests/${request.token}`, {
      headers: h.as('friend'),
    })
    expect(view.status).toBe(200)
    expect(JSON.stringify(view.body)).not.toMatch(secrets)
    expect(view.body).toMatchObject({ requester: '张**' })
    const res = await h.call('GET', `/api/pay/friend-requests/${request.token}/events`, {
      headers: h.as('friend'),
    })
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const first = new TextDecoder().decode((await reader.read()).value)
    await reader.cancel()
    expect(first).toContain('data: ')
    expect(first).not.toMatch(secrets)
  })
})
