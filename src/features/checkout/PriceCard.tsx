import type { PriceBreakdown } from '@/contract/pricing.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Money } from '@/ui/Money.tsx'

/** 价格明细: how the total is made. */
export function PriceCard({ breakdown }: { breakdown: PriceBreakdown }) {
  const { t } = useT()
  return (
    <section className="card price-card" aria-labelledby="price-card-title">
      <h2 id="price-card-title" className="price-card__title">
        {t('checkout.breakdown.title')}
      </h2>
      <dl className="price-card__list">
        <div>
          <dt>{t('checkout.breakdown.items')}</dt>
          <dd>
            <Money fen={breakdown.itemsFen} />
          </dd>
        </div>
        <div>
          <dt>{t('checkout.breakdown.delivery')}</dt>
          <dd>
            <Money fen={breakdown.deliveryFen} />
          </dd>
        </div>
        <div>
          <dt>{t('checkout.breakdown.shopCoupon')}</dt>
          <dd className="row__discount">
            <Money fen={breakdown.shopCouponFen} negative />
          </dd>
        </div>
        <div>
          <dt>{t('checkout.breakdown.crossStore')}</dt>
          <dd className="row__discount">
            <Money fen={breakdown.crossStoreFen} negative />
          </dd>
        </div>
        <div className="price-card__total">
          <dt>{t('checkout.breakdown.total')}</dt>
          <dd>
            <Money fen={breakdown.totalFen} />
          </dd>
        </div>
      </dl>
    </section>
  )
}
