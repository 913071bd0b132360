import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RefundBody } from '../../../contract/wechatpay.ts'
import { apply } from '../apply.ts'
import { seedState, upgradeState } from '../seed.ts'
import type { State } from '../state.ts'
import { must, step, T0, walletTotal } from '../testing.ts'
import { notificationDelivered, notificationFailed, RETRY_SCHEDULE_MS } from './notifications.ts'
import { OPENIDS, personaOfOpenid } from './openids.ts'
import type { V3Outcome } from './outcome.ts'
import { createRefund } from './refunds.ts'
import { txKey } from './state.ts'
import { closeTransaction, createTransaction, payTransaction } from './transactions.ts'
import type { CreateTransactionCommand } from './transactions.ts'

const MCHID = '1900000109'
let n = 0

function ok<T>(outcome: V3Outcome<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${outcome.error.code} ${outcome.error.message}`)
  return outcome.value
}

function create(s: State, over: Partial<CreateTransactionCommand> = {}, now = T0) {
  const cmd: CreateTransactionCommand = {
    mchid: MCHID,
    appid: 'wx0000000000000001',
    tradeType: 'JSAPI',
    outTradeNo: `T${++n}`,
    description: 'x',
    attach: null,
    notifyUrl: 'http://127.0.0.1:9/n',
    amountFen: 100_00,
    expiresAt: null,
    openid: null,
    deviceId: null,
    payToken: `wx-token-${n}`,
    fingerprint: 'f',
    ...over,
  }
  return step(s, createTransaction(s.wechatpay, cmd, now))
}

const pay = (s: State, key: string, persona: 'shopper' | 'friend' = 'shopper', now = T0) =>
  step(
    s,
    payTransaction(
      s.wechatpay,
      s.gateway,
      {
        key,
        persona,
        source: 'wechat-balance',
        password: null,
        transactionId: `4200${++n}`,
        notificationId: `note-${n}`,
        notifyAtMs: now,
      },
      now,
    ),
  )

const refund = (s: State, outTradeNo: string, fen: number, total = 100_00) => {
  const body: RefundBody = {
    out_trade_no: outTradeNo,
    out_refund_no: `R${++n}`,
    amount: { refund: fen, total, currency: 'CNY' },
  }
  return step(
    s,
    createRefund(
      s.wechatpay,
      {
        mchid: MCHID,
        body,
        fingerprint: String(n),
        refundId: `50${n}`,
        notificationId: `rn${n}`,
        notifyAtMs: T0,
      },
      T0,
    ),
  )
}

/** Wallets plus what the merchant holds: the money in play. */
const money = (s: State) =>
  walletTotal(s) +
  [...s.wechatpay.transactions.values()]
    .filter((t) => t.payer !== null)
    .reduce((sum, t) => sum + t.amountFen - t.refundedFen, 0)

describe('APIv3 orders in the domain', () => {
  it('the same out_trade_no: the first order again, or OUT_TRADE_NO_USED; paid ORDERPAID, closed ORDER_CLOSED', () => {
    const s = seedState()
    const first = ok(must(create(s, { outTradeNo: 'SAME01' })))
    expect(ok(must(create(s, { outTradeNo: 'SAME01', payToken: 'other' })))).toEqual(first)
    expect(must(create(s, { outTradeNo: 'SAME01', fingerprint: 'g' }))).toMatchObject({
      ok: false,
      error: { code: 'OUT_TRADE_NO_USED' },
    })
    must(pay(s, first.key))
    expect(must(create(s, { outTradeNo: 'SAME01' }))).toMatchObject({
      ok: false,
      error: { code: 'ORDERPAID' },
    })
    expect(must(closeTransaction(s.wechatpay, MCHID, 'SAME01', T0))).toMatchObject({
      ok: false,
      error: { code: 'ORDERPAID' },
    })
    const closed = ok(must(create(s, { outTradeNo: 'SHUT01' })))
    step(s, closeTransaction(s.wechatpay, MCHID, 'SHUT01', T0))
    expect(s.wechatpay.transactions.get(closed.key)?.state).toBe('CLOSED')
    expect(step(s, closeTransaction(s.wechatpay, MCHID, 'SHUT01', T0)).events).toEqual([])
    expect(must(create(s, { outTradeNo: 'SHUT01' }))).toMatchObject({
      ok: false,
      error: { code: 'ORDER_CLOSED' },
    })
    expect(must(closeTransaction(s.wechatpay, MCHID, 'NOPE01', T0))).toMatchObject({
      ok: false,
      error: { code: 'ORDER_NOT_EXIST' },
    })
  })

  it('an order is paid once: the payer’s 零钱 pays, the notification is owed, money is conserved', () => {
    const s = seedState()
    const before = money(s)
    const tx = ok(must(create(s)))
    must(pay(s, tx.key))
    expect(pay(s, tx.key, 'friend')).toMatchObject({ ok: false, error: { code: 'ORDERPAID' } })
    expect(s.gateway.accounts.shopper.wallet.wechatBalanceFen).toBe(2_000_00 - 100_00)
    expect(money(s)).toBe(before)
    expect([...s.wechatpay.pendingNotifications]).toHaveLength(1)
  })

  it('the openid names the payer; time_expire, the password and the balance are checked', () => {
    const s = seedState()
    const bound = ok(must(create(s, { openid: OPENIDS.friend })))
    expect(pay(s, bound.key, 'shopper')).toMatchObject({
      ok: false,
      error: { code: 'PARAM_ERROR' },
    })
    expect(personaOfOpenid(OPENIDS.friend)).toBe('friend')
    const late = ok(must(create(s, { expiresAt: new Date(T0 + 1000).toISOString() })))
    expect(pay(s, late.key, 'shopper', T0 + 1000)).toMatchObject({
      ok: false,
      error: { code: 'ORDERCLOSED' },
    })
    const dear = ok(must(create(s, { amountFen: 3_000_00 })))
    expect(pay(s, dear.key)).toMatchObject({ ok: false, error: { code: 'NOTENOUGH' } })
    const wrong = payTransaction(
      s.wechatpay,
      s.gateway,
      {
        key: dear.key,
        persona: 'shopper',
        source: 'wechat-balance',
        password: '000000',
        transactionId: 't',
        notificationId: 'x',
        notifyAtMs: T0,
      },
      T0,
    )
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PASSWORD_ERROR', triesLeft: 4 } })
  })

  it('refunds add up to at most the total, each back to the payer; the order turns REFUND', () => {
    const s = seedState()
    const tx = ok(must(create(s, { outTradeNo: 'REF001' })))
    expect(must(refund(s, 'REF001', 1))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
    must(pay(s, tx.key))
    const before = money(s)
    expect(ok(must(refund(s, 'REF001', 60_00)))).toMatchObject({ amountFen: 60_00 })
    expect(must(refund(s, 'REF001', 40_01))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
    expect(must(refund(s, 'REF001', 1, 99))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST' },
    })
    ok(must(refund(s, 'REF001', 40_00)))
    expect(s.wechatpay.transactions.get(tx.key)).toMatchObject({
      state: 'REFUND',
      refundedFen: 100_00,
    })
    expect(s.gateway.accounts.shopper.wallet.wechatBalanceFen).toBe(2_000_00)
    expect(money(s)).toBe(before)
    expect(must(refund(s, 'NOPE01', 1))).toMatchObject({
      ok: false,
      error: { code: 'RESOURCE_NOT_EXISTS' },
    })
  })

  it('a notification’s attempts follow WeChat’s schedule until it gives up or is acknowledged', () => {
    const s = seedState()
    const tx = ok(must(create(s)))
    must(pay(s, tx.key))
    const [id] = [...s.wechatpay.pendingNotifications]
    if (!id) throw new Error('no notification')
    let at = T0
    for (const wait of RETRY_SCHEDULE_MS) {
      const failed = must(step(s, notificationFailed(s.wechatpay, id, 'answered 500', at)))
      expect(failed?.nextAtMs).toBe(at + wait)
      at += wait
    }
    expect(must(step(s, notificationFailed(s.wechatpay, id, 'answered 500', at)))).toMatchObject({
      status: 'FAILED',
      attempts: 16,
    })
    expect(s.wechatpay.pendingNotifications.size).toBe(0)
    expect(step(s, notificationDelivered(s.wechatpay, id, at)).events).toEqual([])
  })

  it('replaying the events gives the same state (any sequence of creates, pays, refunds, closes)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            op: fc.constantFrom('create', 'pay', 'refund', 'close'),
            i: fc.nat(4),
            fen: fc.integer({ min: 1, max: 120_00 }),
          }),
          { maxLength: 40 },
        ),
        (ops) => {
          const s = seedState()
          const journal: Parameters<typeof apply>[1][] = []
          const record = (d: { events: Parameters<typeof apply>[1][] }) => {
            journal.push(...d.events)
          }
          const before = money(s)
          for (const { op, i, fen } of ops) {
            const no = `OP${i}0000`
            if (op === 'create') record(create(s, { outTradeNo: no, payToken: `tok${i}` }))
            if (op === 'pay') record(pay(s, txKey(MCHID, no)))
            if (op === 'refund' && s.wechatpay.transactions.has(txKey(MCHID, no)))
              record(refund(s, no, fen))
            if (op === 'close') record(step(s, closeTransaction(s.wechatpay, MCHID, no, T0)))
          }
          const replayed = seedState()
          for (const event of journal) apply(replayed, event)
          expect(replayed.wechatpay).toEqual(s.wechatpay)
          expect(replayed.gateway.accounts).toEqual(s.gateway.accounts)
          expect(money(s)).toBe(before)
        },
      ),
    )
  })

  it('a state from before the sandbox (an older snapshot) reads with an empty one', () => {
    const { wechatpay: _, ...older } = seedState()
    const upgraded = upgradeState(older as State)
    expect(upgraded.wechatpay.transactions.size).toBe(0)
    expect(upgraded.wechatpay.pendingNotifications.size).toBe(0)
  })
})
