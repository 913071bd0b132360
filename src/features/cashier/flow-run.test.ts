import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  cashier,
  failure,
  live,
  ORDER_ID,
  payment,
  paySheet,
  request,
  scanPayment,
} from '../../../test/support/flows.ts'
import { payCodePath } from '@/contract/paths.ts'
import { runMachine } from '@/lib/machine.ts'
import { performCashier, type CashierApi, type CashierDeps } from './flow-effects.ts'
import type { CashierEvent, CashierState } from './flow-state.ts'
import { TIMING } from './flow-moves.ts'
import { initialCashier, step } from './flow.ts'
import { EMPTY_RESUME, type Resume } from './resume.ts'

/** The cashier's machine with its real effects, over a fake gateway and a fake clock. */
function phone(resume: Resume = EMPTY_RESUME, era: 'beta' | 'launch' = 'beta') {
  const saved: Resume[] = []
  const api = {
    fetchCashier: vi.fn(async () => cashier(era)),
    createPayment: vi.fn(async () => payment()),
    confirmPayment: vi.fn(async () => payment({ status: 'SUCCESS' })),
    fetchPayment: vi.fn(async () => scanPayment()),
    openPaySheet: vi.fn(async () => paySheet({ method: 'unionpay' })),
    confirmPaySheet: vi.fn(async () => payment({ status: 'SUCCESS' })),
    fetchCheckout: vi.fn(),
    fetchFriendRequests: vi.fn(async () => [request()]),
    createFriendRequest: vi.fn(async () => request()),
    cancelFriendRequest: vi.fn(async () => request({ status: 'CANCELLED' })),
    resetPassword: vi.fn(async () => ({})),
  } satisfies CashierApi
  let keys = 0
  const deps: CashierDeps = {
    orderId: ORDER_ID,
    api,
    save: (r) => saved.push(r),
    loadStep: vi.fn(async () => undefined),
    copy: vi.fn(async () => true),
    saveCode: vi.fn(async () => undefined),
    newKey: () => `key-${++keys}`,
    finish: vi.fn(),
    leave: vi.fn(),
    navigate: vi.fn(),
  }
  const machine = runMachine({
    initial: initialCashier(ORDER_ID, resume),
    step,
    perform: performCashier(deps),
  })
  machine.start()
  const send = (...events: CashierEvent[]) => events.forEach(machine.send)
  const view = (): CashierState['view'] => machine.getState().view
  return { machine, api, deps, saved, send, view, lastSaved: () => saved.at(-1) ?? EMPTY_RESUME }
}

/** Lets the fake gateway's answers (resolved promises) come back. */
const answers = () => vi.advanceTimersByTimeAsync(0)

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('the cashier on a fake clock', () => {
  it('jumps to WeChat after its "正在打开微信…" moment, not before', async () => {
    const p = phone(EMPTY_RESUME, 'launch')
    p.api.createPayment.mockResolvedValue(payment({ method: 'wechat', payToken: 'wx' }))
    await answers()
    p.send({ type: 'PICK', method: 'wechat' }, { type: 'CONFIRM', key: 'k1' })
    await answers()
    expect(p.view().kind).toBe('jump')
    await vi.advanceTimersByTimeAsync(TIMING.wechatJump - 1)
    expect(p.deps.navigate).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(p.deps.navigate).toHaveBeenCalledWith(payCodePath('wx', 'taobao'))
    expect(p.lastSaved().jump).toEqual({ paymentId: 'p1' })
  })

  it('holds UnionPay’s jump for its minimum time even when the sheet answers at once', async () => {
    const p = phone()
    p.api.createPayment.mockResolvedValue(payment({ method: 'unionpay', payToken: 'up' }))
    await answers()
    p.send({ type: 'PICK', method: 'unionpay' }, { type: 'CONFIRM', key: 'k1' })
    await answers()
    expect(p.api.openPaySheet).toHaveBeenCalledWith('up')
    expect(p.view()).toMatchObject({ unionpay: { phase: 'jumping' } })
    await vi.advanceTimersByTimeAsync(TIMING.unionpayJump)
    expect(p.view()).toMatchObject({ unionpay: { phase: 'sheet' } })
  })

  it('shows a paid code for its moment, then hands over; a stop before then drops the timer', async () => {
    const attempt = {
      method: 'wechat-scan' as const,
      huabeiPeriods: null,
      key: 'k',
      paymentId: 'p1',
      payToken: 'pr-p1',
    }
    const p = phone({ ...EMPTY_RESUME, attempt })
    await answers()
    p.send({ type: 'LIVE', view: live('PAID', { paymentId: 'p1' }) })
    await vi.advanceTimersByTimeAsync(TIMING.scanPaid - 1)
    expect(p.deps.finish).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(p.deps.finish).toHaveBeenCalledTimes(1)

    const q = phone({ ...EMPTY_RESUME, attempt })
    await answers()
    q.send({ type: 'LIVE', view: live('PAID', { paymentId: 'p1' }) })
    q.machine.stop()
    await vi.advanceTimersByTimeAsync(TIMING.scanGrace)
    expect(q.deps.finish).not.toHaveBeenCalled()
  })

  it('a password refused for a closed attempt gets a fresh key for the attempt that replaces it', async () => {
    const p = phone()
    await answers()
    p.api.confirmPayment.mockRejectedValueOnce(failure('PAYMENT_CLOSED'))
    p.api.createPayment
      .mockResolvedValueOnce(payment())
      .mockResolvedValueOnce(payment({ id: 'p2' }))
    p.send({ type: 'PICK', method: 'alipay-balance' }, { type: 'CONFIRM', key: 'k1' })
    await answers()
    p.send({ type: 'PASSWORD', password: '123456' })
    await answers()
    expect(p.api.createPayment).toHaveBeenLastCalledWith(
      { orderId: ORDER_ID, method: 'alipay-balance' },
      'key-1',
    )
    expect(p.lastSaved().attempt).toMatchObject({ key: 'key-1', paymentId: 'p2' })
    p.send({ type: 'PASSWORD', password: '123456' })
    await answers()
    expect(p.api.confirmPayment).toHaveBeenLastCalledWith('p2', '123456')
    expect(p.deps.finish).toHaveBeenCalled()
  })
})

