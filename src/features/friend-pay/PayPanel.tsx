import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { ForgotPassword } from '@/ui/ForgotPassword.tsx'
import { PinPad } from '@/ui/PinPad.tsx'
import { PinSummary } from '@/ui/PinSummary.tsx'
import { Sheet, SheetHead } from '@/ui/Sheet.tsx'
import { formatMoney } from '@/lib/format.ts'
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
      <button
        type="button"
        className={`btn-primary fp__confirm fp__confirm--${wallet}`}
        data-testid="friend-pay-confirm"
        onClick={() => send({ type: 'OPEN_PAD' })}
      >
        {t('friendPay.page.pay')}
      </button>
      {padOpen && <PaySheet state={state} wallet={wallet} error={error} send={send} />}
    </section>
  )
}

interface PaySheetProps {
  state: FriendPayState
  wallet: FriendWallet
  error: string | null
  send: (intent: FriendPayIntent) => void
}

const PIN_TITLE = 'fp-pin-title'

/**
 * 请输入支付密码 as the wallets draw it: a bottom sheet over the page (focus stays inside, Escape or ✕
 * closes it), with the amount and the way it pays above the boxes, the keypad at the bottom of the screen.
 */
function PaySheet({ state, wallet, error, send }: PaySheetProps) {
  const { t, lang } = useT()
  const close = () => send({ type: 'CLOSE_PAD' })
  return (
    <Sheet onClose={close} labelledBy={PIN_TITLE} testId="friend-pay-sheet" closeOnScrim={false}>
      <div className={`fp__pad fp__pad--${wallet}`}>
        <PinPad
          key={state.tries}
          look="friend"
          testId="pin-pad"
          titleId={PIN_TITLE}
          busy={state.busy}
          busyText={t('friendPay.page.paying')}
          error={error}
          onComplete={(password) => send({ type: 'PASSWORD', password })}
          head={
            <>
              <SheetHead
                id={PIN_TITLE}
                title={t('friendPay.page.pinTitle')}
                closeLabel={t('common.close')}
                closeSide="left"
                closeTestId="friend-pay-pin-close"
                onClose={close}
              />
              {state.view && (
                <PinSummary
                  amount={formatMoney(state.view.amountFen, lang)}
                  method={t(`friendPay.page.sources.${state.source}`)}
                />
              )}
            </>
          }
          links={<ForgotPassword realm={wallet} />}
        />
      </div>
    </Sheet>
  )
}
