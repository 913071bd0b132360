import type { AlipayTradeSheet } from '@/contract/alipay-test.ts'
import { formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconCheck } from '@/ui/more-icons.tsx'

interface PaidViewProps {
  trade: AlipayTradeSheet
  tradeNo: string
  methodName: string
  onDone: () => void
  onBill: () => void
}

/** 支付成功 in the 支付宝 app: the amount, to whom, how, the trade number; 完成, or the bill. */
export function PaidView({ trade, tradeNo, methodName, onDone, onBill }: PaidViewProps) {
  const { t, lang } = useT()
  return (
    <div className="ali-app ali-app--white ali-paid" data-testid="alipay-app-pay-success">
      <header className="ali-paid__bar">
        <button
          type="button"
          className="ali-paid__done"
          data-testid="alipay-app-pay-done"
          onClick={onDone}
        >
          {t('alipayApp.pay.done')}
        </button>
      </header>
      <main className="ali-app__main ali-paid__main">
        <span className="ali-paid__icon" aria-hidden="true">
          <IconCheck size={34} strokeWidth={2.6} />
        </span>
        <h1 className="ali-paid__title">{t('alipayApp.pay.success')}</h1>
        <p className="ali-paid__amount" data-testid="alipay-app-success-amount">
          {formatMoney(trade.amountFen, lang)}
        </p>
        <dl className="ali-paid__rows">
          <div className="ali-paid__row">
            <dt>{t('alipay.merchant')}</dt>
            <dd>{trade.merchantName}</dd>
          </div>
          <div className="ali-paid__row">
            <dt>{t('alipay.methods')}</dt>
            <dd>{methodName}</dd>
          </div>
          <div className="ali-paid__row">
            <dt>{t('alipay.tradeNo')}</dt>
            <dd className="ali-paid__no" data-testid="alipay-app-trade-no">
              {tradeNo}
            </dd>
          </div>
        </dl>
        <button
          type="button"
          className="ali-app-btn ali-app-btn--plain"
          data-testid="alipay-app-pay-bill"
          onClick={onBill}
        >
          {t('alipayApp.pay.toBills')}
        </button>
      </main>
    </div>
  )
}
