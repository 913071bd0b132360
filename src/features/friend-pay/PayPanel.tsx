import { useState } from 'react'
import type { PayFriendRequestBody } from '@/contract/friend-pay.ts'
import { isApiError } from '@/lib/api/client.ts'
import { payFriendRequest } from '@/lib/api/friend-pay.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { FriendPinPad } from './FriendPinPad.tsx'

type Source = PayFriendRequestBody['source']
/** Which wallet the page can reach: WeChat Pay inside WeChat's own browser, Alipay anywhere else. */
export type FriendWallet = 'wechat' | 'alipay'
const SOURCES: Record<FriendWallet, readonly [Source, ...Source[]]> = {
  wechat: ['wechat-balance', 'wechat-card'],
  alipay: ['alipay-balance', 'alipay-card'],
}

/** Codes after which the link is over: the page asks for its new state instead of the pad trying again. */
const ENDING = new Set(['ORDERPAID', 'ORDERCLOSED', 'LINK_EXPIRED', 'PAYMENT_CLOSED', 'NOT_FOUND'])

interface PayPanelProps {
  token: string
  wallet: FriendWallet
  onPaid: () => void
  /** The request ended meanwhile (paid another way, cancelled, expired). */
  onEnded: () => void
}

/** 立即帮TA付款: the friend's own wallet (WeChat Pay in WeChat, Alipay elsewhere), then the password. */
export function PayPanel({ token, wallet, onPaid, onEnded }: PayPanelProps) {
  const { t, lang } = useT()
  const sources = SOURCES[wallet]
  const [source, setSource] = useState<Source>(sources[0])
  const [padOpen, setPadOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [tries, setTries] = useState(0)

  async function pay(password: string) {
    setBusy(true)
    setError(null)
    try {
      await payFriendRequest(token, { password, source })
      onPaid()
    } catch (e) {
      setError(errorText(t, lang, e))
      setTries((n) => n + 1)
      if (isApiError(e) && ENDING.has(e.code)) {
        setPadOpen(false)
        onEnded()
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="fp__pay">
      <fieldset className="fp__sources">
        <legend>{t(`friendPay.page.payWith.${wallet}`)}</legend>
        {sources.map((s) => (
          <label key={s} className="fp__source">
            <input
              type="radio"
              name="fp-source"
              value={s}
              checked={s === source}
              disabled={padOpen}
              onChange={() => setSource(s)}
            />
            {t(`friendPay.page.sources.${s}`)}
          </label>
        ))}
      </fieldset>
      {wallet === 'alipay' && <p className="fp__hint">{t('friendPay.page.wechatHint')}</p>}
      {!padOpen && error && (
        <p className="pay-error" role="alert">
          {error}
        </p>
      )}
      {padOpen ? (
        <div role="group" aria-labelledby="fp-pin-title" className="fp__pad">
          <h2 id="fp-pin-title">{t('friendPay.page.pinTitle')}</h2>
          <FriendPinPad
            key={tries}
            busy={busy}
            error={error}
            onComplete={(password) => void pay(password)}
          />
        </div>
      ) : (
        <button
          type="button"
          className={`btn-primary fp__confirm fp__confirm--${wallet}`}
          data-testid="friend-pay-confirm"
          onClick={() => {
            setError(null)
            setPadOpen(true)
          }}
        >
          {t('friendPay.page.pay')}
        </button>
      )}
    </section>
  )
}
