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
