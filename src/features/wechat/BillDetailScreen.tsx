import { useNavigate, useParams } from 'react-router'
import { goodsText } from '@/lib/goods-text.ts'
import { wechatPath } from '@/contract/paths.ts'
import { fetchBills } from '@/lib/api/pay-sheets.ts'
import { formatDateTime, formatMoney } from '@/lib/format.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { useResource } from '@/lib/useResource.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import { fundingName, payeeName } from './pay-text.ts'
import { WxHeader } from './WxHeader.tsx'
import './wechat-pay.css'

/** 账单详情: the voucher of one payment (merchant, amount, time, order no., transaction id). */
export function BillDetailScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const { paymentId = '' } = useParams()
  const persona = useSettings((s) => s.persona)
  const bills = useResource(`bills:${persona}`, (signal) => fetchBills('wechat', signal))
  const bill = bills.data?.find((b) => b.paymentId === paymentId)

  return (
    <div className="wx wx--white">
      <WxHeader
        title={t('wechat.bills.detail')}
        onBack={() => void navigate(wechatPath('bills'))}
      />
      <main className="wx-main">
        {!bill ? (
          <p className="wx-empty" aria-busy={bills.loading}>
            {bills.loading ? <Spinner /> : t('wechat.bills.notFound')}
          </p>
        ) : (
          <section className="wx-voucher" data-testid="wechat-voucher">
            <span className="wx-pay__logo" aria-hidden="true">
              淘
            </span>
            <p className="wx-voucher__payee">{payeeName(bill.payee, lang)}</p>
            <p className="wx-voucher__amount" data-testid="wechat-voucher-amount">
              {bill.status === 'REFUND' ? '+' : '-'}
              {formatMoney(bill.amountFen, lang).replace(/^[^\d]*/, '')}
            </p>
            <dl className="wx-voucher__facts">
              <div>
                <dt>{t('wechat.bills.status')}</dt>
                <dd>
                  {bill.status === 'REFUND' ? t('wechat.bills.refunded') : t('wechat.pay.success')}
                </dd>
              </div>
              <div>
                <dt>{t('wechat.bills.goods')}</dt>
                <dd>{goodsText(t, bill.goods, bill.description)}</dd>
              </div>
              <div>
                <dt>{t('wechat.bills.merchant')}</dt>
                <dd>{bill.payee}</dd>
              </div>
              <div>
                <dt>{t('wechat.bills.paidAt')}</dt>
                <dd>{formatDateTime(bill.paidAt, lang)}</dd>
              </div>
              <div>
                <dt>{t('wechat.pay.method')}</dt>
                <dd>{fundingName(t, bill.source)}</dd>
              </div>
              <div>
                <dt>{t('wechat.bills.transactionId')}</dt>
                <dd data-testid="wechat-voucher-transaction">{bill.transactionId}</dd>
              </div>
              <div>
                <dt>{t('wechat.bills.orderNo')}</dt>
                <dd data-testid="wechat-voucher-order">{bill.orderId}</dd>
              </div>
            </dl>
          </section>
        )}
      </main>
    </div>
  )
}
