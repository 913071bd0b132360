import type { AlipaySource } from '../../../contract/alipay-test.ts'
import type { PersonaId } from '../../../contract/sim.ts'
import { SOURCES } from '../gateway/channels.ts'
import { checkPassword } from '../gateway/password.ts'
import { accept, iso, refuse } from '../result.ts'
import type { Decision } from '../result.ts'
import type { GatewayState } from '../state.ts'
import { alipayNo, alipayOk } from './outcome.ts'
import type { AlipayOutcome } from './outcome.ts'
import { owed } from './notifications.ts'
import type { NotifyPlan } from './notifications.ts'
import { tradeKey } from './state.ts'
import type { AlipayState, AlipayTradeRecord } from './state.ts'

/** What a create (precreate, wap.pay, page.pay) says; `tradeNo` and `payToken` are fresh, kept only if new. */
export type CreateTradeCommand = Pick<
  AlipayTradeRecord,
  | 'appId'
  | 'outTradeNo'
  | 'tradeNo'
  | 'product'
  | 'subject'
  | 'body'
  | 'amountFen'
  | 'notifyUrl'
  | 'returnUrl'
  | 'quitUrl'
  | 'passbackParams'
  | 'payToken'
  | 'fingerprint'
  | 'expiresAt'
>

const open = (trade: AlipayTradeRecord) =>
  trade.state === 'CREATED' || trade.state === 'WAIT_BUYER_PAY'
const paid = (trade: AlipayTradeRecord) =>
  trade.state === 'TRADE_SUCCESS' || trade.state === 'TRADE_FINISHED' || trade.refundedFen > 0

/**
 * 统一收单线下交易预创建 / 手机网站支付 / 电脑网站支付. The same out_trade_no with the same parameters
 * answers the first trade again (its qr_code, its cashier); with others CONTEXT_INCONSISTENT; once paid
 * TRADE_HAS_SUCCESS, once closed TRADE_HAS_CLOSE.
 */
export function createTrade(
  state: AlipayState,
  cmd: CreateTradeCommand,
  now: number,
): Decision<AlipayOutcome<AlipayTradeRecord>> {
  const key = tradeKey(cmd.appId, cmd.outTradeNo)
  const seen = state.trades.get(key)
  if (seen) {
    if (paid(seen)) return alipayNo('ACQ.TRADE_HAS_SUCCESS')
    if (seen.state === 'TRADE_CLOSED') return alipayNo('ACQ.TRADE_HAS_CLOSE')
    if (seen.fingerprint !== cmd.fingerprint) {
      return alipayNo(
        'ACQ.CONTEXT_INCONSISTENT',
        'this out_trade_no was made before with other parameters',
      )
    }
    return alipayOk(seen)
  }
  if (state.byToken.has(cmd.payToken) || state.byTradeNo.has(cmd.tradeNo)) {
    return alipayNo('ACQ.SYSTEM_ERROR')
  }
  const trade: AlipayTradeRecord = {
    ...cmd,
    key,
    createdAt: iso(now),
    state: 'CREATED',
    buyer: null,
    seenAt: null,
    source: null,
    paidAt: null,
    closedAt: null,
    refundedFen: 0,
  }
  return alipayOk(trade, [{ type: 'alipay.trade.created', trade }])
}

/** The app's trade an out_trade_no or trade_no names (trade_no first, as Alipay reads them). */
export function findTrade(
  state: AlipayState,
  appId: string,
  ref: { out_trade_no?: string | undefined; trade_no?: string | undefined },
): AlipayTradeRecord | undefined {
  const key = ref.trade_no
    ? state.byTradeNo.get(ref.trade_no)
    : tradeKey(appId, ref.out_trade_no ?? '')
  const trade = key === undefined ? undefined : state.trades.get(key)
  if (!trade || trade.appId !== appId) return undefined
  if (ref.trade_no && ref.out_trade_no && trade.outTradeNo !== ref.out_trade_no) return undefined
  return trade
}

/** What the merchant's queries see: an unseen trade does not exist yet, as on Alipay. */
export function visibleTrade(
  state: AlipayState,
  appId: string,
  ref: { out_trade_no?: string | undefined; trade_no?: string | undefined },
): AlipayOutcome<AlipayTradeRecord> {
  const trade = findTrade(state, appId, ref)
  if (!trade || trade.state === 'CREATED') {
    return { ok: false, error: { subCode: 'ACQ.TRADE_NOT_EXIST', subMsg: '交易不存在' } }
  }
  return { ok: true, value: trade }
}

