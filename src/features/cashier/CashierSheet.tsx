import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import type { HuabeiPeriods, PaymentMethodId } from '@/contract/payment.ts'
import { isApiError } from '@/lib/api/client.ts'
import { fetchCashier } from '@/lib/api/pay.ts'
import { loadMessages, useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { useOrderStatus } from '@/lib/useOrderStatus.ts'
import { useResource } from '@/lib/useResource.ts'
import { Sheet, SheetHead } from '@/ui/Sheet.tsx'
import { SimMark } from '@/ui/SimMark.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { CashierBody } from './CashierBody.tsx'
import { useJumpStore } from './jump/jump-store.ts'
import { JumpReturn } from './jump/JumpReturn.tsx'
import { UpdateAppNotice } from './jump/UpdateAppNotice.tsx'
import { WechatJump } from './jump/WechatJump.tsx'
import { useCashierStore } from './cashier-store.ts'
import { PasswordStep } from './PasswordStep.tsx'
import { RetainDialog } from './RetainDialog.tsx'
import type { ScanPanel } from './scan/ScanPanel.tsx'
import { UnionPaySheet } from './UnionPaySheet.tsx'
import { usePayment } from './usePayment.ts'
import './cashier.css'

// The QR code (qrcode.react) loads with the scan-code step, not with the cashier: fetched once the
// cashier offers it and awaited with the payment on 确认付款, then rendered directly, since a lazy
// component suspends on its first render even when loaded, and React holds a revealed fallback ≥ 300 ms.
let loadedScanPanel: typeof ScanPanel | null = null
const loadScanPanel = () =>
  import('./scan/ScanPanel.tsx').then((module) => (loadedScanPanel = module.ScanPanel))
const LazyScanPanel = lazy(async () => ({ default: await loadScanPanel() }))
// 找朋友帮忙付 and its words load when chosen.
const FriendPanel = lazy(async () => {
  const [panel] = await Promise.all([import('./friend/FriendPanel.tsx'), loadMessages('friendPay')])
  return { default: panel.FriendPanel }
})

/** Longer than the scan-code panel's own 支付成功 pause, after which it goes on by itself. */
const SCAN_PAID_GRACE_MS = 1500

interface CashierSheetProps {
  orderId: string
  /** The shopper left (after the retention dialog): the order stays 待付款. */
  onClose: () => void
  /** The payment went through, or its outcome must be checked: show the result. */
  onDone: (orderId: string) => void
  /** 微信支付 (jump): WeChat's pay sheet opens on this phone at `path`. */
  onOpenWechat?: (path: string) => void
}

/** 收银台: the amount, the time left, the methods, 确认付款, then the method's own step. */
export function CashierSheet({ orderId, onClose, onDone, onOpenWechat }: CashierSheetProps) {
  const { t } = useT()
  const persona = useSettings((s) => s.persona)
  const era = useSettings((s) => s.era)
  const cashier = useResource(`cashier:${persona}:${era}:${orderId}`, (signal) =>
    fetchCashier(orderId, signal),
  )
  const remembered = useCashierStore((s) => s.attempts[orderId] ?? null)
  const [picked, setPicked] = useState<PaymentMethodId | null>(null)
  const [pickedPlan, setPickedPlan] = useState<HuabeiPeriods | null>(null)
  const [closedLive, setClosedLive] = useState(false)
  const [retaining, setRetaining] = useState(false)
  const [updateNotice, setUpdateNotice] = useState(false)
  const payment = usePayment(orderId, () => onDone(orderId))

  const onDoneRef = useRef(onDone)
  const stepRef = useRef(payment.step)
  useEffect(() => {
    onDoneRef.current = onDone
    stepRef.current = payment.step
  })
  const errorCode = isApiError(cashier.error) ? cashier.error.code : null
  const alreadyPaid = errorCode === 'ORDERPAID'
  // Back from WeChat's jump, "已完成支付？" is answered first (JumpReturn then asks the merchant).
  const jumpPending = useJumpStore((s) => orderId in s.jumps)
  useEffect(() => {
    if (alreadyPaid && !jumpPending) onDoneRef.current(orderId)
  }, [alreadyPaid, orderId, jumpPending])

  // The merchant's word, live: paid elsewhere (a friend), or closed at the deadline by the server's clock.
  const { reload } = cashier
  useOrderStatus(orderId, (status) => {
    // Over in UnionPay's app the shopper finishes there (完成) and comes back; Taobao waits.
    if (status === 'PAID') {
      const jumped = orderId in useJumpStore.getState().jumps
      // The scan-code panel shows 支付成功 for a moment and goes on by itself.
      const waits = stepRef.current === 'unionpay' || stepRef.current === 'scan' || jumped
      if (!waits) onDoneRef.current(orderId)
      // Paid another way (a friend's link) while the code is up: the code closes, the result page follows.
      else if (stepRef.current === 'scan')
        setTimeout(() => onDoneRef.current(orderId), SCAN_PAID_GRACE_MS)
    } else if (status !== 'PENDING_PAYMENT') setClosedLive(true)
  })

  const closed = closedLive || errorCode === 'ORDERCLOSED' || errorCode === 'ORDER_NOT_EXIST'
  const { back } = payment
  useEffect(() => {
    if (closed) back()
  }, [closed, back])

  // Back on the list from a step, ask again: a wallet may have locked (wrong passwords) meanwhile.
  const stepOnScreen = payment.step
  const lastStep = useRef(stepOnScreen)
  useEffect(() => {
    if (stepOnScreen === 'methods' && lastStep.current !== 'methods') reload()
    lastStep.current = stepOnScreen
  }, [stepOnScreen, reload])

  const methods = cashier.data?.methods ?? []
  const offersScan = methods.some((m) => m.id === 'wechat-scan' && m.enabled)
  useEffect(() => {
    if (offersScan) void loadScanPanel()
  }, [offersScan])
  const usable = (id: PaymentMethodId | null) => methods.some((m) => m.id === id && m.enabled)
  // After a reload, the open attempt's choice is chosen again.
  const selected =
    picked ?? (usable(remembered?.method ?? null) ? (remembered?.method ?? null) : null)
  const huabeiPeriods: HuabeiPeriods = pickedPlan ?? remembered?.huabeiPeriods ?? 0

  /** ✕ or Escape: ask to stay first, unless there is nothing left to pay. */
  function requestClose() {
    if (closed || !cashier.data) onClose()
    else setRetaining(true)
  }

  function confirm() {
    if (!selected || closed) return
    void payment.start(
      { method: selected, huabeiPeriods: selected === 'huabei' ? huabeiPeriods : null },
      selected === 'wechat-scan' ? loadScanPanel() : undefined,
    )
  }

  const attempt = useCashierStore((s) => s.attempts[orderId])
  const step = closed ? 'methods' : payment.step
  // Chosen once per visit of the step: switching from the lazy wrapper to the loaded component while the
  // panel is up would remount it (a code resumed after a reload renders through the wrapper).
  const inScan = step === 'scan'
  const ScanStep = useMemo(
    () => (inScan ? (loadedScanPanel ?? LazyScanPanel) : LazyScanPanel),
    [inScan],
  )
  return (
    <Sheet
      onClose={requestClose}
      labelledBy={
        step === 'pin'
          ? 'pin-title'
          : step === 'unionpay'
            ? 'unionpay-title'
            : step === 'scan'
              ? 'scan-title'
              : step === 'friend'
                ? 'friend-title'
                : 'cashier-title'
      }
      testId="cashier"
      aside={
        <>
          {step === 'unionpay' && attempt?.payToken && (
            <UnionPaySheet
              payToken={attempt.payToken}
              onPaid={() => {
                useCashierStore.getState().forget(orderId)
                onDone(orderId)
              }}
              onCancel={(message) => back(message)}
            />
          )}
          {step === 'wechat' && attempt?.paymentId && attempt.payToken && onOpenWechat && (
            <WechatJump
              orderId={orderId}
              paymentId={attempt.paymentId}
              payToken={attempt.payToken}
              onOpenWechat={onOpenWechat}
            />
          )}
          <JumpReturn orderId={orderId} onPaid={() => onDone(orderId)} onNotPaid={back} />
          {updateNotice && <UpdateAppNotice onClose={() => setUpdateNotice(false)} />}
          <SimMark />
        </>
      }
      closeOnScrim={false}
    >
      {step === 'friend' ? (
        <Suspense
          fallback={
            <div className="sheet__body state-box" aria-busy="true">
              <Spinner />
            </div>
          }
        >
          <FriendPanel
            orderId={orderId}
            onBack={() => back()}
            onClose={requestClose}
            onOpenWechat={onOpenWechat}
          />
        </Suspense>
      ) : step === 'scan' ? (
        <Suspense
          fallback={
            <div className="sheet__body state-box" aria-busy="true">
              <Spinner />
            </div>
          }
        >
          <ScanStep
            orderId={orderId}
            onBack={() => back()}
            onClose={requestClose}
            onPaid={() => {
              useCashierStore.getState().forget(orderId)
              onDone(orderId)
            }}
          />
        </Suspense>
      ) : step === 'pin' ? (
        <PasswordStep
          busy={payment.busy}
          paused={retaining}
          error={payment.error}
          tries={payment.tries}
          onPassword={(password) => void payment.pay(password)}
          onBack={() => back()}
          onClose={requestClose}
        />
      ) : (
        <>
          <SheetHead
            id="cashier-title"
            title={t('cashier.title')}
            closeLabel={t('cashier.close')}
            onClose={requestClose}
            closeSide="left"
            closeTestId="cashier-close"
          />
          <CashierBody
            orderId={orderId}
            cashier={cashier.data}
            error={alreadyPaid ? null : cashier.error}
            closed={closed}
            selected={selected}
            onSelect={(id) => {
              setPicked(id)
              payment.setError(null)
            }}
            onDisabledTap={(m) => m.reason === 'UPDATE_APP' && setUpdateNotice(true)}
            huabeiPeriods={huabeiPeriods}
            onPlan={setPickedPlan}
            busy={payment.busy}
            onExpire={reload}
            onRetry={reload}
            onClose={onClose}
          />
          <div className="cashier__foot">
            {payment.error && !closed && (
              <p className="pay-error" data-testid="pay-error" role="alert">
                {payment.error}
              </p>
            )}
            <button
              type="button"
              className="btn-primary cashier__confirm"
              data-testid="confirm-pay"
              disabled={!cashier.data || !selected || payment.busy || closed}
              aria-busy={payment.busy}
              onClick={confirm}
            >
              {payment.busy && <Spinner />}
              {closed
                ? t('cashier.closed')
                : payment.busy
                  ? t('cashier.busy')
                  : selected || !cashier.data
                    ? t('cashier.confirm')
                    : t('cashier.choose')}
            </button>
          </div>
        </>
      )}
      {retaining && cashier.data && !closed && (
        <RetainDialog
          deadlineAt={cashier.data.deadlineAt}
          onStay={() => setRetaining(false)}
          onLeave={onClose}
        />
      )}
    </Sheet>
  )
}
