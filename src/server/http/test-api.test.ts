import { describe, expect, it } from 'vitest'
import { SkuSchema } from '../../contract/catalog.ts'
import { WalletSchema } from '../../contract/payment.ts'
import { harness } from './testing.ts'

describe('the test API', () => {
  it('sets balances and stock (journalled like any command), and reset undoes them', async () => {
    const h = harness()
    const wallet = await h.json('POST', '/api/__test/wallets', {
      body: {
        persona: 'low_balance',
        wallet: { alipayBalanceFen: 1_000_000_00, wechatCardFen: 0 },
      },
    })
    expect(WalletSchema.parse(wallet.body)).toMatchObject({
      alipayBalanceFen: 1_000_000_00,
      wechatCardFen: 0,
    })
    expect((await h.json('GET', '/api/pay/wallet', { headers: h.as('low_balance') })).body).toEqual(
      wallet.body,
    )
    const sku = await h.json('POST', '/api/__test/stock', {
      body: { skuId: 'sku-earbuds-anc', stock: 1000 },
    })
    expect(SkuSchema.parse(sku.body).stock).toBe(1000)
    expect(
      (await h.json('POST', '/api/__test/stock', { body: { skuId: 'nope', stock: 1 } })).status,
    ).toBe(400)
    expect(
      (await h.json('POST', '/api/__test/wallets', { body: { persona: 'x', wallet: {} } })).status,
    ).toBe(400)
    expect(
      (
        await h.json('POST', '/api/__test/wallets', {
          body: { persona: 'shopper', wallet: { gold: 1 } },
        })
      ).status,
    ).toBe(400)
    await h.json('POST', '/api/__test/reset')
    const state = await h.state()
    expect(state.wallets.low_balance?.alipayBalanceFen).toBe(10_00)
    expect((await h.json('GET', '/api/__test/settings')).body).toEqual({
      huabeiFeeBp: { '3': 250, '6': 450, '12': 880 },
    })
  })

  it('lists friend requests in the state, with who asked and who paid', async () => {
    const h = harness()
    const order = await h.order()
    const made = await h.json('POST', '/api/pay/friend-requests', {
      body: { orderId: order.id },
      headers: { 'idempotency-key': h.newKey() },
    })
    expect((await h.state()).friendRequests).toEqual([
      {
        token: made.body.token,
        orderId: order.id,
        status: 'OPEN',
        endReason: null,
        requester: 'shopper',
        payer: null,
      },
    ])
  })

  it('is a 404 everywhere when GATEWAY_TEST_API=off, including the new routes', async () => {
    const h = harness({ testApi: false })
    for (const [method, path] of [
      ['POST', '/api/__test/faults'],
      ['GET', '/api/__test/faults'],
      ['POST', '/api/__test/settings'],
      ['POST', '/api/__test/wallets'],
      ['POST', '/api/__test/stock'],
    ] as const) {
      expect((await h.json(method, path, method === 'POST' ? { body: {} } : {})).status).toBe(404)
    }
  })
})
