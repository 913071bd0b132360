import type { FundingSource } from '../../../contract/payment.ts'
import type { PersonaId } from '../../../contract/sim.ts'
import { SOURCES } from '../gateway/channels.ts'
import { checkPassword } from '../gateway/password.ts'
import { accept, iso, refuse } from '../result.ts'
import type { Decision } from '../result.ts'
import type { GatewayState } from '../state.ts'
import { personaOfOpenid } from './openids.ts'
import { v3no, v3ok } from './outcome.ts'
import type { V3Outcome } from './outcome.ts'
import { txKey } from './state.ts'
import type { V3NotificationRecord, V3TransactionRecord, WechatpayState } from './state.ts'

/** What a create says: the order's own fields (`payToken`: a fresh prepay_id or code `pr`, kept only if the order is new). */
export type CreateTransactionCommand = Pick<
  V3TransactionRecord,
  | 'mchid'
  | 'appid'
  | 'tradeType'
  | 'outTradeNo'
  | 'description'
  | 'attach'
  | 'notifyUrl'
  | 'amountFen'
  | 'expiresAt'
  | 'openid'
  | 'deviceId'
  | 'payToken'
  | 'fingerprint'
>

/**
 * 下单. The same out_trade_no with the same body answers the first order again (its prepay_id or
 * code); with another body it is OUT_TRADE_NO_USED; once paid ORDERPAID, once closed ORDER_CLOSED.
 */
export function createTransaction(
  state: WechatpayState,
  cmd: CreateTransactionCommand,
  now: number,
): Decision<V3Outcome<V3TransactionRecord>> {
  const key = txKey(cmd.mchid, cmd.outTradeNo)
  const seen = state.transactions.get(key)
  if (seen) {
    if (seen.state === 'SUCCESS' || seen.state === 'REFUND')
      return v3no('ORDERPAID', '该订单已支付')
    if (seen.state === 'CLOSED') return v3no('ORDER_CLOSED', '订单已关闭')
    if (seen.fingerprint !== cmd.fingerprint) {
      return v3no('OUT_TRADE_NO_USED', '商户订单号重复', {
        issue: 'this out_trade_no was ordered before with another body',
      })
    }
    return v3ok(seen)
  }
  if (state.byToken.has(cmd.payToken)) return v3no('SYSTEM_ERROR', '系统错误，请稍后重试')
  const transaction: V3TransactionRecord = {
    key,
    mchid: cmd.mchid,
    appid: cmd.appid,
    outTradeNo: cmd.outTradeNo,
    tradeType: cmd.tradeType,
    description: cmd.description,
    attach: cmd.attach,
    notifyUrl: cmd.notifyUrl,
    amountFen: cmd.amountFen,
    expiresAt: cmd.expiresAt,
    openid: cmd.openid,
    deviceId: cmd.deviceId,
    payToken: cmd.payToken,
    fingerprint: cmd.fingerprint,
    createdAt: iso(now),
    state: 'NOTPAY',
    transactionId: null,
    successTime: null,
    payer: null,
    source: null,
    closedAt: null,
    refundedFen: 0,
  }
  return v3ok(transaction, [{ type: 'wechatpay.transaction.created', transaction }])
}

/** 关闭订单: an unpaid order closes (again: nothing to do); a paid one is ORDERPAID. */
export function closeTransaction(
  state: WechatpayState,
  mchid: string,
  outTradeNo: string,
  now: number,
): Decision<V3Outcome<V3TransactionRecord>> {
  const key = txKey(mchid, outTradeNo)
  const tx = state.transactions.get(key)
  if (!tx) return v3no('ORDER_NOT_EXIST', '订单不存在')
  if (tx.state === 'SUCCESS' || tx.state === 'REFUND') return v3no('ORDERPAID', '该订单已支付')
  if (tx.state !== 'NOTPAY') return v3ok(tx)
  return v3ok({ ...tx, state: 'CLOSED', closedAt: iso(now) }, [
    { type: 'wechatpay.transaction.closed', key, at: iso(now) },
  ])
}

/** Whether an unpaid order can no longer be paid (past its time_expire). */
export function isPastExpiry(tx: V3TransactionRecord, now: number): boolean {
  return tx.expiresAt !== null && Date.parse(tx.expiresAt) <= now
}

export interface PayTransactionCommand {
  key: string
  persona: PersonaId
  source: FundingSource
  /** null: the persona's own (a script paying without the password pad). */
  password: string | null
  transactionId: string
  notificationId: string
  /** When the TRANSACTION.SUCCESS notification's first attempt falls due (the `delay` fault). */
  notifyAtMs: number
}

/**
 * The shopper pays a merchant's order from their WeChat wallet: the password in WeChat's realm, the
 * balance, then the money moves and the notification is owed. An order is paid once, whatever races.
 */
export function payTransaction(
  wechatpay: WechatpayState,
  gateway: GatewayState,
  cmd: PayTransactionCommand,
  now: number,
): Decision<V3TransactionRecord> {
  const tx = wechatpay.transactions.get(cmd.key)
  if (!tx) return refuse('ORDER_NOT_EXIST', 'no such order of this merchant')
  if (tx.state === 'SUCCESS' || tx.state === 'REFUND') {
    return refuse('ORDERPAID', 'the order is already paid')
  }
  if (tx.state !== 'NOTPAY') return refuse('ORDERCLOSED', `the order is ${tx.state}`)
  if (isPastExpiry(tx, now)) return refuse('ORDERCLOSED', 'the order is past its time_expire')
  const bound = personaOfOpenid(tx.openid)
  if (bound && bound !== cmd.persona) {
    return refuse('PARAM_ERROR', `this order is for payer.openid ${tx.openid} (persona ${bound})`)
  }
  const spec = SOURCES[cmd.source]
  const account = gateway.accounts[cmd.persona]
  const wrong = checkPassword(
    account,
    cmd.persona,
    spec.realm,
    cmd.password ?? account.password,
    now,
  )
  if (wrong) return wrong
  if (account.wallet[spec.wallet] < tx.amountFen) {
    return refuse('NOTENOUGH', 'the balance is not enough')
  }
  const at = iso(now)
  const notification: V3NotificationRecord = {
    id: cmd.notificationId,
    mchid: tx.mchid,
    eventType: 'TRANSACTION.SUCCESS',
    ref: tx.key,
    url: tx.notifyUrl,
    createdAt: at,
    attempts: 0,
    nextAtMs: cmd.notifyAtMs,
    status: 'PENDING',
    lastError: null,
  }
  const paid: V3TransactionRecord = {
    ...tx,
    state: 'SUCCESS',
    payer: cmd.persona,
    source: cmd.source,
    transactionId: cmd.transactionId,
    successTime: at,
  }
  return accept(paid, [
    {
      type: 'wechatpay.transaction.paid',
      key: tx.key,
      payer: cmd.persona,
      source: cmd.source,
      amountFen: tx.amountFen,
      transactionId: cmd.transactionId,
      at,
      notification,
    },
  ])
}
