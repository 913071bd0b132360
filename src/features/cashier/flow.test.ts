import { describe, expect, it } from 'vitest'
import { go, listed } from '../../../test/support/cashier-flow.ts'
import { failure, live, ORDER_ID, payment } from '../../../test/support/flows.ts'
import type { PaymentMethodId } from '@/contract/payment.ts'
import { isBusy } from './flow-select.ts'
import { EMPTY_RESUME } from './resume.ts'

const picked = (id: PaymentMethodId) => go(listed(), { type: 'PICK', method: id }).state
const KEY = 'k'.repeat(32)

describe('confirming and the password', () => {
  const confirmed = (id: PaymentMethodId = 'alipay-balance') =>
    go(picked(id), { type: 'CONFIRM', key: KEY })

  it('does nothing with no method chosen', () => {
    expect(go(listed(), { type: 'CONFIRM', key: KEY }).effects).toEqual([])
  })

  it('opens the attempt once (remembered first, with its key), then shows the pad', () => {
    const { state, effects } = confirmed()
    expect(state.view.kind).toBe('creating')
    expect(isBusy(state)).toBe(true)
    const attempt = {
      method: 'alipay-balance',
      huabeiPeriods: null,
      key: KEY,
      paymentId: null,
      payToken: null,
    }
    expect(effects).toEqual([
      { kind: 'save', resume: { ...EMPTY_RESUME, attempt } },
      {
        kind: 'create',
        purpose: 'open',
        body: { orderId: ORDER_ID, method: 'alipay-balance' },
        key: KEY,
      },
    ])
    expect(go(state, { type: 'CONFIRM', key: 'other' }).effects).toEqual([])
    const shown = go(state, { type: 'CREATED', purpose: 'open', payment: payment() })
    expect(shown.state.view).toEqual({ kind: 'password', tries: 0, busy: false, problem: null })
    expect(shown.state.resume.attempt).toMatchObject({ key: KEY, paymentId: 'p1' })
    expect(shown.effects[0]).toMatchObject({ kind: 'save' })
  })

  it('sends the Huabei plan with the create, and a new plan is a new attempt', () => {
    const six = go(picked('huabei'), { type: 'PLAN', periods: 6 }, { type: 'CONFIRM', key: KEY })
    expect(six.effects).toContainEqual(
      expect.objectContaining({ body: { orderId: ORDER_ID, method: 'huabei', huabeiPeriods: 6 } }),
    )
  })

  it('reuses the open attempt: confirming again after going back creates nothing', () => {
    const pad = go(confirmed().state, {
      type: 'CREATED',
      purpose: 'open',
      payment: payment(),
    }).state
    const again = go(pad, { type: 'BACK' }, { type: 'CONFIRM', key: 'fresh' })
    expect(again.effects.filter((e) => e.kind === 'create')).toEqual([])
    expect(again.state.view.kind).toBe('password')
  })

  it('goes back to the list (asking for it again), but not while a password is checked', () => {
    const pad = go(confirmed().state, {
      type: 'CREATED',
      purpose: 'open',
      payment: payment(),
    }).state
    const back = go(pad, { type: 'BACK' })
    expect(back.state.view).toEqual({ kind: 'choosing', problem: null })
    expect(back.effects).toContainEqual({ kind: 'loadList', round: 1 })
    const busy = go(pad, { type: 'PASSWORD', password: '123456' })
    expect(busy.effects).toEqual([{ kind: 'confirm', paymentId: 'p1', password: '123456' }])
    expect(go(busy.state, { type: 'BACK' }).state.view.kind).toBe('password')
    expect(go(busy.state, { type: 'PASSWORD', password: '123456' }).effects).toEqual([])
  })

  it('a right password hands over to the result page and forgets the attempt', () => {
    const pad = go(confirmed().state, {
      type: 'CREATED',
      purpose: 'open',
      payment: payment(),
    }).state
    const paid = go(
      pad,
      { type: 'PASSWORD', password: '123456' },
      { type: 'CONFIRMED', payment: payment({ status: 'SUCCESS' }) },
    )
    expect(paid.state.view.kind).toBe('done')
    expect(paid.effects.slice(-2)).toEqual([
      { kind: 'save', resume: EMPTY_RESUME },
      { kind: 'finish' },
    ])
    // Done is done: nothing moves it any more.
    expect(go(paid.state, { type: 'LIVE', view: live('CLOSED') }).state).toBe(paid.state)
  })

  it('an answer still in progress hands over too, keeping the attempt for the result page', () => {
    const pad = go(confirmed().state, {
      type: 'CREATED',
      purpose: 'open',
      payment: payment(),
    }).state
    const answered = go(
      pad,
      { type: 'PASSWORD', password: '123456' },
      { type: 'CONFIRMED', payment: payment({ status: 'USERPAYING' }) },
    )
    expect(answered.effects.at(-1)).toEqual({ kind: 'finish' })
    expect(answered.state.resume.attempt?.paymentId).toBe('p1')
  })

  it('a wrong password says how many tries are left and clears the pad; the lock stops the pad', () => {
    const pad = go(confirmed().state, {
      type: 'CREATED',
      purpose: 'open',
      payment: payment(),
    }).state
    const wrong = go(
      pad,
      { type: 'PASSWORD', password: '000000' },
      { type: 'CONFIRM_FAILED', error: failure('PASSWORD_ERROR', { triesLeft: 4 }), key: 'n' },
    ).state
    expect(wrong.view).toMatchObject({ kind: 'password', tries: 1, busy: false })
    expect(wrong.view.kind === 'password' && wrong.view.problem?.triesLeft).toBe(4)
    const lock = failure('ACCOUNT_LOCKED', { lockedUntil: NOW_LOCK })
    const locked = go(
      wrong,
      { type: 'PASSWORD', password: '000000' },
      { type: 'CONFIRM_FAILED', error: lock, key: 'n' },
    ).state
    expect(locked.view).toMatchObject({ kind: 'locked', tries: 2, problem: lock })
    // Locked, the pad takes nothing more (flow-lock.test.ts: 忘记密码？ unlocks it).
    expect(go(locked, { type: 'PASSWORD', password: '123456' }).effects).toEqual([])
  })

  it('a closed attempt is replaced by a fresh one (a new key), so the next password goes through', () => {
    const pad = go(confirmed().state, {
      type: 'CREATED',
      purpose: 'open',
      payment: payment(),
    }).state
    const closedAttempt = go(
      pad,
      { type: 'PASSWORD', password: '123456' },
      { type: 'CONFIRM_FAILED', error: failure('PAYMENT_CLOSED'), key: 'fresh' },
    )
    expect(closedAttempt.state.view).toMatchObject({ kind: 'password', tries: 1 })
    expect(closedAttempt.state.resume.attempt).toMatchObject({ key: 'fresh', paymentId: null })
    expect(closedAttempt.effects.at(-1)).toEqual({
      kind: 'create',
      purpose: 'reopen',
      body: { orderId: ORDER_ID, method: 'alipay-balance' },
      key: 'fresh',
    })
    const reopened = go(closedAttempt.state, {
      type: 'CREATED',
      purpose: 'reopen',
      payment: payment({ id: 'p2' }),
    }).state
    expect(reopened.view.kind).toBe('password')
    expect(go(reopened, { type: 'PASSWORD', password: '123456' }).effects).toEqual([
      { kind: 'confirm', paymentId: 'p2', password: '123456' },
    ])
  })

  it('a failed create says why on the list; paid already goes to the result page', () => {
    const failed = go(confirmed().state, {
      type: 'CREATE_FAILED',
      purpose: 'open',
      error: failure('METHOD_UNAVAILABLE'),
    }).state
    expect(failed.view).toEqual({
      kind: 'choosing',
      problem: { kind: 'failure', failure: failure('METHOD_UNAVAILABLE') },
    })
    expect(go(failed, { type: 'PICK', method: 'alipay-card' }).state.view).toEqual({
      kind: 'choosing',
      problem: null,
    })
    const paid = go(confirmed().state, {
      type: 'CREATE_FAILED',
      purpose: 'open',
      error: failure('ORDERPAID'),
    })
    expect(paid.effects.slice(-2)).toEqual([
      { kind: 'save', resume: EMPTY_RESUME },
      { kind: 'finish' },
    ])
  })
})

const NOW_LOCK = '2024-09-10T13:00:00.000Z'
