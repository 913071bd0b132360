import type { PersonaId } from '../../../contract/sim.ts'
import { accept, refuse } from '../result.ts'
import type { Decision } from '../result.ts'
import type { Goods, MerchantState } from '../state.ts'

export interface TradeItem {
  wechatEligible: boolean
  huabeiSellerPays: boolean
  lineFen: number
}

/** What the merchant tells the gateway about an order it wants paid (WeChat's "unified order"). */
export interface TradeRequest {
  orderId: string
  owner: PersonaId
  amountFen: number
  /** The order's deadline: the gateway refuses to take money after it (time_expire). */
  expiresAt: string
  items: TradeItem[]
  /** What the goods are, for pages that show them to someone else than the buyer (pay-for-me). */
  goods: Goods[]
}

/** The persona's own order, still payable, as the gateway needs to see it. */
export function tradeRequestFor(
  state: MerchantState,
  persona: PersonaId,
  orderId: string,
  now: number,
): Decision<TradeRequest> {
  const order = state.orders.get(orderId)
  if (!order || order.persona !== persona) return refuse('ORDER_NOT_EXIST', `no order ${orderId}`)
  if (order.status === 'PAID' || order.status === 'REFUNDED') {
    return refuse('ORDERPAID', 'the order is already paid')
  }
  if (order.status === 'CLOSED' || Date.parse(order.deadlineAt) <= now) {
    return refuse('ORDERCLOSED', 'the order is closed')
  }
  return accept({
    orderId,
    owner: order.persona,
    amountFen: order.totalFen,
    expiresAt: order.deadlineAt,
    items: order.lines.map((l) => {
      const sku = state.skus.get(l.skuId)
      return {
        wechatEligible: sku?.wechatEligible ?? false,
        huabeiSellerPays: sku?.huabeiSellerPays ?? false,
        lineFen: l.unitFen * l.qty,
      }
    }),
    goods: order.lines.map(({ title, spec, image, unitFen, qty }) => ({
      title,
      spec,
      image,
      unitFen,
      qty,
    })),
  })
}
