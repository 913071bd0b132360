import type { fetchPaySheet, openPaySheet, resetPassword } from '@/lib/api/pay.ts'
import type { confirmSheetWith } from '@/lib/api/pay-sheets.ts'
import { answering, answerLoad, type Perform } from '@/lib/machine.ts'
import type { PaySheetEffect, PaySheetEvent } from './pay-sheet-flow.ts'

/** The calls the pay sheet makes (lib/api; fakes in the tests). */
export interface PaySheetApi {
  fetchPaySheet: typeof fetchPaySheet
  openPaySheet: typeof openPaySheet
  confirmSheetWith: typeof confirmSheetWith
  resetPassword: typeof resetPassword
}

/** Does what the pay sheet's flow asks for; `leave` hands the phone back (to the app that jumped here). */
export function performPaySheet(
  token: string,
  api: PaySheetApi,
  leave: () => void,
): Perform<PaySheetEvent, PaySheetEffect> {
  return (effect, send, signal) => {
    const answer = answering(send)
    switch (effect.kind) {
      case 'load':
        return answerLoad(send, effect.round, api.fetchPaySheet(token, signal))
      case 'open':
        // Only the payment's state on the gateway changes: nothing to show for it, nor for a failure.
        void api.openPaySheet(effect.token).catch(() => undefined)
        return
      case 'confirm':
        return answer(
          api.confirmSheetWith(effect.token, effect.password, effect.source),
          (payment) => ({ type: 'PAID', payment }),
          (error) => ({ type: 'REFUSED', error }),
        )
      case 'leave':
        return leave()
      case 'resetPassword':
        return answer(
          api.resetPassword(effect.realm),
          // No toast: the pad, still up (a modal over any toast), says it was reset (pin.unlocked).
          () => ({ type: 'RESET_DONE' }),
          (error) => ({ type: 'RESET_FAILED', error }),
        )
    }
  }
}
