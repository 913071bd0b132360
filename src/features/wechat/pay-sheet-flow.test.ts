import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { failure, fold, payment, paySheet } from '../../../test/support/flows.ts'
import { ErrorCodeSchema } from '@/contract/errors.ts'
import { runMachine } from '@/lib/machine.ts'
import {
  initialPaySheet,
  isPayable,
  paidByViewer,
  paySheetStep,
  sourceOf,
  type PaySheetEvent,
  type PaySheetState,
} from './pay-sheet-flow.ts'
import { performPaySheet, type PaySheetApi } from './pay-sheet-effects.ts'

const go = (state: PaySheetState, ...events: PaySheetEvent[]) =>
  fold(paySheetStep, { state }, ...events)
const loaded = (sheet = paySheet()) =>
  fold(paySheetStep, initialPaySheet('tok'), { type: 'LOADED', round: 0, value: sheet }).state
const pin = () => go(loaded(), { type: 'START' }).state

describe('WeChat’s pay sheet', () => {
  it('opens straight on the password after a jump, once, as real WeChat does; a scan shows 确认支付', () => {
    const jump = (sheet = paySheet()) =>
      fold(paySheetStep, initialPaySheet('tok', true), { type: 'LOADED', round: 0, value: sheet })
        .state
    expect(loaded().pay.step).toBe('sheet')
    const jumped = jump()
    expect(jumped.pay).toEqual({ step: 'pin', tries: 0, busy: false })
    // Closed: the sheet under it, and a reload of the sheet does not put the password up again.
    const closed = go(jumped, { type: 'CANCEL_PIN' }).state
    expect(closed.pay.step).toBe('sheet')
    const reloaded = go(closed, { type: 'RELOAD' }, { type: 'LOADED', round: 1, value: paySheet() })
    expect(reloaded.state.pay.step).toBe('sheet')
    // Nothing to type a password for: paid already, or no source that can pay.
    expect(jump(paySheet({ status: 'SUCCESS' })).pay.step).toBe('sheet')
    const short = paySheet()
    const poor = { ...short, sources: short.sources.map((s) => ({ ...s, enabled: false })) }
    expect(jump(poor).pay.step).toBe('sheet')
  })

  it('loads the sheet, and tells the gateway once that it is on screen', () => {
    const { state, effects } = fold(paySheetStep, initialPaySheet('tok'), {
      type: 'LOADED',
      round: 0,
      value: paySheet(),
    })
    expect(effects).toEqual([
      { kind: 'load', round: 0 },
      { kind: 'open', token: 'tok' },
    ])
    const again = go(state, { type: 'RELOAD' }, { type: 'LOADED', round: 1, value: paySheet() })
    expect(again.effects).toEqual([{ kind: 'load', round: 1 }])
    // A late answer of an older load is dropped.
    expect(
      go(again.state, { type: 'LOADED', round: 0, value: paySheet({ amountFen: 1 }) }).state,
    ).toBe(again.state)
    const used = go(state, { type: 'LOADED', round: 0, value: paySheet({ status: 'USERPAYING' }) })
    expect(used.effects).toEqual([])
  })

  it('says when it can no longer be paid', () => {
    expect(isPayable(paySheet())).toBe(true)
    for (const status of ['SUCCESS', 'CLOSED', 'REFUND', 'PAYERROR'] as const)
      expect(isPayable(paySheet({ status }))).toBe(false)
  })

  it('pays with the first source that can, or the one picked in 选择付款方式', () => {
    const poor = paySheet({
      sources: [
        { id: 'wechat-balance', enabled: false, balanceFen: 0, card: null },
        { id: 'wechat-card', enabled: true, balanceFen: 999999, card: { bank: 'B', last4: '1' } },
      ],
    })
    const state = loaded(poor)
    expect(sourceOf(state)?.id).toBe('wechat-card')
    const choosing = go(state, { type: 'CHOOSE' }).state
    expect(choosing.choosing).toBe(true)
    expect(go(choosing, { type: 'PICK', source: 'wechat-balance' }).state.picked).toBeNull()
    const card = go(loaded(), { type: 'CHOOSE' }, { type: 'PICK', source: 'wechat-card' }).state
    expect(card).toMatchObject({ picked: 'wechat-card', choosing: false })
    expect(go(card, { type: 'CHOOSE' }, { type: 'CLOSE_PICKER' }).state.choosing).toBe(false)
    const noSource = loaded(
      paySheet({ sources: [{ id: 'wechat-balance', enabled: false, balanceFen: 0, card: null }] }),
    )
    expect(go(noSource, { type: 'START' }).state.pay).toEqual({ step: 'sheet' })
  })

  it('confirms with the password and the source, then 支付成功', () => {
    const typed = go(pin(), { type: 'PASSWORD', password: '123456' })
    expect(typed.effects).toEqual([
      { kind: 'confirm', token: 'tok', password: '123456', source: 'wechat-balance' },
    ])
    expect(go(typed.state, { type: 'PASSWORD', password: '123456' }).effects).toEqual([])
    expect(go(typed.state, { type: 'CANCEL_PIN' }).state.pay.step).toBe('pin')
    const paid = go(typed.state, { type: 'PAID', payment: payment({ status: 'SUCCESS' }) })
    expect(paid.state.pay).toMatchObject({ step: 'success' })
    expect(go(paid.state, { type: 'CHOOSE' }).state.choosing).toBe(false)
    expect(go(paid.state, { type: 'LEAVE' }).effects).toEqual([{ kind: 'leave' }])
  })

  it.each([...ErrorCodeSchema.options, 'NETWORK_ERROR', 'CLIENT'])(
    'a refusal (%s) says why; a wrong password opens the pad again, cleared, a lock keeps it, anything else reloads',
    (code) => {
      const typed = go(pin(), { type: 'PASSWORD', password: '111111' }).state
      const { state, effects } = go(typed, { type: 'REFUSED', error: failure(code) })
      if (code === 'ACCOUNT_LOCKED') {
        // Said on the pad itself (until when), not in a dialog over it.
        expect(state.lock?.code).toBe(code)
        expect(state.problem).toBeNull()
        expect(state.pay).toEqual({ step: 'pin', tries: 1, busy: false })
        expect(effects).toEqual([])
        return
      }
      expect(state.problem?.code).toBe(code)
      expect(state.lock).toBeNull()
      if (code === 'PASSWORD_ERROR') {
        expect(state.pay).toEqual({ step: 'pin', tries: 1, busy: false })
        expect(effects).toEqual([])
      } else {
        expect(state.pay).toEqual({ step: 'sheet' })
        expect(effects).toEqual([{ kind: 'load', round: 1 }])
      }
      expect(go(state, { type: 'DISMISS' }).state.problem).toBeNull()
    },
  )
})

