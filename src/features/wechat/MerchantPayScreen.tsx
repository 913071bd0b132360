import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { formatMoney } from '@/lib/format.ts'
import { LoadState } from '@/ui/LoadState.tsx'
import {
  isMerchantPayable,
  merchantSource,
  type MerchantPayEnd,
  type MerchantPayOrigin,
} from './merchant-pay-flow.ts'
import { PaySuccess } from './PaySuccess.tsx'
import { payeeName } from './pay-text.ts'
import { PayConfirm, PayOverlays, SourceRow } from './PaySheetParts.tsx'
import { useMerchantPay } from './useMerchantPay.ts'
import { WxDialog } from './WxDialog.tsx'
import { WxHeader } from './WxHeader.tsx'
import { IconClose } from './wx-icons.tsx'
import './wechat-pay.css'
import './merchant-pay.css'

interface MerchantPayScreenProps {
  origin: MerchantPayOrigin
  /** Where the sheet is: scanned in WeChat, the H5 cashier in a phone's browser, WeixinJSBridge's frame. */
  mode: 'scan' | 'h5' | 'jsapi'
  onLeave: (end: MerchantPayEnd) => void
}

/**
 * WeChat's pay sheet of a merchant's order (APIv3 sandbox): the merchant's name, the description, the
 * amount, 零钱 or the card, the password, 支付成功.
 */
export function MerchantPayScreen({ origin, mode, onLeave }: MerchantPayScreenProps) {
  const { t, lang } = useT()
  const { state, send } = useMerchantPay(origin, onLeave)
  const { sheet, pay } = state
  const source = merchantSource(state)
  const leave = () => send({ type: 'LEAVE' })
  const dismiss = () => send({ type: 'DISMISS' })
  const forgot = () => send({ type: 'FORGOT_PASSWORD' })

  if (pay.step === 'success') {
    return <PaySuccess payment={pay.paid} payee={pay.paid.merchant} onDone={leave} />
  }

  const closeLabel = mode === 'scan' ? t('common.close') : t('wechat.merchantPay.h5Return')
  const closeButton = (
    <button
      type="button"
      className="wx-header__btn"
      aria-label={closeLabel}
      data-testid="wechat-pay-close"
      onClick={leave}
    >
      <IconClose size={22} />
    </button>
  )

  let body: React.ReactNode
  let overlay: React.ReactNode = null
  if (!sheet) {
    const code = state.error?.code ?? null
    body = !state.error ? (
      <LoadState error={null} className="wx-empty" />
    ) : code === 'PAY_SIGN_ERROR' ? (
      <Ended
        text={t('wechat.merchantPay.signError')}
        hint={t('wechat.merchantPay.signErrorHint')}
      />
    ) : code === 'NOT_FOUND' ? (
      <Ended text={t('wechat.pay.invalid')} />
    ) : (
      <Ended text={errorText(t, lang, state.error)} onRetry={() => send({ type: 'RELOAD' })} />
    )
  } else if (!isMerchantPayable(sheet)) {
    body = (
      <Ended
        text={
          sheet.status === 'SUCCESS'
            ? t('wechat.pay.alreadyPaid')
            : sheet.status === 'REFUND'
              ? t('wechat.pay.refunded')
              : t('wechat.pay.closed')
        }
      />
    )
  } else {
    const amount = formatMoney(sheet.amountFen, lang)
    const merchant = payeeName(sheet.merchant, lang)
    body = (
      <div className="wx-pay" data-testid="wechat-merchant-sheet" data-trade-type={sheet.tradeType}>
        <div className="wx-pay__merchant">
          <span className="wx-pay__logo wx-mpay__logo" aria-hidden="true">
            {Array.from(merchant)[0] ?? '商'}
          </span>
          <p className="wx-pay__payee" data-testid="wechat-pay-merchant">
            {merchant}
          </p>
          <p className="wx-pay__desc" data-testid="wechat-pay-description">
            {sheet.description}
          </p>
        </div>
        <p className="wx-pay__amount" data-testid="wechat-pay-amount">
          {amount}
        </p>
        <div className="wx-pay__rows">
          <div className="wx-pay__row">
            <span className="wx-pay__row-label">{t('wechat.pay.payee')}</span>
            <span className="wx-pay__row-value">{merchant}</span>
          </div>
          <div className="wx-pay__row">
            <span className="wx-pay__row-label">{t('wechat.merchantPay.orderNo')}</span>
            <span className="wx-pay__row-value wx-mpay__no">{sheet.outTradeNo}</span>
          </div>
          <SourceRow source={source ?? null} onChoose={() => send({ type: 'CHOOSE' })} />
        </div>
        <PayConfirm
          source={source ?? null}
          busy={pay.step === 'pin' && pay.busy}
          onConfirm={() => send({ type: 'START' })}
        />
      </div>
    )
    overlay = (
      <PayOverlays
        pin={pay.step === 'pin' ? pay : null}
        lock={state.lock}
        reset={state.reset}
        paused={state.problem !== null}
        choosing={state.choosing}
        payee={merchant}
        amount={amount}
        source={source ?? null}
        sources={sheet.sources}
        onPassword={(password) => send({ type: 'PASSWORD', password })}
        onCancelPin={() => send({ type: 'CANCEL_PIN' })}
        onChoose={() => send({ type: 'CHOOSE' })}
        onPick={(id) => send({ type: 'PICK', source: id })}
        onClosePicker={() => send({ type: 'CLOSE_PICKER' })}
        onReset={send}
      />
    )
  }

  return (
    <div className={`wx wx--white wx-mpay wx-mpay--${mode}`}>
      {mode === 'h5' && (
        <div className="wx-mpay__address" aria-hidden="true">
          <span className="wx-mpay__lock" />
          {t('wechat.merchantPay.h5Address')}
        </div>
      )}
      <WxHeader title={t('wechat.pay.title')} left={closeButton} />
      <main className="wx-main">{body}</main>
      {overlay}
      {state.problem && (
        <WxDialog
          testId="wechat-pay-error"
          onCancel={dismiss}
          text={
            state.problem.code === 'PASSWORD_ERROR'
              ? t('wechat.pay.wrongPassword')
              : state.problem.code === 'PARAM_ERROR'
                ? t('wechat.merchantPay.notForYou')
                : errorText(t, lang, state.problem)
          }
          actions={
            state.problem.code === 'PASSWORD_ERROR'
              ? [
                  { label: t('wechat.pay.forgot'), onClick: forgot },
                  { label: t('wechat.pay.retry'), onClick: dismiss },
                ]
              : [{ label: t('wechat.code.ok'), onClick: dismiss }]
          }
        />
      )}
    </div>
  )
}

function Ended(props: { text: string; hint?: string; onRetry?: (() => void) | undefined }) {
  const { t } = useT()
  return (
    <div className="wx-pay wx-pay--ended" role="alert" data-testid="wechat-pay-ended">
      <span className="wx-pay__warn" aria-hidden="true">
        !
      </span>
      <p className="wx-pay__ended-text">{props.text}</p>
      {props.hint && <p className="wx-mpay__hint">{props.hint}</p>}
      {props.onRetry && (
        <button type="button" className="wx-btn wx-btn--plain" onClick={props.onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}
