import { describe, expect, it } from 'vitest'
import {
  failure,
  fold,
  live,
  ORDER_ID,
  payment,
  paySheet,
  scanPayment,
} from '../../../test/support/flows.ts'
import { confirmed, go } from '../../../test/support/cashier-flow.ts'
import { payCodePath } from '@/contract/paths.ts'
import { TIMING } from './flow-moves.ts'
import { initialCashier, step } from './flow.ts'
import { scanExpired, scanStatus } from './scan/scan-flow.ts'
import { EMPTY_RESUME } from './resume.ts'

describe('微信支付: the jump to WeChat and the way back', () => {
  const jumping = () =>
    go(confirmed('wechat', 'launch').state, {
      type: 'CREATED',
      purpose: 'open',
      payment: payment({ method: 'wechat', payToken: 'wx-tok' }),
    })

  it('says "正在打开微信…" for a moment, then opens WeChat’s sheet and remembers the jump', () => {
    const { state, timers } = jumping()
    expect(state.view).toEqual({ kind: 'jump', payToken: 'wx-tok' })
    expect(timers).toEqual([{ key: 'jump', ms: TIMING.wechatJump, event: { type: 'JUMP_OPEN' } }])
    const opened = go(state, { type: 'JUMP_OPEN' })
    expect(opened.state.resume.jump).toEqual({ paymentId: 'p1' })
    expect(opened.effects).toEqual([
      { kind: 'save', resume: opened.state.resume },
      { kind: 'navigate', path: payCodePath('wx-tok', 'taobao') },
    ])
  })

  it('back in Taobao, either answer asks the merchant; only its word counts', () => {
    const back = go(jumping().state, { type: 'JUMP_OPEN' }).state
    const asked = go(back, { type: 'JUMP_ANSWER', claimed: true })
    expect(asked.effects).toEqual([{ kind: 'checkOrder' }])
    expect(go(asked.state, { type: 'JUMP_ANSWER', claimed: false }).effects).toEqual([])
    const notPaid = go(asked.state, { type: 'JUMP_CHECKED', paid: false })
    expect(notPaid.state.view).toEqual({ kind: 'choosing', problem: { kind: 'jump-not-paid' } })
    expect(notPaid.state.resume.jump).toBeNull()
    expect(notPaid.effects).toContainEqual({ kind: 'loadList', round: 1 })
    const problem = go(
      back,
      { type: 'JUMP_ANSWER', claimed: false },
      { type: 'JUMP_CHECKED', paid: false },
    )
    expect(problem.state.view).toEqual({ kind: 'choosing', problem: { kind: 'jump-cancelled' } })
    const paid = go(
      back,
      { type: 'JUMP_ANSWER', claimed: false },
      { type: 'JUMP_CHECKED', paid: true },
    )
    expect(paid.effects.at(-1)).toEqual({ kind: 'finish' })
  })

  it('while the question waits, paid (live, or the cashier’s ORDERPAID) does not skip it', () => {
    const back = go(jumping().state, { type: 'JUMP_OPEN' }).state
    expect(go(back, { type: 'LIVE', view: live('PAID') }).state.view.kind).toBe('jump')
    const reloaded = fold(step, initialCashier(ORDER_ID, back.resume), {
      type: 'LIST_FAILED',
      round: 0,
      error: failure('ORDERPAID'),
    })
    expect(reloaded.state.view.kind).toBe('choosing')
    expect(reloaded.effects).not.toContainEqual({ kind: 'finish' })
  })
})

