import type { OrderLine } from '@/contract/order.ts'
import { Money } from '@/ui/Money.tsx'

/** The goods of an order: picture, title, variant, unit price × quantity. */
export function OrderLines({ lines }: { lines: OrderLine[] }) {
  return (
    <ul className="order-lines">
      {lines.map((line) => (
        <li key={line.skuId} className="order-line">
          <img className="order-line__img" src={line.image} alt="" width={72} height={72} />
          <div className="order-line__body">
            <p className="order-line__title">{line.title}</p>
            <p className="order-line__spec">{line.spec}</p>
          </div>
          <div className="order-line__price">
            <Money fen={line.unitFen} />
            <span className="order-line__qty">×{line.qty}</span>
          </div>
        </li>
      ))}
    </ul>
  )
}
