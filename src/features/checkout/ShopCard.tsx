import type { Catalog } from '@/contract/catalog.ts'
import type { ShopGroup } from '@/contract/pricing.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconChevron, IconShop } from '@/ui/icons.tsx'
import { Money } from '@/ui/Money.tsx'
import { ItemRow } from './ItemRow.tsx'

interface ShopCardProps {
  group: ShopGroup
  catalog: Catalog
  freeDelivery: boolean
}

/** One shop's goods, its delivery and its coupon. */
export function ShopCard({ group, catalog, freeDelivery }: ShopCardProps) {
  const { t, lang } = useT()
  const coupon = catalog.shops.find((s) => s.id === group.shopId)?.coupon ?? null
  return (
    <section className="card shop-card" aria-label={t('checkout.shop', { name: group.shopName })}>
      <h2 className="shop-card__name">
        <IconShop size={16} className="shop-card__icon" />
        <span>{group.shopName}</span>
        <IconChevron size={12} className="shop-card__chevron" />
      </h2>
      {group.lines.map((line) => (
        <ItemRow
          key={line.skuId}
          line={line}
          stock={catalog.skus.find((s) => s.id === line.skuId)?.stock ?? line.qty}
        />
      ))}
      {freeDelivery && (
        <div className="row">
          <span className="row__label">{t('checkout.delivery')}</span>
          <span className="row__value">{t('checkout.deliveryFree')}</span>
        </div>
      )}
      <div className="row">
        <span className="row__label">{t('checkout.shopCoupon')}</span>
        {group.shopCouponFen > 0 ? (
          <span className="row__value">
            {coupon && (
              <span className="coupon-tag">
                {t('checkout.shopCouponRule', {
                  threshold: formatMoney(coupon.thresholdFen, lang),
                  off: formatMoney(coupon.offFen, lang),
                })}
              </span>
            )}
            <Money fen={group.shopCouponFen} negative className="row__discount" />
          </span>
        ) : (
          <span className="row__value row__value--muted">{t('checkout.shopCouponNone')}</span>
        )}
      </div>
    </section>
  )
}
