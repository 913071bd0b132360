import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { ForgotPassword } from '@/ui/ForgotPassword.tsx'
import { PinPad } from '@/ui/PinPad.tsx'
import { SOURCES, type FriendPayIntent, type FriendPayState, type FriendWallet } from './flow.ts'

interface PayPanelProps {
  state: FriendPayState
  wallet: FriendWallet
  send: (intent: FriendPayIntent) => void
}

/** 立即帮TA付款: the friend's own wallet (WeChat Pay in WeChat, Alipay elsewhere), then the password. */
export function PayPanel({ state, wallet, send }: PayPanelProps) {
  const { t, lang } = useT()
  const { padOpen, problem } = state
  const error = problem ? errorText(t, lang, problem) : null
  return (
    <section className="fp__pay">
      <fieldset className="fp__sources">
        <legend>{t(`friendPay.page.payWith.${wallet}`)}</legend>
        {SOURCES[wallet].map((s) => (
          <label key={s} className="fp__source">
            <input
              type="radio"
              name="fp-source"
              value={s}
              checked={s === state.source}
              disabled={padOpen}
              onChange={() => send({ type: 'PICK', source: s })}
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
        <div className="fp__pad">
          <PinPad
            key={state.tries}
            look="friend"
            testId="pin-pad"
            titleId="fp-pin-title"
            busy={state.busy}
            busyText={t('friendPay.page.paying')}
            error={error}
            onComplete={(password) => send({ type: 'PASSWORD', password })}
            head={<h2 id="fp-pin-title">{t('friendPay.page.pinTitle')}</h2>}
            links={<ForgotPassword realm={wallet} />}
          />
        </div>
      ) : (
        <button
          type="button"
          className={`btn-primary fp__confirm fp__confirm--${wallet}`}
          data-testid="friend-pay-confirm"
          onClick={() => send({ type: 'OPEN_PAD' })}
        >
          {t('friendPay.page.pay')}
        </button>
      )}
    </section>
  )
}
