import { describe, expect, it } from 'vitest'
import type { Catalog } from './catalog.ts'
import { priceCart } from './pricing.ts'

const sku = (id: string, shopId: string, priceFen: number, stock = 10) => ({
  id,
  shopId,
  title: id,
  spec: '',
  image: `/products/${id}.svg`,
  priceFen,
  stock,
  payWindowMinutes: 30,
  wechatEligible: true,
  huabeiSellerPays: false,
})

const catalog: Pick<Catalog, 'shops' | 'skus' | 'crossStore' | 'deliveryFen'> = {
  shops: [
    { id: 'a', name: 'A', coupon: { thresholdFen: 9900, offFen: 1000 } },
    { id: 'b', name: 'B', coupon: null },
  ],
  skus: [sku('tea', 'a', 6800), sku('mug', 'a', 3900), sku('tee', 'b', 15900, 2)],
  crossStore: { thresholdFen: 30000, offFen: 3000 },
  deliveryFen: 0,
}

describe('priceCart', () => {
  it('groups by shop and applies the shop coupon at its threshold', () => {
    const result = priceCart(catalog, [
      { skuId: 'tea', qty: 1 },
      { skuId: 'mug', qty: 1 },
    ])
    if (!result.ok) throw new Error('expected a price')
    expect(result.value.groups).toHaveLength(1)
    expect(result.value.itemsFen).toBe(10700)
    expect(result.value.shopCouponFen).toBe(1000)
    expect(result.value.crossStoreFen).toBe(0)
    expect(result.value.totalFen).toBe(9700)
  })

  it('takes the cross-store discount for every full threshold after shop coupons', () => {
    const result = priceCart(catalog, [
      { skuId: 'tea', qty: 2 },
      { skuId: 'tee', qty: 2 },
    ])
    if (!result.ok) throw new Error('expected a price')
    // 13600 + 31800 = 45400; coupon 1000 → 44400; one full 30000 → 3000 off.
    expect(result.value.crossStoreFen).toBe(3000)
    expect(result.value.totalFen).toBe(41400)
    const sumOfLines = result.value.groups
      .flatMap((g) => g.lines)
      .reduce((a, l) => a + l.lineFen, 0)
    expect(sumOfLines).toBe(result.value.itemsFen)
  })

  it('leaves the coupon off below its threshold', () => {
    const result = priceCart(catalog, [{ skuId: 'mug', qty: 1 }])
    expect(result.ok && result.value.totalFen).toBe(3900)
  })

  it('refuses more than the stock, unknown goods and an empty cart', () => {
    expect(priceCart(catalog, [{ skuId: 'tee', qty: 3 }])).toEqual({
      ok: false,
      problem: { kind: 'out-of-stock', skuId: 'tee', stock: 2 },
    })
    expect(priceCart(catalog, [{ skuId: 'ghost', qty: 1 }])).toEqual({
      ok: false,
      problem: { kind: 'unknown-sku', skuId: 'ghost' },
    })
    expect(priceCart(catalog, [])).toEqual({ ok: false, problem: { kind: 'empty' } })
  })
})
