import { describe, expect, it } from 'vitest'
import { seedState } from '../seed.ts'
import type { State } from '../state.ts'
import { must, step, T0 } from '../testing.ts'
import { ALIPAY_RETRY_SCHEDULE_MS, alipayNotificationFailed } from './notifications.ts'
import type { AlipayOutcome } from './outcome.ts'
import { refundTrade } from './refunds.ts'
import { tradeKey } from './state.ts'
import { closeTrade, createTrade, payTrade, seeTrade, visibleTrade } from './trades.ts'
import type { CreateTradeCommand } from './trades.ts'

const APP = '2021000000000042'
let n = 0
const plan = () => ({ id: `N${++n}`, atMs: T0 })

function ok<T>(outcome: AlipayOutcome<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${outcome.error.subCode}`)
  return outcome.value
}

function create(s: State, over: Partial<CreateTradeCommand> = {}) {
  const cmd: CreateTradeCommand = {
    appId: APP,
    outTradeNo: `T${++n}`,
    tradeNo: `2024091822001${String(++n).padStart(15, '0')}`,
    product: 'QR',
    subject: '龙井',
    body: null,
    amountFen: 100_00,
    notifyUrl: 'http://127.0.0.1:9/n',
    returnUrl: null,
    quitUrl: null,
    passbackParams: null,
    payToken: `tok${++n}`,
    fingerprint: 'f1',
    expiresAt: new Date(T0 + 3600_000).toISOString(),
    ...over,
  }
  return ok(must(step(s, createTrade(s.alipay, cmd, T0))))
}

describe('Alipay trades', () => {
  it('a precreated trade is invisible until seen; the same out_trade_no with other parameters is refused', () => {
    const s = seedState()
    const trade = create(s)
    expect(visibleTrade(s.alipay, APP, { out_trade_no: trade.outTradeNo }).ok).toBe(false)
    const again = must(createTrade(s.alipay, { ...trade, fingerprint: 'f2' }, T0))
    expect(again.ok ? null : again.error.subCode).toBe('ACQ.CONTEXT_INCONSISTENT')
    must(step(s, seeTrade(s.alipay, trade.key, 'shopper', plan(), T0)))
    expect(visibleTrade(s.alipay, APP, { trade_no: trade.tradeNo }).ok).toBe(true)
    expect([...s.alipay.notifications.values()].map((x) => x.tradeStatus)).toEqual([
      'WAIT_BUYER_PAY',
    ])
  })

  it('pays once from the Alipay balance, with the password of the Alipay realm; refunds add up', () => {
    const s = seedState()
    const trade = create(s)
    const before = s.gateway.accounts.shopper.wallet.alipayBalanceFen
    const pay = (password: string | null) =>
      step(
        s,
        payTrade(
          s.alipay,
          s.gateway,
          { key: trade.key, buyer: 'shopper', source: 'alipay-balance', password, notify: plan() },
          T0,
        ),
      )
    const wrong = pay('000000')
    expect(wrong.ok ? null : wrong.error.code).toBe('PASSWORD_ERROR')
    expect(s.gateway.accounts.shopper.guards.alipay.failedTries).toBe(1)
    must(pay('123456'))
    expect(s.gateway.accounts.shopper.wallet.alipayBalanceFen).toBe(before - 100_00)
    const twice = pay(null)
    expect(twice.ok ? null : twice.error.code).toBe('ORDERPAID')
    const refund = (amountFen: number, no: string) =>
      must(
        step(
          s,
          refundTrade(
            s.alipay,
            {
              appId: APP,
              ref: { out_trade_no: trade.outTradeNo },
              amountFen,
              reason: null,
              outRequestNo: no,
              fingerprint: String(amountFen),
              notify: plan(),
            },
            T0,
          ),
        ),
      )
    expect(ok(refund(60_00, 'R1')).fundChange).toBe(true)
    expect(refund(50_00, 'R2').ok).toBe(false)
    ok(refund(40_00, 'R2'))
    expect(s.alipay.trades.get(tradeKey(APP, trade.outTradeNo))?.state).toBe('TRADE_CLOSED')
    expect(s.gateway.accounts.shopper.wallet.alipayBalanceFen).toBe(before)
  })

  it("closes only a waiting trade, and retries notifications on Alipay's schedule, then gives up", () => {
    const s = seedState()
    const trade = create(s)
    const closed = must(closeTrade(s.alipay, APP, { out_trade_no: trade.outTradeNo }, plan(), T0))
    expect(closed.ok ? null : closed.error.subCode).toBe('ACQ.TRADE_NOT_EXIST')
    must(step(s, seeTrade(s.alipay, trade.key, 'shopper', plan(), T0)))
    ok(must(step(s, closeTrade(s.alipay, APP, { out_trade_no: trade.outTradeNo }, plan(), T0))))
    const [note] = [...s.alipay.notifications.values()]
    if (!note) throw new Error('no notification')
    let at = T0
    const waits: (number | null)[] = []
    for (let i = 0; i <= ALIPAY_RETRY_SCHEDULE_MS.length; i++) {
      const next = must(step(s, alipayNotificationFailed(s.alipay, note.id, 'answered fail', at)))
      waits.push(next?.nextAtMs === null || next === null ? null : next.nextAtMs - at)
      at = next?.nextAtMs ?? at
    }
    expect(waits).toEqual([...ALIPAY_RETRY_SCHEDULE_MS, null])
    expect(s.alipay.notifications.get(note.id)?.status).toBe('FAILED')
  })
})
