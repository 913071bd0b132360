import type { Bill, FundingSource } from '@/contract/payment.ts'
import type { Translate } from '@/lib/i18n/i18n.ts'

/** The payee as the bill names it ("淘宝 Taobao" → 淘宝, or Taobao in English). */
export function payeeName(payee: string, lang: string): string {
  const [zh, ...rest] = payee.split(' ')
  return lang === 'en' && rest.length > 0 ? rest.join(' ') : (zh ?? payee)
}

/** Taobao's own order (paid at its cashier) or a sandbox merchant's trade (a scanned code, a wap.pay). */
export function isTaobaoBill(bill: Pick<Bill, 'payee'>): boolean {
  return bill.payee === '淘宝 Taobao'
}

/** How Alipay names the money's source: 账户余额, 花呗, 银行卡. */
export function sourceName(t: Translate, source: FundingSource): string {
  if (source === 'alipay-balance' || source === 'huabei' || source === 'alipay-card')
    return t(`alipay.method.${source}`)
  return t('alipayApp.bills.other')
}

/** "-59.00" (paid) or "+59.00" (refunded), as Alipay's bills write amounts: no currency sign. */
export function signedAmount(bill: Pick<Bill, 'status' | 'amountFen'>, lang: string): string {
  const number = new Intl.NumberFormat(lang, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(bill.amountFen / 100)
  return `${bill.status === 'REFUND' ? '+' : '-'}${number}`
}

/** The bills by month (newest first, as they come), each month with what went out. */
export function billsByMonth(
  bills: readonly Bill[],
  lang: string,
): { month: string; bills: Bill[]; spentFen: number }[] {
  const months = new Map<string, { month: string; bills: Bill[]; spentFen: number }>()
  const format = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long' })
  for (const bill of bills) {
    const month = format.format(new Date(bill.paidAt))
    const group = months.get(month) ?? { month, bills: [], spentFen: 0 }
    group.bills.push(bill)
    if (bill.status !== 'REFUND') group.spentFen += bill.amountFen
    months.set(month, group)
  }
  return [...months.values()]
}
