import { describe, expect, it } from 'vitest'
import { go, listed, open } from '../../../test/support/cashier-flow.ts'
import { cashier, failure, fold, method, payment } from '../../../test/support/flows.ts'
import { step } from './flow.ts'
import type { CashierState } from './flow-state.ts'
import { selectedMethod } from './flow-select.ts'

const UNTIL = '2024-09-10T13:00:00.000Z'
const lock = failure('ACCOUNT_LOCKED', { lockedUntil: UNTIL })

/** 账户余额 chosen, the pad up for payment p1. */
function pad(): CashierState {
  return go(
    listed(),
    { type: 'PICK', method: 'alipay-balance' },
    { type: 'CONFIRM', key: 'k1' },
    { type: 'CREATED', purpose: 'open', payment: payment() },
  ).state
}

/** Five wrong passwords: the fifth answer locks. */
function lockedPad() {
  return go(
    pad(),
    { type: 'PASSWORD', password: '000000' },
    { type: 'CONFIRM_FAILED', error: lock, key: 'n' },
  )
}

describe('the lock', () => {
  it('stops the pad, says until when, and marks the realm 已锁定 on the list at once', () => {
    const { state, effects } = lockedPad()
    expect(state.view).toMatchObject({ kind: 'locked', busy: false, problem: lock })
    // The list is asked again, and meanwhile shows the lock with its time.
    expect(effects).toContainEqual({ kind: 'loadList', round: 1 })
    const methods = state.list.cashier?.methods ?? []
    for (const id of ['alipay-balance', 'alipay-card', 'huabei'] as const) {
      expect(methods.find((m) => m.id === id)).toMatchObject({
        enabled: false,
        reason: 'LOCKED',
        lockedUntil: UNTIL,
      })
    }
    expect(methods.find((m) => m.id === 'unionpay')).toMatchObject({ enabled: true })
    // No digit reaches the gateway any more.
    expect(go(state, { type: 'PASSWORD', password: '123456' }).effects).toEqual([])
  })

  it('back on the list nothing locked is ticked, and 确认付款 opens nothing', () => {
    const back = go(lockedPad().state, { type: 'BACK' }).state
    expect(back.view.kind).toBe('choosing')
    expect(selectedMethod(back)).toBeNull()
    expect(go(back, { type: 'PICK', method: 'huabei' }).state.picked).toBeNull()
    expect(go(back, { type: 'CONFIRM', key: 'k2' }).effects).toEqual([])
    // The gateway's own list, locked too, keeps it so; another realm can be chosen.
    const locked = cashier('beta', {
      methods: [
        method('alipay-balance', { enabled: false, reason: 'LOCKED', lockedUntil: UNTIL }),
        method('unionpay'),
      ],
    })
    const relisted = go(back, { type: 'LIST_LOADED', round: 2, cashier: locked }).state
    expect(selectedMethod(relisted)).toBeNull()
    expect(selectedMethod(go(relisted, { type: 'PICK', method: 'unionpay' }).state)).toBe(
      'unionpay',
    )
  })
})

describe('忘记密码？', () => {
  it('asks, resets on confirmation, then the pad takes the password again', () => {
    const asked = go(lockedPad().state, { type: 'FORGOT_PASSWORD', realm: 'alipay' })
    expect(asked.state.reset).toEqual({ realm: 'alipay', busy: false, error: null })
    expect(asked.effects).toEqual([])
    const sent = go(asked.state, { type: 'RESET_CONFIRM' })
    expect(sent.effects).toEqual([{ kind: 'resetPassword', realm: 'alipay' }])
    expect(sent.state.reset?.busy).toBe(true)
    // A second tap while it is on the wire asks nothing more; nor does cancelling.
    expect(go(sent.state, { type: 'RESET_CONFIRM' }).effects).toEqual([])
    expect(go(sent.state, { type: 'RESET_CANCEL' }).state.reset?.busy).toBe(true)

    const done = go(sent.state, { type: 'RESET_DONE' })
    expect(done.state.reset).toBeNull()
    expect(done.state.view).toMatchObject({
      kind: 'password',
      busy: false,
      problem: null,
      unlocked: true,
    })
    expect(done.effects).toContainEqual({ kind: 'loadList', round: 2 })
    expect(go(done.state, { type: 'PASSWORD', password: '123456' }).effects).toEqual([
      { kind: 'confirm', paymentId: 'p1', password: '123456' },
    ])
  })

  it('a failed reset says why and can be tried again; cancelling leaves the lock as it was', () => {
    const asked = go(
      lockedPad().state,
      { type: 'FORGOT_PASSWORD', realm: 'alipay' },
      { type: 'RESET_CONFIRM' },
    )
    const err = failure('NETWORK_ERROR')
    const failed = go(asked.state, { type: 'RESET_FAILED', error: err }).state
    expect(failed.reset).toEqual({ realm: 'alipay', busy: false, error: err })
    expect(failed.view.kind).toBe('locked')
    expect(go(failed, { type: 'RESET_CONFIRM' }).effects).toEqual([
      { kind: 'resetPassword', realm: 'alipay' },
    ])
    const cancelled = go(failed, { type: 'RESET_CANCEL' }).state
    expect(cancelled.reset).toBeNull()
    expect(cancelled.view.kind).toBe('locked')
  })

  it('from the method list: reset, and the list is asked again', () => {
    const back = go(lockedPad().state, { type: 'BACK' }).state
    const done = go(
      back,
      { type: 'FORGOT_PASSWORD', realm: 'alipay' },
      { type: 'RESET_CONFIRM' },
      { type: 'RESET_DONE' },
    )
    expect(done.state.view.kind).toBe('choosing')
    expect(done.effects.at(-1)).toMatchObject({ kind: 'loadList' })
    // A stray answer with no question up changes nothing.
    expect(go(done.state, { type: 'RESET_DONE' }).effects).toEqual([])
  })
})

describe("another persona's order", () => {
  it('says whose it is, never closed; closing leaves at once', () => {
    const owner = { persona: 'shopper', nickname: '张伟' }
    const foreign = fold(step, open(), {
      type: 'LIST_FAILED',
      round: 0,
      error: failure('ORDER_OF_OTHER_PERSONA', { owner }),
    }).state
    expect(foreign.view).toEqual({ kind: 'foreign', owner })
    expect(go(foreign, { type: 'CLOSE' }).effects).toEqual([{ kind: 'leave' }])
    expect(go(foreign, { type: 'CONFIRM', key: 'k' }).effects).toEqual([])
    // Not found stays what it was.
    const gone = fold(step, open(), {
      type: 'LIST_FAILED',
      round: 0,
      error: failure('ORDER_NOT_EXIST'),
    }).state
    expect(gone.view.kind).toBe('closed')
  })
})
