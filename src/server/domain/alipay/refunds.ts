import { accept, iso } from '../result.ts'
import type { Decision } from '../result.ts'
import { owed } from './notifications.ts'
import type { NotifyPlan } from './notifications.ts'
import { alipayNo, alipayOk } from './outcome.ts'
import type { AlipayOutcome } from './outcome.ts'
import { refundKey } from './state.ts'
import type { AlipayRefundRecord, AlipayState, AlipayTradeRecord } from './state.ts'
import { visibleTrade } from './trades.ts'

export interface RefundCommand {
  appId: string
  ref: { out_trade_no?: string | undefined; trade_no?: string | undefined }
  amountFen: number
  reason: string | null
  /** Absent: the trade's one whole refund (Alipay uses the out_trade_no). */
  outRequestNo: string | undefined
  fingerprint: string
  notify: NotifyPlan
}

export interface RefundOutcome {
  trade: AlipayTradeRecord
  refund: AlipayRefundRecord
  /** Whether this call moved money (`fund_change`): a repeated out_request_no does not. */
  fundChange: boolean
}

/**
 * 统一收单交易退款: the money goes back to the buyer's balance, 花呗 or card at once; partial refunds add
 * up to at most the total; the same out_request_no answers the first refund again (fund_change N); a
 * whole refund closes the trade (TRADE_CLOSED), a partial one leaves it TRADE_SUCCESS.
 */
export function refundTrade(
  state: AlipayState,
  cmd: RefundCommand,
  now: number,
): Decision<AlipayOutcome<RefundOutcome>> {
  const found = visibleTrade(state, cmd.appId, cmd.ref)
  if (!found.ok) return accept(found)
  const trade = found.value
  const outRequestNo = cmd.outRequestNo ?? trade.outTradeNo
  const key = refundKey(trade.key, outRequestNo)
  const seen = state.refunds.get(key)
  if (seen) {
    return seen.fingerprint === cmd.fingerprint
      ? alipayOk({ trade, refund: seen, fundChange: false })
      : alipayNo(
          'ACQ.INVALID_PARAMETER',
          'this out_request_no was used before with another refund_amount',
        )
  }
  if (trade.state === 'TRADE_CLOSED') return alipayNo('ACQ.TRADE_HAS_CLOSE')
  if (trade.state !== 'TRADE_SUCCESS' || !trade.buyer || !trade.source) {
    return alipayNo('ACQ.TRADE_STATUS_ERROR', `trade_status is ${trade.state}`)
  }
  if (cmd.amountFen > trade.amountFen - trade.refundedFen) {
    return alipayNo(
      'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL',
      `${trade.amountFen - trade.refundedFen} fen left to refund`,
    )
  }
  const refund: AlipayRefundRecord = {
    key,
    tradeKey: trade.key,
    outRequestNo,
    amountFen: cmd.amountFen,
    reason: cmd.reason,
    fingerprint: cmd.fingerprint,
    at: iso(now),
  }
  const refundedFen = trade.refundedFen + cmd.amountFen
  const whole = refundedFen >= trade.amountFen
  const after: AlipayTradeRecord = {
    ...trade,
    refundedFen,
    ...(whole ? { state: 'TRADE_CLOSED', closedAt: refund.at } : {}),
  }
  const notification = owed(trade, whole ? 'TRADE_CLOSED' : 'TRADE_SUCCESS', cmd.notify, now, key)
  return alipayOk({ trade: after, refund, fundChange: true }, [
    { type: 'alipay.trade.refunded', refund, notification },
  ])
}

/** 统一收单交易退款查询: the refund, or null when that out_request_no refunded nothing (Alipay: 10000, empty). */
export function findRefund(
  state: AlipayState,
  appId: string,
  ref: { out_trade_no?: string | undefined; trade_no?: string | undefined },
  outRequestNo: string,
): AlipayOutcome<{ trade: AlipayTradeRecord; refund: AlipayRefundRecord | null }> {
  const found = visibleTrade(state, appId, ref)
  if (!found.ok) return found
  const refund = state.refunds.get(refundKey(found.value.key, outRequestNo)) ?? null
  return { ok: true, value: { trade: found.value, refund } }
}
