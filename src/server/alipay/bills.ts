import type { Bill } from '../../contract/payment.ts'
import type { PersonaId } from '../../contract/sim.ts'
import type { AlipayState } from '../domain/alipay/state.ts'
import { DEMO_APP_NAME } from './directory.ts'
import type { AlipayDirectory } from './directory.ts'

/** The persona's payments to sandbox apps as Alipay's 账单 lists them (beside Taobao's own Alipay payments). */
export function alipayBills(
  state: AlipayState,
  persona: PersonaId,
  directory: AlipayDirectory,
): Bill[] {
  const bills: Bill[] = []
  for (const trade of state.trades.values()) {
    if (trade.buyer !== persona || !trade.paidAt || !trade.source) continue
    bills.push({
      paymentId: trade.tradeNo,
      orderId: trade.outTradeNo,
      // The payment method ids of Alipay's sources are the sources' own names.
      method: trade.source,
      source: trade.source,
      status: trade.refundedFen > 0 ? 'REFUND' : 'SUCCESS',
      amountFen: trade.amountFen,
      payee: directory.lookup(trade.appId)?.name ?? DEMO_APP_NAME,
      description: trade.subject,
      paidAt: trade.paidAt,
      transactionId: trade.tradeNo,
    })
  }
  return bills
}
