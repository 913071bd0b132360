import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { isApiError } from '@/lib/api/client.ts'
import { formatMoney } from '@/lib/format.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import { PaySuccess } from './PaySuccess.tsx'
import { payeeName, sourceName } from './pay-text.ts'
import { SourcePicker } from './SourcePicker.tsx'
import { usePaySheet } from './usePaySheet.ts'
import { WxDialog } from './WxDialog.tsx'
import { WxHeader } from './WxHeader.tsx'
import { IconChevron, IconClose } from './wx-icons.tsx'
import { WxPinPad } from './WxPinPad.tsx'
import './wechat-pay.css'

/** `?from=` names the app that jumped here: leaving the sheet goes back to it. */
export const FROM_PARAM = 'from'

interface PayScreenProps {
  /** Leaves the sheet: back to the app that jumped here, or to WeChat's chats. */
  onLeave: (jumped: boolean) => void
}

/** `/wechat/pay?pr=TOKEN`: WeChat's pay sheet for a scanned code or a jump from Taobao. */
export function PayScreen({ onLeave }: PayScreenProps) {
  const { t, lang } = useT()
  const [params] = useSearchParams()
  const token = params.get('pr') ?? ''
  const jumped = params.has(FROM_PARAM)
  const pay = usePaySheet(token)
  const [choosing, setChoosing] = useState(false)
  const data = pay.sheet.data
  const leave = () => onLeave(jumped)

  if (pay.state.step === 'success') {
    return <PaySuccess payment={pay.state.payment} payee={data?.payee ?? ''} onDone={leave} />
  }

  const closeButton = (
    <button
      type="button"
      className="wx-header__btn"
      aria-label={jumped ? t('wechat.pay.backToMerchant') : t('common.close')}
      onClick={leave}
    >
      <IconClose size={22} />
    </button>
  )

  let body: React.ReactNode
  let overlay: React.ReactNode = null
  if (!data) {
    const code = isApiError(pay.sheet.error) ? pay.sheet.error.code : null
    body = pay.sheet.error ? (
      <Ended
        text={
          code === 'LINK_EXPIRED'
            ? t('wechat.pay.expired')
            : code === 'NOT_FOUND'
              ? t('wechat.pay.invalid')
              : errorText(t, lang, pay.sheet.error)
        }
        onRetry={code === 'LINK_EXPIRED' || code === 'NOT_FOUND' ? undefined : pay.sheet.reload}
      />
    ) : (
      <div className="wx-empty" aria-busy="true">
        <Spinner />
      </div>
    )
  } else if (data.status !== 'NOTPAY' && data.status !== 'USERPAYING') {
    body = (
      <Ended
        text={
          data.status === 'SUCCESS'
            ? t('wechat.pay.alreadyPaid')
            : data.status === 'REFUND'
              ? t('wechat.pay.refunded')
              : t('wechat.pay.closed')
        }
      />
    )
  } else {
    const amount = formatMoney(data.amountFen, lang)
    const payee = payeeName(data.payee, lang)
    const sourceRow = (onClick: () => void) => (
      <button type="button" className="wx-pay__row" onClick={onClick}>
        <span className="wx-pay__row-label">{t('wechat.pay.method')}</span>
        <span className="wx-pay__row-value">
          {pay.source ? sourceName(t, pay.source) : '—'}
          <IconChevron />
        </span>
      </button>
    )
    body = (
      <div className="wx-pay">
        <div className="wx-pay__merchant">
          <span className="wx-pay__logo" aria-hidden="true">
            淘
          </span>
          <p className="wx-pay__payee">{payee}</p>
          <p className="wx-pay__desc">{data.description}</p>
        </div>
        <p className="wx-pay__amount" data-testid="wechat-pay-amount">
          {amount}
        </p>
        <div className="wx-pay__rows">
          <div className="wx-pay__row">
            <span className="wx-pay__row-label">{t('wechat.pay.payee')}</span>
            <span className="wx-pay__row-value">{payee}</span>
          </div>
          {sourceRow(() => setChoosing(true))}
        </div>
        <button
          type="button"
          className="wx-btn wx-pay__confirm"
          data-testid="wechat-pay-confirm"
          disabled={!pay.source?.enabled || pay.state.step === 'paying'}
          onClick={pay.start}
        >
          {t('wechat.pay.confirm')}
        </button>
        {pay.source && !pay.source.enabled && (
          <p className="wx-pay__short">{t('wechat.pay.notEnough')}</p>
        )}
      </div>
    )
    overlay = (
      <>
        {(pay.state.step === 'pin' || pay.state.step === 'paying') && (
          <WxPinPad
            key={pay.state.step === 'pin' ? pay.state.tries : 'paying'}
            busy={pay.state.step === 'paying'}
            onComplete={(password) => void pay.pay(password)}
            onClose={pay.cancelPin}
            summary={
              <div className="wx-pin__summary">
                <p className="wx-pin__payee">{payee}</p>
                <p className="wx-pin__amount">{amount}</p>
                {sourceRow(() => setChoosing(true))}
              </div>
            }
          />
        )}
        {choosing && (
          <SourcePicker
            sources={data.sources}
            selected={pay.source?.id ?? null}
            onPick={(id) => {
              pay.choose(id)
              setChoosing(false)
            }}
            onClose={() => setChoosing(false)}
          />
        )}
      </>
    )
  }

  return (
    <div className="wx wx--white">
      <WxHeader title={t('wechat.pay.title')} left={closeButton} />
      <main className="wx-main">{body}</main>
      {overlay}
      {pay.problem && (
        <WxDialog
          testId="wechat-pay-error"
          text={
            isApiError(pay.problem) && pay.problem.code === 'PASSWORD_ERROR'
              ? t('wechat.pay.wrongPassword')
              : errorText(t, lang, pay.problem)
          }
          actions={
            isApiError(pay.problem) && pay.problem.code === 'PASSWORD_ERROR'
              ? [
                  { label: t('wechat.pay.forgot'), onClick: pay.dismissProblem },
                  { label: t('wechat.pay.retry'), onClick: pay.dismissProblem },
                ]
              : [{ label: t('wechat.code.ok'), onClick: pay.dismissProblem }]
          }
        />
      )}
    </div>
  )
}

function Ended({ text, onRetry }: { text: string; onRetry?: (() => void) | undefined }) {
  const { t } = useT()
  return (
    <div className="wx-pay wx-pay--ended" role="alert">
      <span className="wx-pay__warn" aria-hidden="true">
        !
      </span>
      <p className="wx-pay__ended-text">{text}</p>
      {onRetry && (
        <button type="button" className="wx-btn wx-btn--plain" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}
