import { useEffect } from 'react'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { StepHead } from '../StepHead.tsx'
import { Spinner } from '@/ui/Spinner.tsx'
import { rememberFriend } from './resume.ts'
import { ShareForm } from './ShareForm.tsx'
import { useFriendRequest } from './useFriendRequest.ts'
import { WaitingView } from './WaitingView.tsx'
import './friend.css'

interface FriendPanelProps {
  orderId: string
  onBack: () => void
  onClose: () => void
  /** The simulated WeChat on this phone, at `path` (its chat picker, with the text to send). */
  onOpenWechat: ((path: string) => void) | undefined
}

/**
 * 找朋友帮忙付: share (WeChat, QQ, link) with a message → the link → 等待好友付款. The cashier moves on to the
 * result page by itself when the order is paid (its live status), so this panel never decides it.
 */
export function FriendPanel({ orderId, onBack, onClose, onOpenWechat }: FriendPanelProps) {
  const { t, lang } = useT()
  const friend = useFriendRequest(orderId)
  const { request, status } = friend
  const waiting = request !== null && status === 'OPEN'
  useEffect(() => rememberFriend(orderId, waiting), [orderId, waiting])
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
            onCancel={() => void friend.cancel()}
            onOpenWechat={
              onOpenWechat && ((text) => onOpenWechat(`/wechat?share=${encodeURIComponent(text)}`))
            }
            onAgain={friend.reset}
          />
        ) : (
          <ShareForm busy={friend.busy} onCreate={(m, v) => void friend.create(m, v)} />
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
