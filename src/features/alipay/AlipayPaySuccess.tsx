import type { AlipayTradeSheet } from '@/contract/alipay-test.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconCheck } from '@/ui/more-icons.tsx'

/** 支付成功: the amount, to whom, how, Alipay's trade number; 完成 goes back to the merchant. */
export function AlipayPaySuccess(props: {
  trade: AlipayTradeSheet
  tradeNo: string
  methodName: string
  onDone: () => void
}) {
  const { t, lang } = useT()
  const { trade } = props
  return (
    <div className="ali-success" data-testid="alipay-pay-success">
      <span className="ali-success__icon" aria-hidden="true">
        <IconCheck size={40} strokeWidth={2.4} />
      </span>
      <h2 className="ali-success__title">{t('alipay.success')}</h2>
      <p className="ali-success__amount" data-testid="alipay-success-amount">
        {formatMoney(trade.amountFen, lang)}
      </p>
      <p className="ali-success__to">{t('alipay.successTo', { merchant: trade.merchantName })}</p>
      <dl className="ali-rows ali-success__rows">
        <div className="ali-row">
          <dt>{t('alipay.methods')}</dt>
          <dd>{props.methodName}</dd>
        </div>
        <div className="ali-row">
          <dt>{t('alipay.tradeNo')}</dt>
          <dd className="ali-row__no" data-testid="alipay-trade-no">
            {props.tradeNo}
          </dd>
        </div>
      </dl>
      <button
        type="button"
        className="ali-btn"
        data-testid="alipay-pay-done"
        onClick={props.onDone}
      >
        {t('alipay.done')}
      </button>
      {trade.returnUrl && <p className="ali-note">{t('alipay.returnNote')}</p>}
    </div>
  )
}
