import { ApiError } from '@/lib/api/client.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { LoadState } from '@/ui/LoadState.tsx'
import { Sheet } from '@/ui/Sheet.tsx'
import { SimMark } from '@/ui/SimMark.tsx'
import { MethodsStep } from './MethodsStep.tsx'
import type { View } from './flow-state.ts'
import { JumpReturn } from './jump/JumpReturn.tsx'
import { UpdateAppNotice } from './jump/UpdateAppNotice.tsx'
import { WechatJump } from './jump/WechatJump.tsx'
import { PasswordStep } from './PasswordStep.tsx'
import { pinSummary } from './pin-method.ts'
import { RetainDialog } from './RetainDialog.tsx'
import { UnionPaySheet } from './UnionPaySheet.tsx'
import { useCashierFlow, type CashierFlow, type CashierHost } from './useCashierFlow.ts'
import './cashier.css'

/** A step whose code would not load (offline): said as a network problem, with a retry. */
const STEP_UNLOADED = new ApiError({ code: 'NETWORK_ERROR', message: 'step code', status: 0 })

interface CashierSheetProps extends CashierHost {
  orderId: string
}

/** The heading that names the sheet, step by step. */
function titleOf(view: View): string {
  switch (view.kind) {
    case 'password':
    case 'locked':
      return 'pin-title'
    case 'unionpay':
      return 'unionpay-title'
    case 'scan':
      return 'scan-title'
    case 'friend':
      return 'friend-title'
    default:
      return 'cashier-title'
  }
}

/**
 * 收银台: the amount, the time left, the methods, 确认付款, then the method's own step. It renders the
 * flow's state (useCashierFlow.ts) and sends what the shopper does; the flow decides everything else.
 */
export function CashierSheet({ orderId, ...host }: CashierSheetProps) {
  const flow = useCashierFlow(orderId, host)
  const { state, send } = flow
  const { view } = state
  const close = () => send({ type: 'CLOSE' })
  return (
    <Sheet
      onClose={close}
      labelledBy={titleOf(view)}
      testId="cashier"
      closeOnScrim={false}
      aside={
        <>
          {view.kind === 'unionpay' && <UnionPaySheet unionpay={view.unionpay} send={send} />}
          {view.kind === 'jump' && <WechatJump />}
          {state.resume.jump && view.kind !== 'jump' && (
            <JumpReturn checking={state.returnCheck !== null} send={send} />
          )}
          {state.updateNotice && (
            <UpdateAppNotice onClose={() => send({ type: 'DISMISS_NOTICE' })} />
          )}
          <SimMark />
        </>
      }
    >
      <Step flow={flow} onClose={close} />
      {state.retaining && state.list.cashier && view.kind !== 'closed' && (
        <RetainDialog
          deadlineAt={state.list.cashier.deadlineAt}
          onStay={() => send({ type: 'STAY' })}
          onLeave={() => send({ type: 'LEAVE' })}
        />
      )}
    </Sheet>
  )
}

/** The sheet's panel for where the flow is. */
function Step({ flow, onClose }: { flow: CashierFlow; onClose: () => void }) {
  const { t, lang } = useT()
  const { state, send, panels } = flow
  const { view } = state
  const back = () => send({ type: 'BACK' })
  if (view.kind === 'password' || view.kind === 'locked') {
    return (
      <PasswordStep
        view={view}
        summary={pinSummary(state, t, lang)}
        locked={view.kind === 'locked'}
        reset={state.reset ?? null}
        paused={state.retaining}
        send={send}
        onClose={onClose}
      />
    )
  }
  if (view.kind === 'scan' || view.kind === 'friend') {
    const failed = state.steps[view.kind] === 'failed'
    const retry = () => send({ type: 'RETRY_STEP' })
    if (view.kind === 'scan' && panels.scan) {
      const ScanPanel = panels.scan
      return (
        <ScanPanel
          state={state}
          scan={view.scan}
          send={send}
          codeRef={flow.codeRef}
          onClose={onClose}
        />
      )
    }
    if (view.kind === 'friend' && panels.friend) {
      const FriendPanel = panels.friend
      return (
        <FriendPanel
          state={state}
          friend={view.friend}
          send={send}
          canOpenWechat={flow.canOpenWechat}
          onBack={back}
          onClose={onClose}
        />
      )
    }
    return (
      <LoadState
        className="sheet__body"
        error={failed ? STEP_UNLOADED : null}
        onRetry={retry}
        loadingText={t('common.loading')}
        loadingTextClassName="visually-hidden"
      />
    )
  }
  return <MethodsStep state={state} send={send} onClose={onClose} />
}
