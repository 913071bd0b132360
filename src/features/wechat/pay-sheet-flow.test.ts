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
    'a refusal (%s) says why; a wrong password opens the pad again, cleared, anything else reloads',
    (code) => {
      const typed = go(pin(), { type: 'PASSWORD', password: '111111' }).state
      const { state, effects } = go(typed, { type: 'REFUSED', error: failure(code) })
      expect(state.problem?.code).toBe(code)
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
})
