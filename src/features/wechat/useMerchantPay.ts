import { useEffect, useRef } from 'react'
import { confirmMerchantSheet, fetchMerchantSheet, verifyBrandPay } from '@/lib/api/merchant-pay.ts'
import { resetPassword } from '@/lib/api/pay.ts'
import { answering, answerLoad, runMachine, type Perform } from '@/lib/machine.ts'
import { useMachine } from '@/lib/useMachine.ts'
import {
  initialMerchantPay,
  merchantPayStep,
  type MerchantPayEffect,
  type MerchantPayEnd,
  type MerchantPayEvent,
  type MerchantPayIntent,
  type MerchantPayOrigin,
} from './merchant-pay-flow.ts'

/** The calls the merchant pay sheet makes (lib/api; fakes in the tests). */
export interface MerchantPayApi {
  fetchMerchantSheet: typeof fetchMerchantSheet
  verifyBrandPay: typeof verifyBrandPay
  confirmMerchantSheet: typeof confirmMerchantSheet
  resetPassword: typeof resetPassword
}

const API: MerchantPayApi = {
  fetchMerchantSheet,
  verifyBrandPay,
  confirmMerchantSheet,
  resetPassword,
}

/** Does what the flow asks for; `leave` says how the sheet ended. */
export function performMerchantPay(
  api: MerchantPayApi,
  leave: (end: MerchantPayEnd) => void,
): Perform<MerchantPayEvent, MerchantPayEffect> {
  return (effect, send, signal) => {
    switch (effect.kind) {
      case 'load': {
        const { origin } = effect
        const call =
          origin.kind === 'token'
            ? api.fetchMerchantSheet(origin.token, signal)
            : api.verifyBrandPay(origin.fields, signal)
        return answerLoad(send, effect.round, call)
      }
      case 'confirm':
        return answering(send)(
          api.confirmMerchantSheet(effect.token, effect.password, effect.source),
          (paid) => ({ type: 'PAID', paid }),
          (error) => ({ type: 'REFUSED', error }),
        )
      case 'leave':
        return leave(effect.end)
      case 'resetPassword':
        return answering(send)(
          api.resetPassword(effect.realm),
          () => ({ type: 'RESET_DONE' }),
          (error) => ({ type: 'RESET_FAILED', error }),
        )
    }
  }
}

/** The one hook that owns the merchant pay sheet's effects; the screen gets the state and `send`. */
export function useMerchantPay(origin: MerchantPayOrigin, onLeave: (end: MerchantPayEnd) => void) {
  const leave = useRef(onLeave)
  useEffect(() => {
    leave.current = onLeave
  })
  const [state, send] = useMachine(() =>
    runMachine({
      initial: initialMerchantPay(origin),
      step: merchantPayStep,
      perform: performMerchantPay(API, (end) => leave.current(end)),
    }),
  )
  const sendIntent: (intent: MerchantPayIntent) => void = send
  return { state, send: sendIntent }
}
