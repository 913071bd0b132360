import { useNavigate, useParams } from 'react-router'
import { goodsText } from '@/lib/goods-text.ts'
import { alipayAppPath } from '@/contract/paths.ts'
import { fetchBills } from '@/lib/api/pay-sheets.ts'
import { formatDateTime } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { showToast } from '@/lib/toast.ts'
import { useResource } from '@/lib/useResource.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import { AliHeader } from './AliHeader.tsx'
import { BillLogo } from './BillLogo.tsx'
import { payeeName, signedAmount, sourceName } from './bill-text.ts'

/** 账单详情: the voucher of one payment: payee, amount, status, time, how, goods, trade no., order no. */
export function BillDetailScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const { paymentId = '' } = useParams()
  const persona = useSettings((s) => s.persona)
  const bills = useResource(`alipay-bills:${persona}`, (signal) => fetchBills('alipay', signal))
  const bill = bills.data?.find((b) => b.paymentId === paymentId)

  return (
    <div className="ali-app ali-app--page">
      <AliHeader
        title={t('alipayApp.bills.detail')}
        onBack={() => void navigate(alipayAppPath('bills'))}
      />
      <main className="ali-app__main">
        {!bill ? (
          <p className="ali-bills__empty" aria-busy={bills.loading}>
            {bills.loading ? <Spinner /> : t('alipayApp.bills.notFound')}
          </p>
        ) : (
          <section className="ali-voucher" data-testid="alipay-voucher">
            <div className="ali-voucher__head">
              <BillLogo bill={bill} large />
              <p className="ali-voucher__payee">{payeeName(bill.payee, lang)}</p>
              <p className="ali-voucher__amount" data-testid="alipay-voucher-amount">
                {signedAmount(bill, lang)}
              </p>
              <p className="ali-voucher__status">
                {bill.status === 'REFUND'
                  ? t('alipayApp.bills.refunded')
                  : t('alipayApp.bills.success')}
              </p>
            </div>
            <dl className="ali-voucher__facts">
              <div>
                <dt>{t('alipayApp.bills.paidAt')}</dt>
                <dd>{formatDateTime(bill.paidAt, lang)}</dd>
              </div>
              <div>
                <dt>{t('alipayApp.bills.method')}</dt>
                <dd data-testid="alipay-voucher-method">{sourceName(t, bill.source)}</dd>
              </div>
              <div>
                <dt>{t('alipayApp.bills.goods')}</dt>
                <dd>{goodsText(t, bill.goods, bill.description)}</dd>
              </div>
              <div>
                <dt>{t('alipayApp.bills.payee')}</dt>
                <dd>{bill.payee}</dd>
              </div>
              <div>
                <dt>{t('alipayApp.bills.transactionId')}</dt>
                <dd data-testid="alipay-voucher-transaction">{bill.transactionId}</dd>
              </div>
              <div>
                <dt>{t('alipayApp.bills.orderNo')}</dt>
                <dd data-testid="alipay-voucher-order">{bill.orderId}</dd>
              </div>
            </dl>
            <button
              type="button"
              className="ali-voucher__question"
              onClick={() => showToast(t('alipayApp.notOpen'))}
            >
              {t('alipayApp.bills.question')}
            </button>
          </section>
        )}
      </main>
    </div>
  )
}
