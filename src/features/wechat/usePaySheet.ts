import { useEffect, useRef, useState } from 'react'
import type { FundingSource, Payment, PaySheet } from '@/contract/payment.ts'
import { isApiError, type ApiError } from '@/lib/api/client.ts'
import { fetchPaySheet, openPaySheet } from '@/lib/api/pay.ts'
import { confirmSheetWith } from '@/lib/api/pay-sheets.ts'
import { useSettings } from '@/lib/settings.ts'
import { useResource } from '@/lib/useResource.ts'

export type PayStep =
  | { step: 'sheet' }
  | { step: 'pin'; tries: number }
  | { step: 'paying' }
  | { step: 'success'; payment: Payment }

/**
 * The WeChat pay sheet of a token: loads it, tells the gateway it is open (the payment turns USERPAYING),
 * lets the payer choose 零钱 or the card, and confirms with the password. Failures come back as `problem`.
 */
export function usePaySheet(token: string) {
  const persona = useSettings((s) => s.persona)
  const sheet = useResource(`sheet:${persona}:${token}`, (signal) => fetchPaySheet(token, signal))
  const [picked, setPicked] = useState<FundingSource | null>(null)
  const [state, setState] = useState<PayStep>({ step: 'sheet' })
  const [problem, setProblem] = useState<ApiError | Error | null>(null)
  const opened = useRef<string | null>(null)

  const data: PaySheet | undefined = sheet.data
  useEffect(() => {
    if (!data || data.status !== 'NOTPAY' || opened.current === data.token) return
    opened.current = data.token
    openPaySheet(data.token).catch(() => undefined)
  }, [data])

  const usable = data?.sources.filter((s) => s.enabled) ?? []
  const source = data?.sources.find((s) => s.id === picked) ?? usable[0] ?? data?.sources[0] ?? null

  async function pay(password: string) {
    if (!source || state.step !== 'pin') return
    const tries = state.tries
    setState({ step: 'paying' })
    try {
      const payment = await confirmSheetWith(token, password, source.id)
      setState({ step: 'success', payment })
    } catch (e) {
      setProblem(e instanceof Error ? e : new Error(String(e)))
      const again = isApiError(e) && e.code === 'PASSWORD_ERROR'
      setState(again ? { step: 'pin', tries: tries + 1 } : { step: 'sheet' })
      if (!again) sheet.reload()
    }
  }

  return {
    sheet,
    source,
    state,
    problem,
    choose: setPicked,
    start: () => setState({ step: 'pin', tries: 0 }),
    cancelPin: () => setState({ step: 'sheet' }),
    pay,
    dismissProblem: () => setProblem(null),
  }
}