describe('a reload resumes', () => {
  it('the scan code: the same attempt, its payment asked for, no second create', async () => {
    const first = phone()
    first.api.createPayment.mockResolvedValue(scanPayment())
    await answers()
    first.send({ type: 'PICK', method: 'wechat-scan' }, { type: 'CONFIRM', key: 'k1' })
    await answers()
    expect(first.view().kind).toBe('scan')
    first.machine.stop()

    const again = phone(first.lastSaved())
    expect(again.view()).toMatchObject({ kind: 'scan', scan: { payment: null } })
    expect(again.deps.loadStep).toHaveBeenCalledWith('scan')
    await answers()
    expect(again.api.fetchPayment).toHaveBeenCalledWith('p1', expect.any(AbortSignal))
    expect(again.view()).toMatchObject({ kind: 'scan', scan: { payment: { id: 'p1' } } })
    expect(again.api.createPayment).not.toHaveBeenCalled()
  })

  it('the password step’s attempt: confirming again reuses its payment (same key, no create)', async () => {
    const first = phone()
    await answers()
    first.send({ type: 'PICK', method: 'alipay-card' }, { type: 'CONFIRM', key: 'k1' })
    await answers()
    const again = phone(first.lastSaved())
    await answers()
    again.send({ type: 'CONFIRM', key: 'k2' })
    expect(again.view().kind).toBe('password')
    expect(again.api.createPayment).not.toHaveBeenCalled()
  })

  it('a create whose answer was lost: the same key asks again, so the gateway makes one payment', async () => {
    const first = phone()
    await answers()
    first.api.createPayment.mockRejectedValue(failure('NETWORK_ERROR'))
    first.send({ type: 'PICK', method: 'alipay-card' }, { type: 'CONFIRM', key: 'k1' })
    await answers()
    const again = phone(first.lastSaved())
    await answers()
    again.send({ type: 'CONFIRM', key: 'k2' })
    expect(again.api.createPayment).toHaveBeenCalledWith(
      { orderId: ORDER_ID, method: 'alipay-card' },
      'k1',
    )
  })

  it('the share sheet with its open request; the question after a jump', async () => {
    const shared = phone({ ...EMPTY_RESUME, friend: true })
    expect(shared.deps.loadStep).toHaveBeenCalledWith('friend')
    await answers()
    expect(shared.view()).toMatchObject({ kind: 'friend', friend: { request: { token: 'T0K3N' } } })

    const jumped = phone({ ...EMPTY_RESUME, jump: { paymentId: 'p1' } }, 'launch')
    jumped.api.fetchCheckout.mockResolvedValue({ status: 'PAID' })
    await answers()
    jumped.send({ type: 'JUMP_ANSWER', claimed: false })
    await answers()
    expect(jumped.deps.finish).toHaveBeenCalled()
    expect(jumped.lastSaved().jump).toBeNull()
  })
})
