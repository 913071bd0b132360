import { useLocation } from 'react-router'
import { goodsText } from '@/lib/goods-text.ts'
import { paySheetOf } from '@/contract/paths.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { formatMoney } from '@/lib/format.ts'
import { LoadState } from '@/ui/LoadState.tsx'
import { MerchantPayScreen } from './MerchantPayScreen.tsx'
import { useSettings } from '@/lib/settings.ts'
import { isPayable, paidByViewer, sourceOf } from './pay-sheet-flow.ts'
import { PaySuccess } from './PaySuccess.tsx'
import { payeeName } from './pay-text.ts'
import { PayConfirm, PayOverlays, SourceRow } from './PaySheetParts.tsx'
import { usePaySheet } from './usePaySheet.ts'
import { WxDialog } from './WxDialog.tsx'
import { WxHeader } from './WxHeader.tsx'
import { IconClose } from './wx-icons.tsx'
import './wechat-pay.css'

interface PayScreenProps {
  /** Leaves the sheet: back to the app that jumped here, or to WeChat's chats. */
  onLeave: (jumped: boolean) => void
}

const SHOWN_KEY = 'wechatPaid'

/** This history entry showed 支付成功 for `token` (kept in its state, so a reload still knows). */
function markShown(token: string): void {
  const state: unknown = window.history.state
  const base = typeof state === 'object' && state !== null ? state : {}
  window.history.replaceState({ ...base, [SHOWN_KEY]: token }, '')
}

/** A reload of the entry that showed it (opening the code again is a new scan, even at the same URL). */
function shownHere(token: string): boolean {
  const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
  const state: unknown = window.history.state
  if (nav?.type !== 'reload' || typeof state !== 'object' || state === null) return false
  return SHOWN_KEY in state && state[SHOWN_KEY] === token
}

/** `/wechat/pay?pr=TOKEN`: WeChat's pay sheet for a scanned code or a jump from Taobao. */
export function PayScreen({ onLeave }: PayScreenProps) {
  const { t, lang } = useT()
  const { search } = useLocation()
  const { token, jumped } = paySheetOf(search)
  const { state, send } = usePaySheet(token, jumped, () => onLeave(jumped))
  const persona = useSettings((s) => s.persona)
  const { sheet: data, pay } = state
  const source = sourceOf(state)
  const leave = () => send({ type: 'LEAVE' })
  const dismiss = () => send({ type: 'DISMISS' })
  const forgot = () => send({ type: 'FORGOT_PASSWORD' })

  // Not Taobao's: a merchant's code_url (the APIv3 sandbox), scanned the same way.
  if (!data && state.error?.code === 'NOT_FOUND' && token) {
    return (
      <MerchantPayScreen
        key={token}
        origin={{ kind: 'token', token }}
        mode="scan"
        onLeave={() => onLeave(jumped)}
      />
    )
  }
  if (pay.step === 'success') {
    return (
      <PaySuccess
        payment={pay.payment}
        payee={data?.payee ?? ''}
        onDone={leave}
        onShown={() => markShown(token)}
      />
    )
  }
  // 支付成功 reloaded: still the payer's success, not "already paid" (that is for a new scan, or anyone else).
  if (data && paidByViewer(data, persona, shownHere(token))) {
    return <PaySuccess payment={data} payee={data.payee} onDone={leave} />
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
    const code = state.error?.code ?? null
    body = !state.error ? (
      <LoadState error={null} className="wx-empty" />
    ) : code === 'LINK_EXPIRED' || code === 'NOT_FOUND' ? (
      <Ended text={code === 'LINK_EXPIRED' ? t('wechat.pay.expired') : t('wechat.pay.invalid')} />
    ) : (
      <Ended text={errorText(t, lang, state.error)} onRetry={() => send({ type: 'RELOAD' })} />
    )
  } else if (!isPayable(data)) {
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
    body = (
      <div className="wx-pay">
        <div className="wx-pay__merchant">
          <span className="wx-pay__logo" aria-hidden="true">
            淘
          </span>
          <p className="wx-pay__payee">{payee}</p>
          <p className="wx-pay__desc">{goodsText(t, data.goods, data.description)}</p>
        </div>
        <p className="wx-pay__amount" data-testid="wechat-pay-amount">
          {amount}
        </p>
        <div className="wx-pay__rows">
          <div className="wx-pay__row">
            <span className="wx-pay__row-label">{t('wechat.pay.payee')}</span>
            <span className="wx-pay__row-value">{payee}</span>
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
        payee={payee}
        amount={amount}
        source={source ?? null}
        sources={data.sources}
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
    <div className="wx wx--white">
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