const UNTIL = '2024-09-10T15:00:00.000Z'
const lock = failure('ACCOUNT_LOCKED', { lockedUntil: UNTIL })

/** Four wrong passwords, each dismissed, then the fifth: the gateway locks WeChat Pay's password. */
function lockedPad(): PaySheetState {
  let state = pin()
  for (let left = 4; left >= 1; left--) {
    state = go(
      state,
      { type: 'PASSWORD', password: '000000' },
      { type: 'REFUSED', error: failure('PASSWORD_ERROR', { triesLeft: left }) },
      { type: 'DISMISS' },
    ).state
  }
  return go(state, { type: 'PASSWORD', password: '000000' }, { type: 'REFUSED', error: lock }).state
}

describe('the lock', () => {
  it('the fifth wrong password keeps the pad, locked, saying until when; it takes no password', () => {
    const state = lockedPad()
    expect(state.pay).toEqual({ step: 'pin', tries: 5, busy: false })
    expect(state.lock).toEqual(lock)
    expect(state.problem).toBeNull()
    expect(go(state, { type: 'PASSWORD', password: '123456' }).effects).toEqual([])
  })

  it('closed and opened again, the pad is still locked', () => {
    const again = go(lockedPad(), { type: 'CANCEL_PIN' }, { type: 'START' }).state
    expect(again.pay).toEqual({ step: 'pin', tries: 0, busy: false })
    expect(again.lock).toEqual(lock)
    expect(go(again, { type: 'PASSWORD', password: '123456' }).effects).toEqual([])
  })

  it('a reload of the sheet keeps it', () => {
    const reloaded = go(
      lockedPad(),
      { type: 'RELOAD' },
      { type: 'LOADED', round: 1, value: paySheet({ status: 'USERPAYING' }) },
    ).state
    expect(reloaded.lock).toEqual(lock)
  })
})

