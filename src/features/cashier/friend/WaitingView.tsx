import { useRef, useState } from 'react'
import type { FriendRequest, FriendRequestStatus } from '@/contract/friend-pay.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Countdown } from '@/ui/Countdown.tsx'
import { Money } from '@/ui/Money.tsx'
import { copyText } from './copy-text.ts'

interface WaitingViewProps {
  request: FriendRequest
  status: FriendRequestStatus
  busy: boolean
  onCancel: () => void
  /** Over to the simulated WeChat's chat picker, the share text ready to send. */
  onOpenWechat: ((shareText: string) => void) | undefined
  /** A new request after this one ended. */
  onAgain: () => void
}

/** 等待好友付款: the link, copy (or select it by hand), WeChat, the link's expiry, cancel; live status. */
export function WaitingView({
  request,
  status,
  busy,
  onCancel,
  onOpenWechat,
  onAgain,
}: WaitingViewProps) {
  const { t } = useT()
  const [copied, setCopied] = useState<'idle' | 'done' | 'manual'>('idle')
  const manual = useRef<HTMLTextAreaElement>(null)
  const url = `${window.location.origin}${request.path}`
  const shareText = t('friendPay.wait.shareText', { message: request.message, url }).trim()
  const open = status === 'OPEN'

  async function copy(): Promise<boolean> {
    const ok = await copyText(shareText)
    setCopied(ok ? 'done' : 'manual')
    if (!ok)
      requestAnimationFrame(() => {
        manual.current?.focus()
        manual.current?.select()
      })
    return ok
  }

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
        {open && request.via === 'wechat' && onOpenWechat && (
          <button
            type="button"
            className="btn-primary"
            data-testid="friend-pay-wechat"
            onClick={() => onOpenWechat(shareText)}
          >
            {t('friendPay.wait.toWechat')}
          </button>
        )}
        <button
          type="button"
          className={request.via === 'wechat' ? 'friend__secondary' : 'btn-primary'}
          data-testid="friend-pay-copy"
          disabled={!open}
          onClick={() => void copy()}
        >
          {request.via === 'qq' ? t('friendPay.wait.toQq') : t('friendPay.wait.copy')}
        </button>
        {open ? (
          <button
            type="button"
            className="friend__secondary"
            data-testid="friend-pay-cancel"
            disabled={busy}
            onClick={onCancel}
          >
            {t('friendPay.wait.cancel')}
          </button>
        ) : status !== 'PAID' ? (
          <button type="button" className="friend__secondary" onClick={onAgain}>
            {t('friendPay.share.create')}
          </button>
        ) : null}
      </div>
    </div>
  )
}
