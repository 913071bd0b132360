import { expect, test } from './fixtures.ts'
import { ApiErrorSchema } from '../src/contract/errors.ts'

test('bad API requests get a clear { code, message } and change nothing', async ({
  request,
  gateway,
}) => {
  const cases = [
    request.post('/api/shop/orders', {
      headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-bad-json-1' },
      data: '{"lines": [',
    }),
    request.post('/api/shop/orders', {
      headers: { 'idempotency-key': 'e2e-bad-types-1' },
      data: { lines: [{ skuId: 7, qty: -1 }], addressId: '' },
    }),
    request.post('/api/pay/payments/nope/confirm', { data: { password: '12' } }),
    request.get('/api/shop/orders/does-not-exist'),
    request.get('/api/shop/catalog', { headers: { 'x-sim-persona': 'mallory' } }),
    request.get('/api/no-such-route'),
  ]
  for (const res of await Promise.all(cases)) {
    expect(res.status(), res.url()).toBeGreaterThanOrEqual(400)
    expect(res.status(), res.url()).toBeLessThan(500)
    const body = ApiErrorSchema.parse(await res.json())
    expect(body.message.length).toBeGreaterThan(0)
  }
  expect((await gateway.state()).orders).toHaveLength(0)
})
