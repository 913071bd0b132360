import { useEffect, useRef } from 'react'
import { fetchPaySheet, openPaySheet, resetPassword } from '@/lib/api/pay.ts'
import { confirmSheetWith } from '@/lib/api/pay-sheets.ts'
import { runMachine } from '@/lib/machine.ts'
import { useMachine } from '@/lib/useMachine.ts'
import { performPaySheet, type PaySheetApi } from './pay-sheet-effects.ts'
import { initialPaySheet, paySheetStep, type PaySheetIntent } from './pay-sheet-flow.ts'

const API: PaySheetApi = { fetchPaySheet, openPaySheet, confirmSheetWith, resetPassword }

/**
 * The one hook that owns the pay sheet's effects (its calls), for the token in the URL: the screen gets
 * the state and `send`. The persona is part of the screen's key (the shell remounts it on a change).
 */
export function usePaySheet(token: string, jumped: boolean, onLeave: () => void) {
  const leave = useRef(onLeave)
  useEffect(() => {
    leave.current = onLeave
  })
  const [state, send] = useMachine(() =>
    runMachine({
      initial: initialPaySheet(token, jumped),
      step: paySheetStep,
      perform: performPaySheet(token, API, () => leave.current()),
    }),
  )
  const sendIntent: (intent: PaySheetIntent) => void = send
  return { state, send: sendIntent }
}
