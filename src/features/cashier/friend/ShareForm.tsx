import { useState } from 'react'
import type { ShareVia } from '@/contract/friend-pay.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import { clearDraft, readDraft, saveDraft } from './message-draft.ts'

/** The contract's limit on the message (FriendMessageSchema). */
export const MESSAGE_MAX = 100
const VIAS: ShareVia[] = ['wechat', 'qq', 'link']

interface ShareFormProps {
  /** Whose message draft this is (kept per order across a reload: message-draft.ts). */
  orderId: string
  busy: boolean
  onCreate: (message: string, via: ShareVia) => void
}

/** Who to send it to (WeChat friend, QQ friend, copy link) and the message that goes with the link. */
export function ShareForm({ orderId, busy, onCreate }: ShareFormProps) {
  const { t } = useT()
  const [via, setVia] = useState<ShareVia>('wechat')
  const [message, setMessage] = useState(
    () => readDraft(orderId) ?? t('friendPay.share.defaultMessage'),
  )
  return (
    <form
      className="friend__form"
      onSubmit={(e) => {
        e.preventDefault()
        clearDraft(orderId)
        onCreate(message.trim(), via)
      }}
    >
      <fieldset className="friend__vias">
        <legend>{t('friendPay.share.via')}</legend>
        {VIAS.map((v) => (
          <label
            key={v}
            className={v === via ? 'friend__via friend__via--on' : 'friend__via'}
            data-testid={`friend-pay-via-${v}`}
          >
            <input
              type="radio"
              name="friend-via"
              value={v}
              checked={v === via}
              onChange={() => setVia(v)}
            />
            {t(`friendPay.share.${v}`)}
          </label>
        ))}
      </fieldset>
      <label className="friend__message">
        <span>{t('friendPay.share.message')}</span>
        <textarea
          data-testid="friend-pay-message"
          value={message}
          maxLength={MESSAGE_MAX}
          rows={3}
          onChange={(e) => {
            setMessage(e.target.value)
            saveDraft(orderId, e.target.value)
          }}
        />
        <span className="friend__counter" aria-hidden="true">
          {t('friendPay.share.counter', { n: message.length, max: MESSAGE_MAX })}
        </span>
      </label>
      <button
        type="submit"
        className="btn-primary friend__create"
        data-testid="friend-pay-create"
        disabled={busy}
        aria-busy={busy}
      >
        {busy && <Spinner />}
        {busy ? t('friendPay.share.creating') : t('friendPay.share.create')}
      </button>
    </form>
  )
}
