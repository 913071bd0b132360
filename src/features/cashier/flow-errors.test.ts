import { describe, expect, it } from 'vitest'
import { failure, fold, live, payment, paySheet } from '../../../test/support/flows.ts'
import { confirmed, go, listed, open as start } from '../../../test/support/cashier-flow.ts'
import { ErrorCodeSchema } from '@/contract/errors.ts'
import { step } from './flow.ts'

/** Every code the contract can answer with, and the two the client meets by itself. */
const CODES = [...ErrorCodeSchema.options, 'NETWORK_ERROR', 'BAD_RESPONSE', 'CLIENT'] as const

const creating = () => confirmed('alipay-balance').state
const pad = () => go(creating(), { type: 'CREATED', purpose: 'open', payment: payment() }).state
const typed = () => go(pad(), { type: 'PASSWORD', password: '000000' }).state

describe.each(CODES)('the contract’s %s', (code) => {
  it('asking for the cashier: paid goes to the result page, closed and gone close it, else retry', () => {
    const { state, effects } = fold(step, start(), {
      type: 'LIST_FAILED',
      round: 0,
      error: failure(code),
    })
    if (code === 'ORDERPAID') expect(effects.at(-1)).toEqual({ kind: 'finish' })
    else if (code === 'ORDERCLOSED' || code === 'ORDER_NOT_EXIST')
      expect(state.view.kind).toBe('closed')
    else if (code === 'ORDER_OF_OTHER_PERSONA') expect(state.view.kind).toBe('foreign')
    else {
      expect(state.view.kind).toBe('choosing')
      expect(state.list.error?.code).toBe(code)
      expect(go(state, { type: 'RELOAD' }).effects).toEqual([{ kind: 'loadList', round: 1 }])
    }
  })

  it('opening the attempt: paid already is the result page, anything else says why on the list', () => {
    const { state, effects } = go(creating(), {
      type: 'CREATE_FAILED',
      purpose: 'open',
      error: failure(code),
    })
    if (code === 'ORDERPAID') {
      expect(state.view.kind).toBe('done')
      expect(effects.at(-1)).toEqual({ kind: 'finish' })
    } else {
      expect(state.view).toEqual({
        kind: 'choosing',
        problem: { kind: 'failure', failure: failure(code) },
      })
    }
  })

  it('confirming the password: each code lands where the gateway’s word says', () => {
    const { state, effects } = go(typed(), {
      type: 'CONFIRM_FAILED',
      error: failure(code),
      key: 'fresh',
    })
    switch (code) {
      // Paid already, or the answer got lost: the result page finds out which.
      case 'ORDERPAID':
      case 'NETWORK_ERROR':
        expect(state.view.kind).toBe('done')
        expect(effects).toEqual([{ kind: 'finish' }])
        // The attempt stays: the result page asks about its payment.
        expect(state.resume.attempt?.paymentId).toBe('p1')
        break
      case 'ACCOUNT_LOCKED':
        expect(state.view).toMatchObject({ kind: 'locked', tries: 1, busy: false })
        break
      case 'PAYMENT_CLOSED':
        expect(state.view).toMatchObject({ kind: 'password', tries: 1 })
        expect(effects.at(-1)).toMatchObject({ kind: 'create', purpose: 'reopen', key: 'fresh' })
        break
      default:
        // The same payment is confirmed again with the next password.
        expect(state.view).toMatchObject({ kind: 'password', tries: 1, busy: false })
        expect(state.view.kind === 'password' && state.view.problem?.code).toBe(code)
        expect(effects).toEqual([])
    }
  })

  it('in UnionPay’s sheet: paid or lost is back to Taobao, anything else clears its pad', () => {
    const up = go(
      listed(),
      { type: 'PICK', method: 'unionpay' },
      { type: 'CONFIRM', key: 'k1' },
      { type: 'CREATED', purpose: 'open', payment: payment({ payToken: 't' }) },
      { type: 'UP_WAITED' },
      { type: 'UP_OPENED', sheet: paySheet({ method: 'unionpay' }) },
      { type: 'UP_PAY' },
      { type: 'PASSWORD', password: '000000' },
    ).state
    const { state } = go(up, { type: 'UP_CONFIRM_FAILED', error: failure(code) })
    if (code === 'ORDERPAID' || code === 'NETWORK_ERROR') expect(state.view.kind).toBe('done')
    else
      expect(state.view).toMatchObject({ kind: 'unionpay', unionpay: { phase: 'pin', tries: 1 } })
  })
})

describe('the order’s own word, live', () => {
  it.each(['CLOSED', 'REFUNDED'] as const)('%s closes the cashier whatever is on it', (status) => {
    for (const state of [listed(), pad(), typed()]) {
      const closed = go({ ...state, retaining: true }, { type: 'LIVE', view: live(status) }).state
      expect(closed.view.kind).toBe('closed')
      expect(closed.retaining).toBe(false)
    }
  })

  it('PAID hands over to the result page from the list and the pad', () => {
    for (const state of [listed(), pad(), typed()])
      expect(go(state, { type: 'LIVE', view: live('PAID') }).effects.at(-1)).toEqual({
        kind: 'finish',
      })
  })

  it('the same status told again changes nothing', () => {
    const once = go(listed(), { type: 'LIVE', view: live('PENDING_PAYMENT') }).state
    const twice = go(once, { type: 'LIVE', view: live('PENDING_PAYMENT') })
    expect(twice.state.view).toBe(once.view)
    expect(twice.effects).toEqual([])
  })
})
