import { describe, expect, it } from 'vitest'
import type { AlipayTradeSheet } from '@/contract/alipay-test.ts'
import { ALIPAY_PAY_PATH, PAGE_ROUTES } from '@/contract/paths.ts'
import {
  alipayPayStep,
  initialAlipayPay,
  type AlipayPayEvent,
  type AlipayPayState,
} from './alipay-pay-flow.ts'

const sheet: AlipayTradeSheet = {
  token: 'w1.t1',
  appId: '2021000000000001',
  merchantName: '示例小店 Example Shop',
  outTradeNo: 'EX1',
  subject: '手冲咖啡豆 200g',
  amountFen: 5900,
  product: 'WAP',
  status: 'WAIT_BUYER_PAY',
  expiresAt: '2026-12-01T00:00:00.000Z',
  returnUrl: null,
  quitUrl: 'http://127.0.0.1:3000/orders/EX1',
}
const paid: AlipayTradeSheet = {
  ...sheet,
  status: 'TRADE_SUCCESS',
  returnUrl: 'http://127.0.0.1:3000/orders/EX1?out_trade_no=EX1&sign=s',
}

function run(events: AlipayPayEvent[], start = initialAlipayPay('w1.t1').state) {
  let state: AlipayPayState = start
  const effects = []
  for (const event of events) {
    const next = alipayPayStep(state, event)
    state = next.state
    effects.push(...(next.effects ?? []))
  }
  return { state, effects }
}

const loaded = (value: AlipayTradeSheet, round = 0): AlipayPayEvent => ({
  type: 'LOADED',
  round,
  value,
})

describe('the Alipay cashier flow', () => {
  it('loads the trade by its token first', () => {
    expect(initialAlipayPay('w1.t1').effects).toEqual([{ kind: 'load', round: 0, token: 'w1.t1' }])
    expect(PAGE_ROUTES.alipayPay).toBe(ALIPAY_PAY_PATH)
  })

  it('opens a trade nobody has seen yet (WAIT_BUYER_PAY), and only once', () => {
    const { state, effects } = run([loaded({ ...sheet, status: null }), { type: 'START' }])
    expect(effects).toEqual([{ kind: 'open', token: 'w1.t1' }])
    expect(state.opening).toBe(true)
    expect(state.pay.step).toBe('sheet')
    const opened = run([{ type: 'OPENED', sheet }, { type: 'START' }], state)
    expect(opened.state.pay).toEqual({ step: 'pin', tries: 0, busy: false, locked: false })
  })

  it('a waiting trade is not opened again; an answer of an old round is dropped', () => {
    const { state, effects } = run([loaded(sheet), loaded({ ...sheet, subject: 'old' }, 7)])
    expect(effects).toEqual([])
    expect(state.sheet?.subject).toBe('手冲咖啡豆 200g')
  })

  it('pays with the method picked and the password, then leaves to the signed return_url', () => {
    const { state, effects } = run([
      loaded(sheet),
      { type: 'PICK', method: 'huabei' },
      { type: 'START' },
      { type: 'PASSWORD', password: '123456' },
      { type: 'PASSWORD', password: '123456' },
      { type: 'PAID', trade: paid, tradeNo: '2026120122001' },
      { type: 'LEAVE' },
    ])
    expect(effects).toEqual([
      { kind: 'pay', token: 'w1.t1', method: 'huabei', password: '123456' },
      { kind: 'leave', paid: true, url: paid.returnUrl },
    ])
    expect(state.pay).toEqual({ step: 'success', trade: paid, tradeNo: '2026120122001' })
  })

  it('a wrong password clears the pad and says why; the lockout stops the pad', () => {
    const wrong = { code: 'PASSWORD_ERROR', triesLeft: 4 }
    const { state } = run([
      loaded(sheet),
      { type: 'START' },
      { type: 'PASSWORD', password: '111111' },
      { type: 'REFUSED', error: wrong },
    ])
    expect(state.pay).toEqual({ step: 'pin', tries: 1, busy: false, locked: false })
    expect(state.problem).toEqual(wrong)
    const locked = run(
      [
        { type: 'PASSWORD', password: '222222' },
        { type: 'REFUSED', error: { code: 'ACCOUNT_LOCKED', lockedUntil: 'x' } },
        { type: 'PASSWORD', password: '123456' },
      ],
      state,
    )
    expect(locked.effects).toHaveLength(1)
    expect(locked.state.pay).toMatchObject({ step: 'pin', locked: true, busy: false })
    expect(run([{ type: 'CANCEL_PIN' }], locked.state).state).toMatchObject({
      pay: { step: 'sheet' },
      problem: null,
    })
  })

  it('another refusal goes back to the sheet, reads it again and says why', () => {
    const { state, effects } = run([
      loaded(sheet),
      { type: 'START' },
      { type: 'PASSWORD', password: '123456' },
      { type: 'REFUSED', error: { code: 'NOTENOUGH' } },
    ])
    expect(state.pay).toEqual({ step: 'sheet' })
    expect(state.problem?.code).toBe('NOTENOUGH')
    expect(effects.at(-1)).toEqual({ kind: 'load', round: 1, token: 'w1.t1' })
    expect(run([{ type: 'DISMISS' }], state).state.problem).toBeNull()
  })

  it('leaving before paying goes to quit_url; a paid trade to its return_url; a code to nowhere', () => {
    expect(run([loaded(sheet), { type: 'LEAVE' }]).effects).toEqual([
      { kind: 'leave', paid: false, url: sheet.quitUrl },
    ])
    expect(run([loaded(paid), { type: 'LEAVE' }]).effects.at(-1)).toEqual({
      kind: 'leave',
      paid: false,
      url: paid.returnUrl,
    })
    const qr = { ...sheet, product: 'QR' as const, quitUrl: null }
    expect(run([loaded(qr), { type: 'LEAVE' }]).effects).toEqual([
      { kind: 'leave', paid: false, url: null },
    ])
  })

  it('does not start on a closed or paid trade, nor leave while paying', () => {
    expect(
      run([loaded({ ...sheet, status: 'TRADE_CLOSED' }), { type: 'START' }]).state.pay,
    ).toEqual({ step: 'sheet' })
    const busy = run([loaded(sheet), { type: 'START' }, { type: 'PASSWORD', password: '123456' }])
    expect(run([{ type: 'LEAVE' }, { type: 'CANCEL_PIN' }], busy.state).effects).toEqual([])
  })

  it('a failed open reads the trade again', () => {
    const opening = run([loaded({ ...sheet, status: null })]).state
    const { state, effects } = run([{ type: 'OPEN_FAILED', error: { code: 'ORDERPAID' } }], opening)
    expect(state.opening).toBe(false)
    expect(effects).toEqual([{ kind: 'load', round: 1, token: 'w1.t1' }])
  })
})
