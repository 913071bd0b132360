import { useNavigate } from 'react-router'
import { goodsText } from '@/lib/goods-text.ts'
import { wechatBillPath, wechatPath } from '@/contract/paths.ts'
import type { Bill } from '@/contract/payment.ts'
import { fetchBills } from '@/lib/api/pay-sheets.ts'
import { formatDateTime, formatMoney } from '@/lib/format.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { useResource } from '@/lib/useResource.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import { payeeName } from './pay-text.ts'
import { WxHeader } from './WxHeader.tsx'
import './wechat-pay.css'

/** 账单: every WeChat Pay payment of this persona, newest first, grouped by month. */
export function BillsScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const persona = useSettings((s) => s.persona)
  const bills = useResource(`bills:${persona}`, (signal) => fetchBills('wechat', signal))

  const months = new Map<string, Bill[]>()
  for (const bill of bills.data ?? []) {
    const month = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long' }).format(
      new Date(bill.paidAt),
    )
    months.set(month, [...(months.get(month) ?? []), bill])
  }

  return (
    <div className="wx">
      <WxHeader
        title={t('wechat.bills.title')}
        onBack={() => void navigate(wechatPath('wallet'))}
      />
      <main className="wx-main">
        {bills.data === undefined ? (
          bills.error ? (
            <p className="wx-empty" role="alert">
              {errorText(t, lang, bills.error)}
            </p>
          ) : (
            <p className="wx-empty" aria-busy="true">
              <Spinner />
            </p>
          )
        ) : months.size === 0 ? (
          <p className="wx-empty">{t('wechat.bills.empty')}</p>
        ) : (
          [...months].map(([month, list]) => (
            <section key={month} className="wx-bills" aria-label={month}>
              <h2 className="wx-bills__month">
                <span>{month}</span>
                <span className="wx-bills__sum">
                  {t('wechat.bills.spent', {
                    amount: formatMoney(
                      list.reduce((sum, b) => sum + b.amountFen, 0),
                      lang,
                    ),
                  })}
                </span>
              </h2>
              <ul className="wx-bills__list">
                {list.map((bill) => (
                  <li key={bill.paymentId}>
                    <button
                      type="button"
                      className="wx-bill"
                      data-testid="wechat-bill"
                      data-payment-id={bill.paymentId}
                      onClick={() => void navigate(wechatBillPath(bill.paymentId))}
                    >
                      <span className="wx-pay__logo wx-pay__logo--sm" aria-hidden="true">
                        淘
                      </span>
                      <span className="wx-bill__text">
                        <span className="wx-bill__title">
                          {payeeName(bill.payee, lang)} ·{' '}
                          {goodsText(t, bill.goods, bill.description)}
                        </span>
                        <span className="wx-bill__time">{formatDateTime(bill.paidAt, lang)}</span>
                      </span>
                      <span className="wx-bill__amount" data-testid="wechat-bill-amount">
                        {bill.status === 'REFUND' ? '+' : '-'}
                        {formatMoney(bill.amountFen, lang).replace(/^[^\d]*/, '')}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </main>
    </div>
  )
}