describe('忘记密码？', () => {
  it('from a locked pad: asks, resets on confirmation, and the pad takes the password again', () => {
    const asked = go(lockedPad(), { type: 'FORGOT_PASSWORD' })
    expect(asked.state.reset).toEqual({ busy: false, error: null })
    expect(asked.effects).toEqual([])
    // While the question is up, the pad takes nothing and does not close.
    expect(go(asked.state, { type: 'PASSWORD', password: '123456' }).effects).toEqual([])
    expect(go(asked.state, { type: 'CANCEL_PIN' }).state.pay.step).toBe('pin')

    const sent = go(asked.state, { type: 'RESET_CONFIRM' })
    expect(sent.effects).toEqual([{ kind: 'resetPassword', realm: 'wechat' }])
    expect(sent.state.reset).toEqual({ busy: true, error: null })
    // A second tap while it is on the wire asks nothing more; nor can it be cancelled then.
    expect(go(sent.state, { type: 'RESET_CONFIRM' }).effects).toEqual([])
    expect(go(sent.state, { type: 'RESET_CANCEL' }).state.reset?.busy).toBe(true)

    const done = go(sent.state, { type: 'RESET_DONE' }).state
    expect(done.reset).toBeNull()
    expect(done.lock).toBeNull()
    // The tries are cleared, the pad remounts (a new key) and says it was reset.
    expect(done.pay).toEqual({ step: 'pin', tries: 0, busy: false, unlocked: true })
    expect(go(done, { type: 'PASSWORD', password: '123456' }).effects).toEqual([
      { kind: 'confirm', token: 'tok', password: '123456', source: 'wechat-balance' },
    ])
  })

  it('a failed reset says why and keeps the question, which can be confirmed again', () => {
    const sent = go(lockedPad(), { type: 'FORGOT_PASSWORD' }, { type: 'RESET_CONFIRM' }).state
    const err = failure('NETWORK_ERROR')
    const failed = go(sent, { type: 'RESET_FAILED', error: err }).state
    expect(failed.reset).toEqual({ busy: false, error: err })
    expect(failed.lock).toEqual(lock)
    expect(failed.pay).toEqual({ step: 'pin', tries: 5, busy: false })
    expect(go(failed, { type: 'RESET_CONFIRM' })).toMatchObject({
      state: { reset: { busy: true, error: null } },
      effects: [{ kind: 'resetPassword', realm: 'wechat' }],
    })
  })

  it('取消 leaves the lock as it was', () => {
    const locked = lockedPad()
    const cancelled = go(locked, { type: 'FORGOT_PASSWORD' }, { type: 'RESET_CANCEL' }).state
    expect(cancelled).toEqual(locked)
    expect(go(cancelled, { type: 'PASSWORD', password: '123456' }).effects).toEqual([])
    // Once the question is gone, a late answer changes nothing.
    expect(go(cancelled, { type: 'RESET_DONE' }).state).toBe(cancelled)
  })

  it('the wrong-password dialog’s 忘记密码 opens the same question, in place of the dialog', () => {
    const refused = go(
      pin(),
      { type: 'PASSWORD', password: '000000' },
      { type: 'REFUSED', error: failure('PASSWORD_ERROR', { triesLeft: 4 }) },
    ).state
    expect(refused.problem?.code).toBe('PASSWORD_ERROR')
    const asked = go(refused, { type: 'FORGOT_PASSWORD' }).state
    expect(asked.problem).toBeNull()
    expect(asked.reset).toEqual({ busy: false, error: null })
    const done = go(asked, { type: 'RESET_CONFIRM' }, { type: 'RESET_DONE' }).state
    expect(done.pay).toEqual({ step: 'pin', tries: 0, busy: false, unlocked: true })
  })

  it('is nowhere but on the pad, and not while a password is being checked', () => {
    expect(go(loaded(), { type: 'FORGOT_PASSWORD' }).state.reset).toBeNull()
    const busy = go(pin(), { type: 'PASSWORD', password: '123456' }).state
    expect(go(busy, { type: 'FORGOT_PASSWORD' }).state.reset).toBeNull()
  })
})

