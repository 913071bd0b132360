import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import type { CashierState, FriendState, Intent } from '../flow-state.ts'
import { StepHead } from '../StepHead.tsx'
import { friendStatus } from './friend-flow.ts'
import { ShareForm } from './ShareForm.tsx'
import { WaitingView } from './WaitingView.tsx'
import './friend.css'

export interface FriendPanelProps {
  state: CashierState
  friend: FriendState
  send: (intent: Intent) => void
  /** This phone has the simulated WeChat to send the link in (its chat picker). */
  canOpenWechat: boolean
  onBack: () => void
  onClose: () => void
}

/**
 * 找朋友帮忙付: share (WeChat, QQ, link) with a message → the link → 等待好友付款. The cashier moves on to the
 * result page by itself when the order is paid (its live status), so this panel never decides it.
 */
export function FriendPanel({
  state,
  friend,
  send,
  canOpenWechat,
  onBack,
  onClose,
}: FriendPanelProps) {
  const { t, lang } = useT()
  const { request } = friend
  const status = friendStatus(state, friend)
  return (
    <>
      <StepHead
        titleId="friend-title"
        title={
          request && status === 'OPEN' ? t('friendPay.wait.title') : t('friendPay.share.title')
        }
        backLabel={t('friendPay.share.back')}
        onBack={onBack}
        onClose={onClose}
      />
      <div className="sheet__body friend" data-testid="friend-pay-panel">
        {!friend.loaded ? (
          <Spinner />
        ) : request && status ? (
          <WaitingView
            request={request}
            status={status}
            busy={friend.busy}
            copied={friend.copied}
            canOpenWechat={canOpenWechat}
            send={send}
          />
        ) : (
          <ShareForm
            orderId={state.orderId}
            busy={friend.busy}
            onCreate={(message, via) => send({ type: 'SHARE', message, via })}
          />
        )}
        {friend.error !== null && (
          <p className="pay-error" role="alert">
            {errorText(t, lang, friend.error)}
          </p>
        )}
      </div>
    </>
  )
}
