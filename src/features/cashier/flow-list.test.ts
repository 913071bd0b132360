import { describe, expect, it } from 'vitest'
import { cashier, failure, fold, live, method } from '../../../test/support/flows.ts'
import { go, listed, open as start } from '../../../test/support/cashier-flow.ts'
import { selectedMethod, selectedPlan } from './flow-select.ts'
import { step } from './flow.ts'
import { EMPTY_RESUME } from './resume.ts'

const KEY = 'k'.repeat(32)

describe('the list', () => {
  it('opens on the methods and asks the gateway for them', () => {
    const { state, effects } = fold(step, start())
    expect(state.view).toEqual({ kind: 'choosing', problem: null })
    expect(state.list.loading).toBe(true)
    expect(effects).toEqual([{ kind: 'loadList', round: 0 }])
  })

  it('shows the answer of the current load only, and readies the scan code’s code when offered', () => {
    const { state, effects } = fold(
      step,
      start(),
      { type: 'LIST_LOADED', round: 7, cashier: cashier('launch') },
      { type: 'LIST_LOADED', round: 0, cashier: cashier('beta') },
    )
    expect(state.list).toMatchObject({ loading: false, error: null, round: 0 })
    expect(state.list.cashier?.methods.map((m) => m.id)).toContain('wechat-scan')
    expect(effects).toContainEqual({ kind: 'loadStep', step: 'scan' })
    expect(state.steps.scan).toBe('loading')
    const launch = go(listed('launch'))
    expect(launch.state.steps.scan).toBe('idle')
  })

  it('keeps the list on screen while it is asked again (retry, countdown, back from a step)', () => {
    const { state, effects } = go(listed(), { type: 'RELOAD' })
    expect(state.list).toMatchObject({ loading: true, round: 1 })
    expect(state.list.cashier).not.toBeNull()
    expect(effects).toEqual([{ kind: 'loadList', round: 1 }])
    const failed = go(state, { type: 'LIST_FAILED', round: 1, error: failure('SYSTEMERROR') })
    expect(failed.state.list.cashier).not.toBeNull()
    expect(failed.state.list.error?.code).toBe('SYSTEMERROR')
  })

  it('chooses an enabled method (a disabled one stays unchosen) and a Huabei plan', () => {
    const off = cashier('beta', { methods: [method('alipay-balance', { enabled: false })] })
    const disabled = fold(step, start(), { type: 'LIST_LOADED', round: 0, cashier: off })
    expect(go(disabled.state, { type: 'PICK', method: 'alipay-balance' }).state.picked).toBeNull()
    const { state } = go(listed(), { type: 'PICK', method: 'huabei' }, { type: 'PLAN', periods: 6 })
    expect(selectedMethod(state)).toBe('huabei')
    expect(selectedPlan(state)).toBe(6)
  })

  it('tells an old app to update on a tap of 微信支付, and nothing for other reasons', () => {
    const old = method('wechat', { enabled: false, reason: 'UPDATE_APP' })
    const shown = go(listed('launch'), { type: 'DISABLED_TAP', method: old })
    expect(shown.state.updateNotice).toBe(true)
    expect(go(shown.state, { type: 'DISMISS_NOTICE' }).state.updateNotice).toBe(false)
    const poor = method('alipay-balance', { enabled: false, reason: 'NOTENOUGH' })
    expect(go(listed(), { type: 'DISABLED_TAP', method: poor }).state.updateNotice).toBe(false)
  })

  it('after a reload, chooses the open attempt’s method again while it can still pay', () => {
    const attempt = {
      method: 'huabei' as const,
      huabeiPeriods: 3 as const,
      key: KEY,
      paymentId: 'p1',
      payToken: null,
    }
    const resumed = fold(step, start({ ...EMPTY_RESUME, attempt }), {
      type: 'LIST_LOADED',
      round: 0,
      cashier: cashier(),
    }).state
    expect(selectedMethod(resumed)).toBe('huabei')
    expect(selectedPlan(resumed)).toBe(3)
    const locked = cashier('beta', {
      methods: [method('huabei', { enabled: false, reason: 'LOCKED' })],
    })
    const gone = fold(step, start({ ...EMPTY_RESUME, attempt }), {
      type: 'LIST_LOADED',
      round: 0,
      cashier: locked,
    }).state
    expect(selectedMethod(gone)).toBeNull()
  })
})

describe('closing', () => {
  it('leaves at once while nothing is shown, else asks to stay first', () => {
    expect(fold(step, start(), { type: 'CLOSE' }).effects).toContainEqual({ kind: 'leave' })
    const asked = go(listed(), { type: 'CLOSE' })
    expect(asked.state.retaining).toBe(true)
    expect(asked.effects).toEqual([])
    expect(go(asked.state, { type: 'STAY' }).state.retaining).toBe(false)
    const left = go(asked.state, { type: 'LEAVE' })
    expect(left.effects).toEqual([{ kind: 'leave' }])
    expect(left.state.retaining).toBe(false)
  })

  it('a closed order leaves without asking', () => {
    const closed = go(listed(), { type: 'LIVE', view: live('CLOSED') }).state
    expect(closed.view.kind).toBe('closed')
    expect(go(closed, { type: 'CLOSE' }).effects).toEqual([{ kind: 'leave' }])
    expect(go(closed, { type: 'CONFIRM', key: KEY }).effects).toEqual([])
  })
})
