import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react'
import {
  cancelFriendRequest,
  createFriendRequest,
  fetchFriendRequests,
} from '@/lib/api/friend-pay.ts'
import {
  confirmPayment,
  confirmPaySheet,
  createPayment,
  fetchCashier,
  fetchPayment,
  openPaySheet,
  resetPassword,
} from '@/lib/api/pay.ts'
import { fetchCheckout } from '@/lib/api/shop.ts'
import { formatMoney } from '@/lib/format.ts'
import { loadMessages, translate, useT } from '@/lib/i18n/i18n.ts'
import { newIdempotencyKey } from '@/lib/idempotency.ts'
import { runMachine } from '@/lib/machine.ts'
import { watchOrderLive } from '@/lib/order-watch.ts'
import { useSettings, type Lang } from '@/lib/settings.ts'
import { useMachine } from '@/lib/useMachine.ts'
import { resumeOf, saveResume } from './cashier-store.ts'
import { performCashier, type CashierApi, type CashierDeps } from './flow-effects.ts'
import { stamp, type CashierState, type Intent, type LazyStep } from './flow-state.ts'
import { initialCashier, step } from './flow.ts'
import { copyText } from './friend/copy-text.ts'
import { selectedMethod } from './flow-select.ts'
import { depthOf } from './step-history.ts'
import { useStepHistory } from './useStepHistory.ts'
import type { FriendPanelProps } from './friend/FriendPanel.tsx'
import type { ScanPanelProps } from './scan/ScanPanel.tsx'

/** Where the cashier hands over: the routes decide what closing it and paying lead to. */
export interface CashierHost {
  onDone: (orderId: string) => void
  onClose: () => void
  onOpenWechat?: ((path: string) => void) | undefined
}

/** The steps whose code loads when first needed: their components, once loaded. */
export interface CashierPanels {
  scan: ComponentType<ScanPanelProps> | null
  friend: ComponentType<FriendPanelProps> | null
}

const API: CashierApi = {
  fetchCashier,
  createPayment,
  confirmPayment,
  fetchPayment,
  openPaySheet,
  confirmPaySheet,
  fetchCheckout,
  fetchFriendRequests,
  createFriendRequest,
  cancelFriendRequest,
  resetPassword,
}

/**
 * The one hook that owns every effect of the cashier: the machine of flow.ts (its calls, its timers, the
 * persisted slice), the order's live subscription, and the steps' lazily loaded code. Components get the
 * state and `send`, nothing else.
 */
export function useCashierFlow(orderId: string, host: CashierHost) {
  const { lang } = useT()
  const persona = useSettings((s) => s.persona)
  const era = useSettings((s) => s.era)
  const appVersion = useSettings((s) => s.appVersion)
  const hostRef = useRef(host)
  const langRef = useRef<Lang>(lang)
  useEffect(() => {
    hostRef.current = host
    langRef.current = lang
  })
  /** Takes the cashier's history entries off before the host moves on (set below, once `send` exists). */
  const unwindRef = useRef<(end: 'paid' | 'left', then: () => void) => void>((_end, then) => then())
  const [panels, setPanels] = useState<CashierPanels>({ scan: null, friend: null })
  /** Holds the scan code's <svg> on screen: saving the code draws it. */
  const codeRef = useRef<HTMLDivElement>(null)

  const [state, send] = useMachine(() => {
    const deps: CashierDeps = {
      orderId,
      api: API,
      save: (resume) => saveResume(orderId, resume),
      loadStep: async (name: LazyStep) => {
        if (name === 'scan') {
          // The QR code's encoder (uqr) loads with this step, not with the cashier.
          const { ScanPanel } = await import('./scan/ScanPanel.tsx')
          setPanels((p) => ({ ...p, scan: ScanPanel }))
        } else {
          const [{ FriendPanel }] = await Promise.all([
            import('./friend/FriendPanel.tsx'),
            loadMessages('friendPay'),
          ])
          setPanels((p) => ({ ...p, friend: FriendPanel }))
        }
      },
      copy: copyText,
      saveCode: async (payment) => {
        const svg = codeRef.current?.querySelector('svg')
        if (!svg) throw new Error('no code on screen')
        const words = langRef.current
        const [{ drawQrCard, downloadBlob }, { addPhoto }] = await Promise.all([
          import('./scan/qr-card.ts'),
          import('@/lib/album/album.ts'),
        ])
        const card = await drawQrCard(svg, {
          brand: translate(words, 'scan.brand'),
          amount: formatMoney(payment.amountFen, words),
          caption: translate(words, 'scan.caption'),
        })
        await addPhoto(card.blob, { origin: 'saved', width: card.width, height: card.height })
        downloadBlob(card.blob, `wechat-pay-${orderId}.png`)
      },
      newKey: newIdempotencyKey,
      finish: () => unwindRef.current('paid', () => hostRef.current.onDone(orderId)),
      leave: () => unwindRef.current('left', () => hostRef.current.onClose()),
      navigate: (path) => hostRef.current.onOpenWechat?.(path),
    }
    return runMachine({
      initial: initialCashier(orderId, resumeOf(orderId)),
      step,
      perform: performCashier(deps),
    })
  })

  // The merchant's word, live: paid elsewhere, closed at its deadline, the code paid in WeChat.
  useEffect(
    () =>
      watchOrderLive(orderId, { persona, era, appVersion }, (view) => send({ type: 'LIVE', view })),
    [orderId, persona, era, appVersion, send],
  )

  const dispatch = useCallback((intent: Intent) => send(stamp(intent, newIdempotencyKey)), [send])
  // Back, as on Taobao: each step a history entry (step-history.ts).
  const resumable = state.list.loading
    ? null
    : state.view.kind === 'choosing' &&
      state.resume.attempt?.paymentId != null &&
      selectedMethod(state) !== null
  const unwind = useStepHistory(depthOf(state.view), dispatch, resumable)
  useEffect(() => {
    unwindRef.current = unwind
  }, [unwind])
  return { state, send: dispatch, panels, codeRef, canOpenWechat: host.onOpenWechat !== undefined }
}

export type CashierFlow = ReturnType<typeof useCashierFlow>
export type { CashierState }
