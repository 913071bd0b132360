import type { PersonaId } from '../../../contract/sim.ts'
import { accept, refuse } from '../result.ts'
import type { Decision } from '../result.ts'
import type { Goods, MerchantState } from '../state.ts'
import { checkoutIdOf, earliestDeadline, ordersOf, pendingOf } from './checkouts.ts'

export interface TradeItem {
  wechatEligible: boolean
  huabeiSellerPays: boolean
  lineFen: number
}

/** What the merchant tells the gateway about an order it wants paid (WeChat's "unified order"). */
export interface TradeRequest {
  /** The trade's number at the gateway: the checkout's id (its orders are paid together). */
  orderId: string
  /** The merchant's orders this trade pays: the checkout's still waiting. */
  orderIds: string[]
  owner: PersonaId
  amountFen: number
  /** The order's deadline: the gateway refuses to take money after it (time_expire). */
  expiresAt: string
  items: TradeItem[]
  /** What the goods are, for pages that show them to someone else than the buyer (pay-for-me). */
  goods: Goods[]
}

/**
 * The persona's checkout (named by its id or one of its orders'), still payable, as the gateway needs
 * to see it: one trade for every order of it still waiting (合并付款).
 */
export function tradeRequestFor(
  state: MerchantState,
  persona: PersonaId,
  id: string,
  now: number,
): Decision<TradeRequest> {
  const checkoutId = checkoutIdOf(state, id)
  const all = checkoutId === null ? [] : ordersOf(state, checkoutId)
  if (checkoutId === null || all[0]?.persona !== persona) {
    return refuse('ORDER_NOT_EXIST', `no order ${id}`)
  }
  const pending = pendingOf(state, checkoutId)
  const deadlineAt = earliestDeadline(pending)
  if (deadlineAt === undefined || Date.parse(deadlineAt) <= now) {
    if (pending.length === 0 && all.some((o) => o.status === 'PAID' || o.status === 'REFUNDED')) {
      return refuse('ORDERPAID', 'the order is already paid')
    }
    return refuse('ORDERCLOSED', 'the order is closed')
  }
  const lines = pending.flatMap((o) => o.lines)
  return accept({
    orderId: checkoutId,
    orderIds: pending.map((o) => o.id),
    owner: persona,
    amountFen: pending.reduce((n, o) => n + o.totalFen, 0),
    expiresAt: deadlineAt,
    items: lines.map((l) => {
      const sku = state.skus.get(l.skuId)
      return {
        wechatEligible: sku?.wechatEligible ?? false,
        huabeiSellerPays: sku?.huabeiSellerPays ?? false,
        lineFen: l.unitFen * l.qty,
      }
    }),
    goods: lines.map(({ title, spec, image, unitFen, qty }) => ({
      title,
      spec,
      image,
      unitFen,
      qty,
    })),
  })
}
