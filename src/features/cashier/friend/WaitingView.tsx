import { useEffect, useRef } from 'react'
import type { FriendRequest, FriendRequestStatus } from '@/contract/friend-pay.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Countdown } from '@/ui/Countdown.tsx'
import { Money } from '@/ui/Money.tsx'
import type { FriendState, Intent } from '../flow-state.ts'

interface WaitingViewProps {
  request: FriendRequest
  status: FriendRequestStatus
  busy: boolean
  copied: FriendState['copied']
  /** The simulated WeChat's chat picker can take the share text. */
  canOpenWechat: boolean
  send: (intent: Intent) => void
}

/** 等待好友付款: the link, copy (or select it by hand), WeChat, the link's expiry, cancel; live status. */
export function WaitingView({
  request,
  status,
  busy,
  copied,
  canOpenWechat,
  send,
}: WaitingViewProps) {
  const { t } = useT()
  const manual = useRef<HTMLTextAreaElement>(null)
  const url = `${window.location.origin}${request.path}`
  const shareText = t('friendPay.wait.shareText', { message: request.message, url }).trim()
  const open = status === 'OPEN'

  // The clipboard refused: the text is selected in a read-only box, to copy by hand.
  useEffect(() => {
    if (copied !== 'manual') return
    manual.current?.focus()
    manual.current?.select()
  }, [copied])

  return (
    <div className="friend__wait">
      <Money fen={request.amountFen} tag className="friend__amount" testId="cashier-amount" />
      <p
        className={`friend__status friend__status--${status.toLowerCase()}`}
        data-testid="friend-pay-status"
        data-status={status}
        role="status"
        aria-live="polite"
      >
        {t(`friendPay.wait.status.${status}`)}
      </p>
      {open && (
        <Countdown
          deadline={request.expiresAt}
          className="friend__expiry"
          testId="friend-pay-expiry"
        >
          {(time) => t('friendPay.wait.expires', { time })}
        </Countdown>
      )}
      <p className="friend__label">{t('friendPay.wait.link')}</p>
      <p className="friend__link" data-testid="friend-pay-link">
        {url}
      </p>
      {request.message && <p className="friend__quote">{request.message}</p>}
      {copied === 'manual' && (
        <label className="friend__manual">
          <span role="alert">{t('friendPay.wait.copyByHand')}</span>
          <textarea
            ref={manual}
            readOnly
            value={shareText}
            rows={3}
            data-testid="friend-pay-manual"
          />
        </label>
      )}
      {copied === 'done' && (
        <p className="friend__copied" role="status">
          {request.via === 'wechat' ? t('friendPay.wait.toWechatHint') : t('friendPay.wait.copied')}
        </p>
      )}
      <div className="friend__actions">
        {open && request.via === 'wechat' && canOpenWechat && (
          <button
            type="button"
            className="btn-primary"
            data-testid="friend-pay-wechat"
            onClick={() => send({ type: 'TO_WECHAT', text: shareText })}
          >
            {t('friendPay.wait.toWechat')}
          </button>
        )}
        <button
          type="button"
          className={request.via === 'wechat' ? 'friend__secondary' : 'btn-primary'}
          data-testid="friend-pay-copy"
          disabled={!open}
          onClick={() => send({ type: 'COPY', text: shareText })}
        >
          {request.via === 'qq' ? t('friendPay.wait.toQq') : t('friendPay.wait.copy')}
        </button>
        {open ? (
          <button
            type="button"
            className="friend__secondary"
            data-testid="friend-pay-cancel"
            disabled={busy}
            onClick={() => send({ type: 'CANCEL_REQUEST' })}
          >
            {t('friendPay.wait.cancel')}
          </button>
        ) : status !== 'PAID' ? (
          <button
            type="button"
            className="friend__secondary"
            onClick={() => send({ type: 'ASK_AGAIN' })}
          >
            {t('friendPay.share.create')}
          </button>
        ) : null}
      </div>
    </div>
  )
}
