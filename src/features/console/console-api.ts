import type { ConsoleObjectKind } from '@/contract/console.ts'
import type { NotifyFault, NotifySign } from '@/contract/test-api.ts'
import { callRoute } from '@/lib/api/call.ts'

/**
 * What the console's buttons do: each is a documented route of the test API (API.md), so a script can
 * do all of it too. The world is the console's (the client sends it with every call).
 */
export const consoleActions = {
  reset: () => callRoute('testReset', {}),
  advanceClock: (advanceMs: number) => callRoute('testClock', { body: { advanceMs } }),
  clockTo: (to: 'next-retry' | 'next-deadline') => callRoute('testClock', { body: { to } }),
  notify: (notify: NotifyFault) => callRoute('testSetFaults', { body: { notify } }),
  notifySign: (notifySign: NotifySign) => callRoute('testSetFaults', { body: { notifySign } }),
  resend: (id: string) => callRoute('testResendNotification', { params: { id } }),
  failNext: (id: string, code: string) =>
    callRoute('testMerchantFailNext', { params: { id }, body: { code } }),
  refund: (orderId: string, amountFen?: number) =>
    callRoute('testRefundOrder', {
      params: { orderId },
      body: amountFen === undefined ? {} : { amountFen },
    }),
  close: (orderId: string) => callRoute('testCloseOrder', { params: { orderId } }),
}

export function fetchObject(kind: ConsoleObjectKind, id: string, signal?: AbortSignal) {
  return callRoute('consoleObject', { params: { kind, id }, signal })
}

export const fetchFaults = (signal?: AbortSignal) => callRoute('testFaults', { signal })
export const fetchWorlds = (signal?: AbortSignal) => callRoute('testListWorlds', { signal })
