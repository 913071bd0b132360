import type { PricedLine } from '@/contract/pricing.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Money } from '@/ui/Money.tsx'
import { useCheckout } from './checkout-store.ts'
import { QtyStepper } from './QtyStepper.tsx'

const LOW_STOCK = 5

/** A product: picture, title, the chosen variant, unit price and a quantity stepper bounded by stock. */
export function ItemRow({ line, stock }: { line: PricedLine; stock: number }) {
  const { t } = useT()
  const setQty = useCheckout((s) => s.setQty)
  return (
    <div className="item">
      <img className="item__img" src={line.image} alt="" width={84} height={84} />
      <div className="item__body">
        <p className="item__title">{line.title}</p>
        <p className="item__spec">{line.spec}</p>
        <div className="item__foot">
          <Money fen={line.unitFen} tag className="item__price" />
          <div className="item__qty">
            <QtyStepper
              value={line.qty}
              max={stock}
              label={line.title}
              onChange={(qty) => setQty(line.skuId, qty)}
            />
            {stock <= LOW_STOCK && (
              <span className="item__low">{t('checkout.qty.lowStock', { n: stock })}</span>
            )}
          </div>
        </div>
      </div>
    </div>
  )
}
