import type { Catalog, CartLine } from './catalog.ts'
import type { Fen } from './money.ts'

export interface PricedLine {
  skuId: string
  shopId: string
  title: string
  spec: string
  image: string
  unitFen: Fen
  qty: number
  lineFen: Fen
}

export interface ShopGroup {
  shopId: string
  shopName: string
  lines: PricedLine[]
  itemsFen: Fen
  shopCouponFen: Fen
}

export interface PriceBreakdown {
  groups: ShopGroup[]
  itemsFen: Fen
  shopCouponFen: Fen
  crossStoreFen: Fen
  deliveryFen: Fen
  totalFen: Fen
}

export type PricingProblem =
  | { kind: 'unknown-sku'; skuId: string }
  | { kind: 'out-of-stock'; skuId: string; stock: number }
  | { kind: 'empty' }

/**
 * The one price calculation, shared by the order page (live, as quantities change) and the merchant
 * (authoritative, when the order is created), so the two can never disagree.
 * Shop coupons apply per shop; the cross-store discount applies to the goods after shop coupons.
 */
export function priceCart(
  catalog: Pick<Catalog, 'shops' | 'skus' | 'crossStore' | 'deliveryFen'>,
  cart: readonly CartLine[],
): { ok: true; value: PriceBreakdown } | { ok: false; problem: PricingProblem } {
  if (cart.length === 0) return { ok: false, problem: { kind: 'empty' } }
  const groups = new Map<string, ShopGroup>()
  for (const line of cart) {
    const sku = catalog.skus.find((s) => s.id === line.skuId)
    if (!sku) return { ok: false, problem: { kind: 'unknown-sku', skuId: line.skuId } }
    if (line.qty > sku.stock) {
      return { ok: false, problem: { kind: 'out-of-stock', skuId: sku.id, stock: sku.stock } }
    }
    const shop = catalog.shops.find((s) => s.id === sku.shopId)
    let group = groups.get(sku.shopId)
    if (!group) {
      group = {
        shopId: sku.shopId,
        shopName: shop?.name ?? sku.shopId,
        lines: [],
        itemsFen: 0,
        shopCouponFen: 0,
      }
      groups.set(sku.shopId, group)
    }
    const lineFen = sku.priceFen * line.qty
    group.lines.push({
      skuId: sku.id,
      shopId: sku.shopId,
      title: sku.title,
      spec: sku.spec,
      image: sku.image,
      unitFen: sku.priceFen,
      qty: line.qty,
      lineFen,
    })
    group.itemsFen += lineFen
  }
  for (const group of groups.values()) {
    const coupon = catalog.shops.find((s) => s.id === group.shopId)?.coupon
    if (coupon && group.itemsFen >= coupon.thresholdFen) {
      group.shopCouponFen = Math.min(coupon.offFen, group.itemsFen)
    }
  }
  const all = [...groups.values()]
  const itemsFen = sum(all.map((g) => g.itemsFen))
  const shopCouponFen = sum(all.map((g) => g.shopCouponFen))
  const { thresholdFen, offFen } = catalog.crossStore
  const afterCoupons = itemsFen - shopCouponFen
  const crossStoreFen =
    thresholdFen > 0 ? Math.min(Math.floor(afterCoupons / thresholdFen) * offFen, afterCoupons) : 0
  const deliveryFen = catalog.deliveryFen
  const totalFen = afterCoupons - crossStoreFen + deliveryFen
  return {
    ok: true,
    value: { groups: all, itemsFen, shopCouponFen, crossStoreFen, deliveryFen, totalFen },
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}

/**
 * `totalFen` shared out in proportion to `weights` (each share rounded down), the fen that don't divide
 * going to the first share that has room for them; no share exceeds its weight, and the shares add up to
 * `min(totalFen, sum of weights)`. Taobao splits the cross-store discount over a checkout's shops this way.
 */
export function splitProRata(totalFen: Fen, weights: readonly Fen[]): Fen[] {
  const whole = sum([...weights])
  const pot = Math.min(totalFen, whole)
  if (pot <= 0) return weights.map(() => 0)
  const shares = weights.map((w) => Math.floor((pot * w) / whole))
  let left = pot - sum(shares)
  for (let i = 0; i < shares.length && left > 0; i++) {
    const room = (weights[i] ?? 0) - (shares[i] ?? 0)
    const take = Math.min(room, left)
    shares[i] = (shares[i] ?? 0) + take
    left -= take
  }
  return shares
}