describe('a paid sheet seen again', () => {
  it('is a success for the one who paid it on that page (a reload of 支付成功), else "already paid"', () => {
    const paid = paySheet({ status: 'SUCCESS', payer: 'shopper' })
    expect(paidByViewer(paid, 'shopper', true)).toBe(true)
    expect(paidByViewer(paid, 'shopper', false)).toBe(false)
    expect(paidByViewer(paid, 'friend', true)).toBe(false)
    expect(paidByViewer(paySheet({ status: 'NOTPAY', payer: null }), 'shopper', true)).toBe(false)
  })
})

describe('its effects', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('call the gateway and answer; an open that fails is nothing to show', async () => {
    const api: PaySheetApi = {
      fetchPaySheet: vi.fn(async () => paySheet()),
      openPaySheet: vi.fn(async () => Promise.reject(failure('SYSTEMERROR'))),
      confirmSheetWith: vi.fn(async () => payment({ status: 'SUCCESS' })),
      resetPassword: vi.fn(async () => ({
        realm: 'wechat' as const,
        locked: false,
        lockedUntil: null,
        triesLeft: 5,
      })),
    }
    const leave = vi.fn()
    const machine = runMachine({
      initial: initialPaySheet('tok'),
      step: paySheetStep,
      perform: performPaySheet('tok', api, leave),
    })
    machine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(api.openPaySheet).toHaveBeenCalledWith('tok')
    machine.send({ type: 'START' })
    machine.send({ type: 'PASSWORD', password: '123456' })
    await vi.advanceTimersByTimeAsync(0)
    expect(api.confirmSheetWith).toHaveBeenCalledWith('tok', '123456', 'wechat-balance')
    expect(machine.getState().pay.step).toBe('success')
    machine.send({ type: 'LEAVE' })
    expect(leave).toHaveBeenCalledTimes(1)
  })

  it('reset WeChat Pay’s password and answer; a failure is answered too', async () => {
    const status = { realm: 'wechat' as const, locked: false, lockedUntil: null, triesLeft: 5 }
    const api: PaySheetApi = {
      fetchPaySheet: vi.fn(async () => paySheet()),
      openPaySheet: vi.fn(async () => paySheet()),
      confirmSheetWith: vi.fn(async () => Promise.reject(lock)),
      resetPassword: vi
        .fn<PaySheetApi['resetPassword']>()
        .mockRejectedValueOnce(failure('SYSTEMERROR'))
        .mockResolvedValue(status),
    }
    const machine = runMachine({
      initial: initialPaySheet('tok'),
      step: paySheetStep,
      perform: performPaySheet('tok', api, vi.fn()),
    })
    machine.start()
    await vi.advanceTimersByTimeAsync(0)
    machine.send({ type: 'START' })
    machine.send({ type: 'PASSWORD', password: '000000' })
    await vi.advanceTimersByTimeAsync(0)
    expect(machine.getState().lock).toEqual(lock)
    machine.send({ type: 'FORGOT_PASSWORD' })
    machine.send({ type: 'RESET_CONFIRM' })
    await vi.advanceTimersByTimeAsync(0)
    expect(api.resetPassword).toHaveBeenCalledWith('wechat')
    expect(machine.getState().reset?.error?.code).toBe('SYSTEMERROR')
    expect(machine.getState().lock).toEqual(lock)
    machine.send({ type: 'RESET_CONFIRM' })
    await vi.advanceTimersByTimeAsync(0)
    expect(api.resetPassword).toHaveBeenCalledTimes(2)
    expect(machine.getState()).toMatchObject({ lock: null, reset: null })
  })
})
