import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconBack } from '@/ui/icons.tsx'
import { IconCheck, IconClose } from '@/ui/more-icons.tsx'
import { Money } from '@/ui/Money.tsx'
import { ForgotPassword } from '@/ui/ForgotPassword.tsx'
import { PinPad } from '@/ui/PinPad.tsx'
import { PinSummary } from '@/ui/PinSummary.tsx'
import { formatMoney } from '@/lib/format.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import { UnionPayMark } from './BrandIcon.tsx'
import type { Intent, UnionPayState } from './flow-state.ts'
import './unionpay.css'

interface UnionPaySheetProps {
  unionpay: UnionPayState
  send: (intent: Intent) => void
}

/**
 * 云闪付 (UnionPay QuickPass) over the whole phone after the jump: its own red-and-white sheet with the
 * amount, the payee and the card, its own 6-digit password, then back to Taobao.
 */
export function UnionPaySheet({ unionpay, send }: UnionPaySheetProps) {
  const { t, lang } = useT()
  if (unionpay.phase === 'jumping' || unionpay.phase === 'returning') {
    return (
      <div className="up up--jump" role="status" aria-live="polite">
        <span className="up__jump-mark">
          <UnionPayMark />
        </span>
        <Spinner />
        <p>
          {unionpay.phase === 'returning'
            ? t('cashier.unionpay.returning')
            : t('cashier.unionpay.jumping')}
        </p>
      </div>
    )
  }

  const { sheet, phase } = unionpay
  const pin = unionpay.phase === 'pin' ? unionpay : null
  const source = sheet.sources[0]
  return (
    <section className="up" data-testid="unionpay-sheet" aria-labelledby="unionpay-title">
      <header className="up__bar">
        <button
          type="button"
          className="up__bar-btn"
          aria-label={t('cashier.unionpay.cancel')}
          data-testid="unionpay-cancel"
          disabled={pin?.busy === true || phase === 'success'}
          onClick={() => send({ type: 'UP_CANCEL' })}
        >
          <IconClose size={22} />
        </button>
        <h2 id="unionpay-title" className="up__brand">
          <UnionPayMark />
          {t('cashier.unionpay.title')}
        </h2>
      </header>
      <div className="up__body">
        {phase === 'success' ? (
          <div className="up__done">
            <span className="up__done-badge">
              <IconCheck size={34} strokeWidth={2.8} />
            </span>
            <p className="up__done-title">{t('cashier.unionpay.success')}</p>
            <Money fen={sheet.amountFen} tag className="up__amount" />
            <p className="up__muted">{sheet.payee}</p>
          </div>
        ) : (
          <>
            <p className="up__muted">{t('cashier.unionpay.amount')}</p>
            <Money fen={sheet.amountFen} tag className="up__amount" />
            <dl className="up__facts">
              <div>
                <dt>{t('cashier.unionpay.payee')}</dt>
                <dd>{sheet.payee}</dd>
              </div>
              <div>
                <dt>{t('cashier.unionpay.card')}</dt>
                <dd>
                  {source?.card ? t('cashier.card', source.card) : '—'}
                  {source && !source.enabled && (
                    <span className="up__warn">{t('cashier.unionpay.unavailable')}</span>
                  )}
                </dd>
              </div>
            </dl>
          </>
        )}
      </div>
      <div className="up__foot">
        {phase === 'success' ? (
          <button
            type="button"
            className="up__btn"
            data-testid="unionpay-done"
            onClick={() => send({ type: 'UP_DONE' })}
          >
            {t('cashier.unionpay.done')}
          </button>
        ) : (
          <button
            type="button"
            className="up__btn"
            data-testid="unionpay-pay"
            disabled={!source?.enabled}
            onClick={() => send({ type: 'UP_PAY' })}
          >
            {t('cashier.unionpay.pay')}
          </button>
        )}
      </div>
      {pin && (
        <div className="up__pin">
          <PinPad
            key={pin.tries}
            look="unionpay"
            testId="pin-pad"
            titleId="unionpay-pin-title"
            busy={pin.busy}
            busyText={t('pin.paying')}
            error={pin.problem ? errorText(t, lang, pin.problem) : null}
            hint={t('pin.hint')}
            onComplete={(password) => send({ type: 'PASSWORD', password })}
            links={<ForgotPassword realm="unionpay" />}
            head={
              <>
                <div className="sheet__head">
                  <button
                    type="button"
                    className="sheet__close sheet__close--left"
                    aria-label={t('cashier.unionpay.pinBack')}
                    disabled={pin.busy}
                    onClick={() => send({ type: 'UP_PIN_BACK' })}
                  >
                    <IconBack size={22} />
                  </button>
                  <h2 id="unionpay-pin-title">{t('cashier.unionpay.pinTitle')}</h2>
                </div>
                <PinSummary
                  amount={formatMoney(sheet.amountFen, lang)}
                  method={
                    source?.card ? t('cashier.card', source.card) : t('cashier.methods.unionpay')
                  }
                />
              </>
            }
          />
        </div>
      )}
    </section>
  )
}