describe('云闪付: its own app', () => {
  const jumped = () =>
    go(confirmed('unionpay', 'beta').state, {
      type: 'CREATED',
      purpose: 'open',
      payment: payment({ method: 'unionpay', payToken: 'up-tok' }),
    })

  it('the jump lasts at least a moment: the sheet shows once it is there and the time is up', () => {
    const { state, effects, timers } = jumped()
    expect(effects.at(-1)).toEqual({ kind: 'openSheet', token: 'up-tok' })
    expect(timers).toEqual([
      { key: 'unionpay', ms: TIMING.unionpayJump, event: { type: 'UP_WAITED' } },
    ])
    const early = go(state, { type: 'UP_OPENED', sheet: paySheet({ method: 'unionpay' }) })
    expect(early.state.view).toMatchObject({ unionpay: { phase: 'jumping' } })
    expect(go(early.state, { type: 'UP_WAITED' }).state.view).toMatchObject({
      unionpay: { phase: 'sheet' },
    })
    const late = go(state, { type: 'UP_WAITED' }, { type: 'UP_OPENED', sheet: paySheet() })
    expect(late.state.view).toMatchObject({ unionpay: { phase: 'sheet' } })
  })

  it('paid already, it goes straight back; a sheet that cannot open goes back with why', () => {
    const paid = go(jumped().state, { type: 'UP_OPENED', sheet: paySheet({ status: 'SUCCESS' }) })
    expect(paid.effects.slice(-2)).toEqual([
      { kind: 'save', resume: EMPTY_RESUME },
      { kind: 'finish' },
    ])
    const lost = go(jumped().state, { type: 'UP_OPEN_FAILED', error: failure('NETWORK_ERROR') })
    expect(lost.state.view).toEqual({
      kind: 'choosing',
      problem: { kind: 'failure', failure: failure('NETWORK_ERROR') },
    })
    expect(lost.cancel).toEqual(['unionpay'])
  })

  it('its password: refused, cleared; right, 支付成功; 完成 returns to Taobao after a moment', () => {
    const sheet = go(
      jumped().state,
      { type: 'UP_WAITED' },
      { type: 'UP_OPENED', sheet: paySheet() },
    ).state
    const pin = go(sheet, { type: 'UP_PAY' }).state
    expect(pin.view).toMatchObject({ unionpay: { phase: 'pin', tries: 0 } })
    expect(go(pin, { type: 'UP_PIN_BACK' }).state.view).toMatchObject({
      unionpay: { phase: 'sheet' },
    })
    const typed = go(pin, { type: 'PASSWORD', password: '111111' })
    expect(typed.effects).toEqual([{ kind: 'confirmSheet', token: 'up-tok', password: '111111' }])
    expect(go(typed.state, { type: 'UP_CANCEL' }).state.view.kind).toBe('unionpay')
    const wrong = go(typed.state, {
      type: 'UP_CONFIRM_FAILED',
      error: failure('PASSWORD_ERROR', { triesLeft: 4 }),
    }).state
    expect(wrong.view).toMatchObject({ unionpay: { phase: 'pin', tries: 1, busy: false } })
    const done = go(wrong, { type: 'PASSWORD', password: '123456' }, { type: 'UP_CONFIRMED' })
    expect(done.state.view).toMatchObject({ unionpay: { phase: 'success' } })
    expect(go(done.state, { type: 'LIVE', view: live('PAID') }).state.view.kind).toBe('unionpay')
    const back = go(done.state, { type: 'UP_DONE' })
    expect(back.timers).toEqual([
      { key: 'unionpay', ms: TIMING.unionpayReturn, event: { type: 'UP_RETURNED' } },
    ])
    expect(go(back.state, { type: 'UP_RETURNED' }).effects.at(-1)).toEqual({ kind: 'finish' })
  })

  it('a card that cannot pay cannot start; cancelled, the cashier says so', () => {
    const poor = paySheet({
      sources: [{ id: 'unionpay-card', enabled: false, balanceFen: 0, card: null }],
    })
    const sheet = go(
      jumped().state,
      { type: 'UP_WAITED' },
      { type: 'UP_OPENED', sheet: poor },
    ).state
    expect(go(sheet, { type: 'UP_PAY' }).state).toBe(sheet)
    const cancelled = go(sheet, { type: 'UP_CANCEL' })
    expect(cancelled.state.view).toEqual({
      kind: 'choosing',
      problem: { kind: 'unionpay-cancelled' },
    })
  })
})

