import { useEffect, useRef } from 'react'
import { fetchAlipayTrade, openAlipayTrade, payAlipayTrade } from '@/lib/api/alipay-pay.ts'
import { answering, answerLoad, runMachine, type Perform } from '@/lib/machine.ts'
import { useMachine } from '@/lib/useMachine.ts'
import {
  alipayPayStep,
  initialAlipayPay,
  type AlipayPayEffect,
  type AlipayPayEvent,
  type AlipayPayIntent,
} from './alipay-pay-flow.ts'

/** The calls Alipay's pay sheet makes (lib/api; fakes in the tests). */
export interface AlipayPayApi {
  fetchAlipayTrade: typeof fetchAlipayTrade
  openAlipayTrade: typeof openAlipayTrade
  payAlipayTrade: typeof payAlipayTrade
}

const API: AlipayPayApi = { fetchAlipayTrade, openAlipayTrade, payAlipayTrade }

export type AlipayLeave = (how: { paid: boolean; url: string | null }) => void

export function performAlipayPay(
  api: AlipayPayApi,
  leave: AlipayLeave,
): Perform<AlipayPayEvent, AlipayPayEffect> {
  return (effect, send, signal) => {
    switch (effect.kind) {
      case 'load':
        return answerLoad(send, effect.round, api.fetchAlipayTrade(effect.token, signal))
      case 'open':
        return answering(send)(
          api.openAlipayTrade(effect.token, signal),
          (sheet) => ({ type: 'OPENED', sheet }),
          (error) => ({ type: 'OPEN_FAILED', error }),
        )
      case 'pay':
        return answering(send)(
          api.payAlipayTrade(effect.token, effect.method, effect.password),
          (paid) => ({ type: 'PAID', trade: paid.trade, tradeNo: paid.tradeNo }),
          (error) => ({ type: 'REFUSED', error }),
        )
      case 'leave':
        return leave({ paid: effect.paid, url: effect.url })
    }
  }
}

/** The one hook that owns Alipay's pay sheet's effects; the screen gets the state and `send`. */
export function useAlipayPay(token: string, onLeave: AlipayLeave) {
  const leave = useRef(onLeave)
  useEffect(() => {
    leave.current = onLeave
  })
  const [state, send] = useMachine(() =>
    runMachine({
      initial: initialAlipayPay(token),
      step: alipayPayStep,
      perform: performAlipayPay(API, (how) => leave.current(how)),
    }),
  )
  const sendIntent: (intent: AlipayPayIntent) => void = send
  return { state, send: sendIntent }
}
