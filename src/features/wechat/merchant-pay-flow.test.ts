import { describe, expect, it } from 'vitest'
import type { MerchantSheet } from '@/contract/wechatpay-sheet.ts'
import {
  initialMerchantPay,
  merchantPayStep,
  type MerchantPayEvent,
  type MerchantPayState,
} from './merchant-pay-flow.ts'

const sheet: MerchantSheet = {
  token: 'wx1',
  tradeType: 'JSAPI',
  mchid: '1900000001',
  merchant: '示例小店 Example Shop',
  description: '手冲咖啡豆 200g',
  outTradeNo: 'EX1',
  amountFen: 5900,
  status: 'NOTPAY',
  expiresAt: null,
  sources: [{ id: 'wechat-balance', balanceFen: 200000, card: null, enabled: true }],
}
const fields = {
  appId: 'a',
  timeStamp: '1',
  nonceStr: 'n',
  package: 'prepay_id=wx1',
  signType: 'RSA',
  paySign: 's',
}

function run(events: MerchantPayEvent[]) {
  let next = initialMerchantPay({ kind: 'brand', fields })
  const effects = [...(next.effects ?? [])]
  let state: MerchantPayState = next.state
  for (const event of events) {
    next = merchantPayStep(state, event)
    state = next.state
    effects.push(...(next.effects ?? []))
  }
  return { state, effects }
}

describe('the merchant pay sheet flow', () => {
  it('loads by the bridge fields, pays with the password and leaves ok', () => {
    const { state, effects } = run([
      { type: 'LOADED', round: 0, value: sheet },
      { type: 'START' },
      { type: 'PASSWORD', password: '123456' },
      {
        type: 'PAID',
        paid: {
          transactionId: 't',
          outTradeNo: 'EX1',
          merchant: 'm',
          amountFen: 5900,
          paidAt: '2024-09-18T10:00:00.000Z',
        },
      },
      { type: 'LEAVE' },
    ])
    expect(state.pay.step).toBe('success')
    expect(effects.map((e) => e.kind)).toEqual(['load', 'confirm', 'leave'])
    expect(effects[1]).toMatchObject({ token: 'wx1', password: '123456', source: 'wechat-balance' })
    expect(effects[2]).toEqual({ kind: 'leave', end: 'ok' })
  })

  it('leaves cancel when closed unpaid, fail when paySign was refused', () => {
    const closed = run([{ type: 'LOADED', round: 0, value: sheet }, { type: 'LEAVE' }])
    expect(closed.effects.at(-1)).toEqual({ kind: 'leave', end: 'cancel' })
    const refused = run([
      { type: 'LOAD_FAILED', round: 0, error: { code: 'PAY_SIGN_ERROR' } },
      { type: 'LEAVE' },
    ])
    expect(refused.effects.at(-1)).toEqual({ kind: 'leave', end: 'fail' })
  })

  it('a wrong password clears the pad and counts the try; nothing leaves while paying', () => {
    const { state, effects } = run([
      { type: 'LOADED', round: 0, value: sheet },
      { type: 'START' },
      { type: 'PASSWORD', password: '000000' },
      { type: 'LEAVE' },
      { type: 'REFUSED', error: { code: 'PASSWORD_ERROR', triesLeft: 4 } },
    ])
    expect(state.pay).toEqual({ step: 'pin', tries: 1, busy: false })
    expect(state.problem?.code).toBe('PASSWORD_ERROR')
    expect(effects.map((e) => e.kind)).toEqual(['load', 'confirm'])
  })
})

describe('the lock and 忘记密码？', () => {
  const lock = { code: 'ACCOUNT_LOCKED', lockedUntil: '2024-09-18T13:00:00.000Z' }
  const locked: MerchantPayEvent[] = [
    { type: 'LOADED', round: 0, value: sheet },
    { type: 'START' },
    { type: 'PASSWORD', password: '000000' },
    { type: 'REFUSED', error: lock },
  ]

  it('the lock keeps the pad, saying until when, and it takes no password, opened again too', () => {
    const { state, effects } = run([...locked, { type: 'PASSWORD', password: '123456' }])
    expect(state.pay).toEqual({ step: 'pin', tries: 1, busy: false })
    expect(state.lock).toEqual(lock)
    expect(state.problem).toBeNull()
    expect(effects.map((e) => e.kind)).toEqual(['load', 'confirm'])
    const again = run([...locked, { type: 'CANCEL_PIN' }, { type: 'START' }])
    expect(again.state.lock).toEqual(lock)
    const typed = merchantPayStep(again.state, { type: 'PASSWORD', password: '123456' })
    expect(typed.effects ?? []).toEqual([])
  })

  it('a reset from the locked pad unlocks it: the tries cleared, the password pays', () => {
    const { state, effects } = run([
      ...locked,
      { type: 'FORGOT_PASSWORD' },
      { type: 'RESET_CONFIRM' },
      { type: 'RESET_DONE' },
      { type: 'PASSWORD', password: '123456' },
    ])
    expect(effects.map((e) => e.kind)).toEqual(['load', 'confirm', 'resetPassword', 'confirm'])
    expect(effects[2]).toEqual({ kind: 'resetPassword', realm: 'wechat' })
    expect(state).toMatchObject({ lock: null, reset: null })
    expect(state.pay).toEqual({ step: 'pin', tries: 0, busy: true, unlocked: true })
  })

  it('a failed reset says why and keeps the question; 取消 leaves the lock as it was', () => {
    const failed = run([
      ...locked,
      { type: 'FORGOT_PASSWORD' },
      { type: 'RESET_CONFIRM' },
      { type: 'RESET_FAILED', error: { code: 'NETWORK_ERROR' } },
    ])
    expect(failed.state.reset).toEqual({ busy: false, error: { code: 'NETWORK_ERROR' } })
    expect(failed.state.lock).toEqual(lock)
    const cancelled = merchantPayStep(failed.state, { type: 'RESET_CANCEL' }).state
    expect(cancelled.reset).toBeNull()
    expect(cancelled.lock).toEqual(lock)
    expect(cancelled.pay).toEqual({ step: 'pin', tries: 1, busy: false })
  })

  it('the wrong-password dialog’s 忘记密码 gives way to the same question', () => {
    const { state } = run([
      { type: 'LOADED', round: 0, value: sheet },
      { type: 'START' },
      { type: 'PASSWORD', password: '000000' },
      { type: 'REFUSED', error: { code: 'PASSWORD_ERROR', triesLeft: 4 } },
      { type: 'FORGOT_PASSWORD' },
    ])
    expect(state.problem).toBeNull()
    expect(state.reset).toEqual({ busy: false, error: null })
  })
})