describe('微信扫码支付: the code', () => {
  const shown = () => {
    const creating = confirmed('wechat-scan', 'beta').state
    return go(creating, { type: 'CREATED', purpose: 'open', payment: scanPayment() })
  }

  it('waits for the step’s code as well as the payment, then draws the code at once', () => {
    const waiting = shown()
    expect(waiting.state.view.kind).toBe('creating')
    const drawn = go(waiting.state, { type: 'STEP_LOADED', step: 'scan', ok: true })
    expect(drawn.state.view).toMatchObject({ kind: 'scan', scan: { payment: { id: 'p1' } } })
    expect(drawn.effects).toEqual([])
  })

  it('a step whose code failed to load shows why, and loads again on retry', () => {
    const failed = go(shown().state, { type: 'STEP_LOADED', step: 'scan', ok: false }).state
    expect(failed.view.kind).toBe('scan')
    expect(failed.steps.scan).toBe('failed')
    expect(go(failed, { type: 'RETRY_STEP' }).effects).toEqual([{ kind: 'loadStep', step: 'scan' }])
  })

  const onScreen = () => go(shown().state, { type: 'STEP_LOADED', step: 'scan', ok: true }).state

  it('turns paid by itself from the stream, says so for a moment, then the result page', () => {
    const state = onScreen()
    expect(state.view.kind === 'scan' && scanStatus(state, state.view.scan)).toBe('NOTPAY')
    const paying = go(state, {
      type: 'LIVE',
      view: live('PENDING_PAYMENT', { payments: { p1: 'USERPAYING' } }),
    })
    expect(paying.timers).toEqual([])
    const paid = go(paying.state, { type: 'LIVE', view: live('PAID', { paymentId: 'p1' }) })
    const view = paid.state.view
    expect(view.kind === 'scan' && scanStatus(paid.state, view.scan)).toBe('SUCCESS')
    expect(paid.timers).toEqual([
      { key: 'scan', ms: TIMING.scanPaid, event: { type: 'SCAN_DONE' } },
    ])
    // Settling once: a later event sets no second timer.
    expect(
      go(paid.state, { type: 'LIVE', view: live('PAID', { paymentId: 'p1' }) }).timers,
    ).toEqual([])
    expect(go(paid.state, { type: 'SCAN_DONE' }).effects.slice(-2)).toEqual([
      { kind: 'save', resume: EMPTY_RESUME },
      { kind: 'finish' },
    ])
  })

  it('paid another way (a friend) while up: the code closes a little later', () => {
    const other = go(onScreen(), { type: 'LIVE', view: live('PAID', { paymentId: 'p9' }) })
    expect(other.timers).toEqual([
      { key: 'scan', ms: TIMING.scanGrace, event: { type: 'SCAN_DONE' } },
    ])
  })

  it('its own countdown runs out: expired on screen, and the gateway is asked', () => {
    const expiresAt = '2024-09-10T12:00:00.000Z'
    const expired = go(onScreen(), { type: 'CODE_EXPIRED', expiresAt })
    expect(expired.effects).toEqual([{ kind: 'fetchPayment', paymentId: 'p1' }])
    const view = expired.state.view
    expect(
      view.kind === 'scan' && scanExpired(scanStatus(expired.state, view.scan), view.scan),
    ).toBe(true)
  })

  it('a new code is a new payment with a new key; the old one’s late answer is dropped', () => {
    const refreshing = go(onScreen(), { type: 'REFRESH_CODE', key: 'k2' })
    expect(refreshing.state.resume.attempt).toMatchObject({ key: 'k2', paymentId: null })
    expect(refreshing.effects.at(-1)).toEqual({
      kind: 'create',
      purpose: 'code',
      body: { orderId: ORDER_ID, method: 'wechat-scan' },
      key: 'k2',
    })
    expect(go(refreshing.state, { type: 'REFRESH_CODE', key: 'k3' }).effects).toEqual([])
    const fresh = go(refreshing.state, {
      type: 'CREATED',
      purpose: 'code',
      payment: scanPayment('p2'),
    })
    expect(fresh.state.view).toMatchObject({ scan: { payment: { id: 'p2' }, refreshing: false } })
    expect(fresh.state.resume.attempt).toMatchObject({ paymentId: 'p2', payToken: 'pr-p2' })
    const stale = go(fresh.state, { type: 'PAYMENT_FETCHED', payment: scanPayment('p1') })
    expect(stale.state).toBe(fresh.state)
    const failed = go(refreshing.state, {
      type: 'CREATE_FAILED',
      purpose: 'code',
      error: failure('SYSTEMERROR'),
    })
    expect(failed.state.view).toMatchObject({
      scan: { error: { code: 'SYSTEMERROR' }, refreshing: false },
    })
  })

  it('saves the code into the album, once at a time', () => {
    const saving = go(onScreen(), { type: 'SAVE_CODE' })
    expect(saving.effects).toEqual([{ kind: 'saveCode', payment: scanPayment() }])
    expect(go(saving.state, { type: 'SAVE_CODE' }).effects).toEqual([])
    expect(go(saving.state, { type: 'CODE_SAVED', ok: false }).state.view).toMatchObject({
      scan: { saving: 'failed' },
    })
  })
})
