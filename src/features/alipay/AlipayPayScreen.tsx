import { useRef, type ReactNode } from 'react'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { formatMoney } from '@/lib/format.ts'
import { IconBack } from '@/ui/icons.tsx'
import { LoadState } from '@/ui/LoadState.tsx'
import { Modal } from '@/ui/Modal.tsx'
import { isAlipayPayable } from '@/lib/alipay-pay/alipay-pay-flow.ts'
import { useAlipayPay, type AlipayLeave } from '@/lib/alipay-pay/useAlipayPay.ts'
import { AlipayPayControls } from '@/ui/alipay/AlipayPayControls.tsx'
import { AlipayPaySuccess } from './AlipayPaySuccess.tsx'
import './alipay-pay.css'
import './alipay-result.css'

interface AlipayPayScreenProps {
  token: string
  onLeave: AlipayLeave
}

/**
 * The simulated Alipay cashier (支付宝收银台) of a merchant's trade: where wap.pay / page.pay send the
 * browser, and what a scanned precreate qr_code opens. The merchant, the subject, the amount, 余额 / 花呗 /
 * 银行卡, the 6-digit password, 支付成功, back to the merchant's return_url.
 */
export function AlipayPayScreen({ token, onLeave }: AlipayPayScreenProps) {
  const { t, lang } = useT()
  const { state, send } = useAlipayPay(token, onLeave)
  const { sheet, pay } = state
  const okRef = useRef<HTMLButtonElement>(null)
  const methodName = t(`alipay.method.${state.method}`)
  const leave = () => send({ type: 'LEAVE' })

  let body: ReactNode
  if (pay.step === 'success') {
    body = (
      <AlipayPaySuccess
        trade={pay.trade}
        tradeNo={pay.tradeNo}
        methodName={methodName}
        onDone={leave}
      />
    )
  } else if (!sheet) {
    const code = state.error?.code ?? null
    body = !state.error ? (
      <LoadState error={null} className="ali-ended" />
    ) : code === 'ORDER_NOT_EXIST' || code === 'NOT_FOUND' ? (
      <Ended text={t('alipay.ended.notFound')} />
    ) : (
      <Ended text={errorText(t, lang, state.error)} onRetry={() => send({ type: 'RELOAD' })} />
    )
  } else if (!isAlipayPayable(sheet)) {
    body = (
      <Ended
        text={
          sheet.status === 'TRADE_SUCCESS'
            ? t('alipay.ended.paid')
            : sheet.status === 'TRADE_FINISHED'
              ? t('alipay.ended.finished')
              : t('alipay.ended.closed')
        }
      />
    )
  } else {
    const amount = formatMoney(sheet.amountFen, lang)
    body = (
      <div className="ali-pay" data-testid="alipay-pay-sheet" data-product={sheet.product}>
        <section className="ali-order" aria-labelledby="alipay-amount-label">
          <p className="ali-order__label" id="alipay-amount-label">
            {t('alipay.amount')}
          </p>
          <p className="ali-order__amount" data-testid="alipay-pay-amount">
            {amount}
          </p>
          <p className="ali-order__subject" data-testid="alipay-pay-subject">
            {sheet.subject}
          </p>
        </section>
        <dl className="ali-rows">
          <div className="ali-row">
            <dt>{t('alipay.merchant')}</dt>
            <dd data-testid="alipay-pay-merchant">{sheet.merchantName}</dd>
          </div>
          <div className="ali-row">
            <dt>{t('alipay.orderNo')}</dt>
            <dd className="ali-row__no">{sheet.outTradeNo}</dd>
          </div>
        </dl>
        <AlipayPayControls
          state={state}
          send={send}
          amount={amount}
          methodName={methodName}
          testIdPrefix="alipay-pay"
          footClassName="ali-pay__foot"
          buttonClassName="ali-btn"
        />
      </div>
    )
  }

  return (
    <div className="ali" data-testid="alipay-cashier">
      <div className="ali-address" aria-hidden="true">
        {t('alipay.address')}
      </div>
      <header className="ali-header">
        {pay.step !== 'success' && (
          <button
            type="button"
            className="ali-header__back"
            aria-label={t('alipay.back')}
            data-testid="alipay-pay-quit"
            onClick={leave}
          >
            <IconBack size={22} />
          </button>
        )}
        <h1 className="ali-header__title">
          <span className="ali-logo" aria-hidden="true">
            支
          </span>
          {t('alipay.cashier')}
        </h1>
      </header>
      <main className="ali-main">{body}</main>
      <p className="ali-sim">{t('alipay.simNote')}</p>
      {state.problem && pay.step === 'sheet' && (
        <Modal
          role="alertdialog"
          labelledBy="alipay-problem-title"
          describedBy="alipay-problem-text"
          className="ali-dialog-layer"
          initialFocus={okRef}
          testId="alipay-pay-error"
          onCancel={() => send({ type: 'DISMISS' })}
        >
          <div className="ali-dialog">
            <h2 className="ali-dialog__title" id="alipay-problem-title">
              {t('alipay.problemTitle')}
            </h2>
            <p className="ali-dialog__text" id="alipay-problem-text">
              {errorText(t, lang, state.problem)}
            </p>
            <button
              ref={okRef}
              type="button"
              className="ali-dialog__ok"
              onClick={() => send({ type: 'DISMISS' })}
            >
              {t('alipay.ok')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  )
}

function Ended(props: { text: string; onRetry?: () => void }) {
  const { t } = useT()
  return (
    <div className="ali-ended" role="alert" data-testid="alipay-pay-ended">
      <span className="ali-ended__mark" aria-hidden="true">
        !
      </span>
      <p className="ali-ended__text">{props.text}</p>
      {props.onRetry && (
        <button type="button" className="ali-btn ali-btn--plain" onClick={props.onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}
