import type { ReactNode } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { alipayAppPath, alipayBillPath, alipayScanPayToken } from '@/contract/paths.ts'
import { isAlipayPayable } from '@/lib/alipay-pay/alipay-pay-flow.ts'
import { useAlipayPay } from '@/lib/alipay-pay/useAlipayPay.ts'
import { formatMoney } from '@/lib/format.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { AlipayPayControls } from '@/ui/alipay/AlipayPayControls.tsx'
import { LoadState } from '@/ui/LoadState.tsx'
import { AliDialog } from './AliDialog.tsx'
import { AliHeader } from './AliHeader.tsx'
import { PaidView } from './PaidView.tsx'

/** `/alipay/scan/pay?token=…`: the pay sheet of a scanned code, keyed by its trade. */
export function ScanPayScreen() {
  const { search } = useLocation()
  const token = alipayScanPayToken(search)
  const { t } = useT()
  if (!token) return <Ended text={t('alipay.invalidLink')} />
  return <ScanPay key={token} token={token} />
}

/**
 * 确认付款 in the 支付宝 app: to whom, how much, for what; 余额 / 花呗 / 银行卡; 立即付款, the 6-digit password
 * (the cashier's flow, pad and lockout: lib/alipay-pay, ui/alipay), 支付成功, then home or the bill.
 */
function ScanPay({ token }: { token: string }) {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const home = () => void navigate(alipayAppPath(), { replace: true })
  const { state, send } = useAlipayPay(token, home)
  const { sheet, pay } = state
  const methodName = t(`alipay.method.${state.method}`)

  if (pay.step === 'success') {
    return (
      <PaidView
        trade={pay.trade}
        tradeNo={pay.tradeNo}
        methodName={methodName}
        onDone={() => send({ type: 'LEAVE' })}
        onBill={() => void navigate(alipayBillPath(pay.tradeNo), { replace: true })}
      />
    )
  }
  if (!sheet) {
    const code = state.error?.code ?? null
    if (!state.error)
      return <Frame onBack={home}>{<LoadState error={null} className="ali-app-ended" />}</Frame>
    return code === 'ORDER_NOT_EXIST' || code === 'NOT_FOUND' ? (
      <Ended text={t('alipay.ended.notFound')} onBack={home} />
    ) : (
      <Ended
        text={errorText(t, lang, state.error)}
        onBack={home}
        onRetry={() => send({ type: 'RELOAD' })}
      />
    )
  }
  if (!isAlipayPayable(sheet)) {
    const text =
      sheet.status === 'TRADE_SUCCESS'
        ? t('alipay.ended.paid')
        : sheet.status === 'TRADE_FINISHED'
          ? t('alipay.ended.finished')
          : t('alipay.ended.closed')
    return <Ended text={text} onBack={home} />
  }

  const amount = formatMoney(sheet.amountFen, lang)
  return (
    <Frame onBack={() => send({ type: 'LEAVE' })}>
      <div className="ali-confirm" data-testid="alipay-app-pay" data-product={sheet.product}>
        <section className="ali-confirm__head" aria-labelledby="ali-confirm-amount-label">
          <span className="ali-confirm__avatar" aria-hidden="true">
            {sheet.merchantName.slice(0, 1)}
          </span>
          <p className="ali-confirm__payee">
            {t('alipayApp.pay.payee')}{' '}
            <span data-testid="alipay-app-pay-merchant">{sheet.merchantName}</span>
          </p>
          <p className="visually-hidden" id="ali-confirm-amount-label">
            {t('alipay.amount')}
          </p>
          <p className="ali-confirm__amount" data-testid="alipay-app-pay-amount">
            {amount}
          </p>
        </section>
        <dl className="ali-confirm__rows">
          <div className="ali-confirm__row">
            <dt>{t('alipayApp.pay.subject')}</dt>
            <dd data-testid="alipay-app-pay-subject">{sheet.subject}</dd>
          </div>
          <div className="ali-confirm__row">
            <dt>{t('alipay.orderNo')}</dt>
            <dd className="ali-confirm__no">{sheet.outTradeNo}</dd>
          </div>
        </dl>
        <AlipayPayControls
          state={state}
          send={send}
          amount={amount}
          methodName={methodName}
          testIdPrefix="alipay-app-pay"
          footClassName="ali-confirm__foot"
          buttonClassName="ali-app-btn"
        />
      </div>
      {state.problem && pay.step === 'sheet' && (
        <AliDialog
          testId="alipay-app-pay-error"
          title={t('alipay.problemTitle')}
          text={errorText(t, lang, state.problem)}
          okLabel={t('alipay.ok')}
          onOk={() => send({ type: 'DISMISS' })}
        />
      )}
    </Frame>
  )
}

function Frame({ onBack, children }: { onBack: () => void; children: ReactNode }) {
  const { t } = useT()
  return (
    <div className="ali-app ali-app--page">
      <AliHeader title={t('alipayApp.pay.title')} onBack={onBack} />
      <main className="ali-app__main">{children}</main>
    </div>
  )
}

function Ended(props: { text: string; onBack?: () => void; onRetry?: () => void }) {
  const { t } = useT()
  const navigate = useNavigate()
  return (
    <Frame onBack={props.onBack ?? (() => void navigate(alipayAppPath(), { replace: true }))}>
      <div className="ali-app-ended" role="alert" data-testid="alipay-app-pay-ended">
        <span className="ali-app-ended__mark" aria-hidden="true">
          !
        </span>
        <p className="ali-app-ended__text">{props.text}</p>
        {props.onRetry && (
          <button type="button" className="ali-app-btn ali-app-btn--plain" onClick={props.onRetry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    </Frame>
  )
}
