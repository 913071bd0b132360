import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { failure, fold, friendView, payment } from '../../../test/support/flows.ts'
import { ErrorCodeSchema } from '@/contract/errors.ts'
import { runMachine } from '@/lib/machine.ts'
import {
  friendPayStep,
  initialFriendPay,
  pageStatus,
  SOURCES,
  type FriendPayEvent,
  type FriendPayState,
} from './flow.ts'
import { performFriendPay, type FriendPayApi } from './flow-effects.ts'

const go = (state: FriendPayState, ...events: FriendPayEvent[]) =>
  fold(friendPayStep, { state }, ...events)
const opened = (wallet: 'wechat' | 'alipay' = 'wechat', view = friendView()) =>
  fold(friendPayStep, initialFriendPay('T0K3N', wallet), { type: 'LOADED', round: 0, value: view })
    .state
const typed = () =>
  go(opened(), { type: 'OPEN_PAD' }, { type: 'PASSWORD', password: '111111' }).state

describe('the friend’s page', () => {
  it('closes its password sheet without paying, but not while a password is checked', () => {
    const open = go(opened(), { type: 'OPEN_PAD' }).state
    expect(open.padOpen).toBe(true)
    const closed = go(open, { type: 'CLOSE_PAD' })
    expect(closed.state.padOpen).toBe(false)
    expect(closed.effects).toEqual([])
    // Opened again, it is a fresh pad (a new key: no digits left in it).
    expect(go(closed.state, { type: 'OPEN_PAD' }).state.tries).toBeGreaterThan(open.tries)
    const checking = typed()
    expect(checking.busy).toBe(true)
    expect(go(checking, { type: 'CLOSE_PAD' }).state.padOpen).toBe(true)
  })

  it('asks for the request; a bad token is NOT_FOUND, anything else a retry', () => {
    const start = initialFriendPay('T0K3N', 'alipay')
    expect(start.effects).toEqual([{ kind: 'load', round: 0 }])
    expect(pageStatus(start.state)).toBeNull()
    const missing = go(start.state, { type: 'LOAD_FAILED', round: 0, error: failure('NOT_FOUND') })
    expect(pageStatus(missing.state)).toBe('NOT_FOUND')
    const down = go(start.state, { type: 'LOAD_FAILED', round: 0, error: failure('NETWORK_ERROR') })
    expect(pageStatus(down.state)).toBeNull()
    expect(go(down.state, { type: 'RELOAD' }).effects).toEqual([{ kind: 'load', round: 1 }])
    expect(go(down.state, { type: 'LOADED', round: 5, value: friendView() }).state.view).toBeNull()
  })

  it('pays with the wallet the page can reach: WeChat Pay in WeChat, Alipay elsewhere', () => {
    expect(opened('wechat').source).toBe(SOURCES.wechat[0])
    expect(opened('alipay').source).toBe('alipay-balance')
    const card = go(opened('alipay'), { type: 'PICK', source: 'alipay-card' }).state
    expect(card.source).toBe('alipay-card')
    const padOpen = go(card, { type: 'OPEN_PAD' }).state
    expect(go(padOpen, { type: 'PICK', source: 'alipay-balance' }).state.source).toBe('alipay-card')
    expect(go(padOpen, { type: 'PASSWORD', password: '123456' }).effects).toEqual([
      { kind: 'pay', token: 'T0K3N', body: { password: '123456', source: 'alipay-card' } },
    ])
  })

  it('an ended request has no pad; paid here, the page says so after asking again', () => {
    const ended = opened('wechat', friendView({ status: 'CANCELLED', endReason: 'ORDERPAID' }))
    expect(go(ended, { type: 'OPEN_PAD' }).state.padOpen).toBe(false)
    const busy = typed()
    expect(busy.busy).toBe(true)
    expect(go(busy, { type: 'PASSWORD', password: '123456' }).effects).toEqual([])
    const paid = go(busy, { type: 'PAID' })
    expect(paid.state).toMatchObject({ paidHere: true, busy: false })
    expect(paid.effects).toEqual([{ kind: 'load', round: 1 }])
    const after = go(paid.state, {
      type: 'LOADED',
      round: 1,
      value: friendView({ status: 'PAID' }),
    })
    expect(pageStatus(after.state)).toBe('PAID')
    expect(after.state.padOpen).toBe(false)
  })

  it.each([...ErrorCodeSchema.options, 'NETWORK_ERROR', 'CLIENT'])(
    'a refusal (%s) says why: the pad again, or, once the link is over, the page asked again',
    (code) => {
      const { state, effects } = go(typed(), { type: 'REFUSED', error: failure(code) })
      expect(state).toMatchObject({ busy: false, tries: 1, problem: { code } })
      const over = ['ORDERPAID', 'ORDERCLOSED', 'LINK_EXPIRED', 'PAYMENT_CLOSED', 'NOT_FOUND']
      if (over.includes(code)) {
        expect(state.padOpen).toBe(false)
        expect(effects).toEqual([{ kind: 'load', round: 1 }])
      } else {
        expect(state.padOpen).toBe(true)
        expect(effects).toEqual([])
      }
    },
  )
})

describe('its effects', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('load the view and pay, and answer with what the gateway said', async () => {
    const api: FriendPayApi = {
      fetchFriendPayView: vi.fn(async () => friendView()),
      payFriendRequest: vi.fn(async () => payment({ status: 'SUCCESS' })),
    }
    const machine = runMachine({
      initial: initialFriendPay('T0K3N', 'wechat'),
      step: friendPayStep,
      perform: performFriendPay('T0K3N', api),
    })
    machine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(pageStatus(machine.getState())).toBe('OPEN')
    machine.send({ type: 'OPEN_PAD' })
    machine.send({ type: 'PASSWORD', password: '123456' })
    await vi.advanceTimersByTimeAsync(0)
    expect(api.payFriendRequest).toHaveBeenCalledWith('T0K3N', {
      password: '123456',
      source: 'wechat-balance',
    })
    expect(machine.getState().paidHere).toBe(true)
    expect(api.fetchFriendPayView).toHaveBeenCalledTimes(2)
  })
})
