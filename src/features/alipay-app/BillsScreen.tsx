import { useNavigate } from 'react-router'
import { goodsText } from '@/lib/goods-text.ts'
import { alipayAppPath, alipayBillPath } from '@/contract/paths.ts'
import { fetchBills } from '@/lib/api/pay-sheets.ts'
import { formatDateTime, formatMoney } from '@/lib/format.ts'
import { errorText } from '@/lib/i18n/errors.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { useSettings } from '@/lib/settings.ts'
import { useResource } from '@/lib/useResource.ts'
import { Spinner } from '@/ui/Spinner.tsx'
import { AliHeader } from './AliHeader.tsx'
import { BillLogo } from './BillLogo.tsx'
import { billsByMonth, payeeName, signedAmount, sourceName } from './bill-text.ts'

/**
 * 账单: every Alipay payment of this persona, newest first, by month: Taobao's own (paid at its cashier
 * with 余额, 花呗 or the card) and the sandbox merchants' trades (a scanned code, a wap.pay).
 */
export function BillsScreen() {
  const { t, lang } = useT()
  const navigate = useNavigate()
  const persona = useSettings((s) => s.persona)
  const bills = useResource(`alipay-bills:${persona}`, (signal) => fetchBills('alipay', signal))
  const months = billsByMonth(bills.data ?? [], lang)

  return (
    <div className="ali-app ali-app--page" data-testid="alipay-bills">
      <AliHeader title={t('alipayApp.bills.title')} onBack={() => void navigate(alipayAppPath())} />
      <main className="ali-app__main">
        <p className="ali-bills__filter">{t('alipayApp.bills.filterAll')}</p>
        {bills.data === undefined ? (
          bills.error ? (
            <p className="ali-bills__empty" role="alert">
              {errorText(t, lang, bills.error)}
            </p>
          ) : (
            <p className="ali-bills__empty" aria-busy="true">
              <Spinner />
            </p>
          )
        ) : months.length === 0 ? (
          <p className="ali-bills__empty">{t('alipayApp.bills.empty')}</p>
        ) : (
          months.map((group) => (
            <section key={group.month} className="ali-bills" aria-label={group.month}>
              <h2 className="ali-bills__month">
                <span className="ali-bills__month-name">{group.month}</span>
                <span className="ali-bills__sum">
                  {t('alipayApp.bills.spent', { amount: formatMoney(group.spentFen, lang) })}
                </span>
              </h2>
              <ul className="ali-bills__list">
                {group.bills.map((bill) => (
                  <li key={bill.paymentId}>
                    <button
                      type="button"
                      className="ali-bill"
                      data-testid="alipay-bill"
                      data-payment-id={bill.paymentId}
                      onClick={() => void navigate(alipayBillPath(bill.paymentId))}
                    >
                      <BillLogo bill={bill} />
                      <span className="ali-bill__body">
                        <span className="ali-bill__text">
                          <span className="ali-bill__title">{payeeName(bill.payee, lang)}</span>
                          <span className="ali-bill__desc">
                            {goodsText(t, bill.goods, bill.description)}
                          </span>
                          <span className="ali-bill__time">
                            {formatDateTime(bill.paidAt, lang)} · {sourceName(t, bill.source)}
                          </span>
                        </span>
                        <span className="ali-bill__amount" data-testid="alipay-bill-amount">
                          {signedAmount(bill, lang)}
                        </span>
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