/** Past its deadline an unpaid trade closes (as Alipay's timeout does), owing TRADE_CLOSED if it was seen. */
export function expireTrade(
  state: AlipayState,
  key: string,
  plan: NotifyPlan,
  now: number,
): Decision<AlipayTradeRecord | null> {
  const trade = state.trades.get(key)
  if (!trade || !open(trade) || Date.parse(trade.expiresAt) > now) return accept(null)
  const note = trade.state === 'WAIT_BUYER_PAY' ? owed(trade, 'TRADE_CLOSED', plan, now) : null
  return accept({ ...trade, state: 'TRADE_CLOSED', closedAt: iso(now) }, [
    { type: 'alipay.trade.closed', key, at: iso(now), notification: note },
  ])
}

/** A buyer scans the code or opens the cashier: the trade is WAIT_BUYER_PAY from now (owed as such). */
export function seeTrade(
  state: AlipayState,
  key: string,
  buyer: PersonaId,
  plan: NotifyPlan,
  now: number,
): Decision<AlipayTradeRecord> {
  const trade = state.trades.get(key)
  if (!trade) return refuse('ORDER_NOT_EXIST', 'no such trade of this app')
  if (paid(trade)) return refuse('ORDERPAID', 'the trade is already paid')
  if (!open(trade)) return refuse('ORDERCLOSED', `the trade is ${trade.state}`)
  if (trade.state !== 'CREATED') return accept(trade)
  const at = iso(now)
  return accept({ ...trade, state: 'WAIT_BUYER_PAY', buyer, seenAt: at }, [
    {
      type: 'alipay.trade.seen',
      key,
      buyer,
      at,
      notification: owed(trade, 'WAIT_BUYER_PAY', plan, now),
    },
  ])
}

/** 统一收单交易关闭: a trade waiting for its buyer closes; a paid or closed one is TRADE_STATUS_ERROR. */
export function closeTrade(
  state: AlipayState,
  appId: string,
  ref: { out_trade_no?: string | undefined; trade_no?: string | undefined },
  plan: NotifyPlan,
  now: number,
): Decision<AlipayOutcome<AlipayTradeRecord>> {
  const found = visibleTrade(state, appId, ref)
  if (!found.ok) return accept(found)
  const trade = found.value
  if (trade.state !== 'WAIT_BUYER_PAY') {
    return alipayNo('ACQ.TRADE_STATUS_ERROR', `trade_status is ${trade.state}`)
  }
  const at = iso(now)
  return alipayOk({ ...trade, state: 'TRADE_CLOSED', closedAt: at }, [
    {
      type: 'alipay.trade.closed',
      key: trade.key,
      at,
      notification: owed(trade, 'TRADE_CLOSED', plan, now),
    },
  ])
}

export interface PayTradeCommand {
  key: string
  buyer: PersonaId
  source: AlipaySource
  /** null: the buyer's own (a script paying without the password pad). */
  password: string | null
  notify: NotifyPlan
}

/**
 * The buyer pays an app's trade from Alipay: the password in Alipay's realm (shared with Taobao's
 * cashier, its lockout too), the balance, then the money moves and TRADE_SUCCESS is owed. Paid once.
 */
export function payTrade(
  alipay: AlipayState,
  gateway: GatewayState,
  cmd: PayTradeCommand,
  now: number,
): Decision<AlipayTradeRecord> {
  const trade = alipay.trades.get(cmd.key)
  if (!trade) return refuse('ORDER_NOT_EXIST', 'no such trade of this app')
  if (paid(trade)) return refuse('ORDERPAID', 'the trade is already paid')
  if (!open(trade)) return refuse('ORDERCLOSED', `the trade is ${trade.state}`)
  if (Date.parse(trade.expiresAt) <= now)
    return refuse('ORDERCLOSED', 'the trade is past its deadline')
  const spec = SOURCES[cmd.source]
  const account = gateway.accounts[cmd.buyer]
  const wrong = checkPassword(account, cmd.buyer, spec.realm, cmd.password ?? account.password, now)
  if (wrong) return wrong
  if (account.wallet[spec.wallet] < trade.amountFen) {
    return refuse('NOTENOUGH', 'the balance is not enough')
  }
  const at = iso(now)
  return accept(
    {
      ...trade,
      state: 'TRADE_SUCCESS',
      buyer: cmd.buyer,
      source: cmd.source,
      paidAt: at,
      seenAt: trade.seenAt ?? at,
    },
    [
      {
        type: 'alipay.trade.paid',
        key: trade.key,
        buyer: cmd.buyer,
        source: cmd.source,
        amountFen: trade.amountFen,
        at,
        notification: owed(trade, 'TRADE_SUCCESS', cmd.notify, now),
      },
    ],
  )
}
