import type { FundingSource, PaySheet } from '@/contract/payment.ts'
import type { Translate } from '@/lib/i18n/i18n.ts'

type Source = PaySheet['sources'][number]

/** "零钱" or "建设银行储蓄卡(1234)", as WeChat names a way to pay. */
export function sourceName(t: Translate, source: Pick<Source, 'id' | 'card'>): string {
  if (source.card) return t('wechat.pay.card', { bank: source.card.bank, last4: source.card.last4 })
  return t(source.id === 'wechat-balance' ? 'wechat.pay.balance' : 'wechat.pay.other')
}

export function fundingName(t: Translate, id: FundingSource): string {
  if (id === 'wechat-balance') return t('wechat.pay.balance')
  if (id === 'wechat-card') return t('wechat.pay.cardShort')
  return t('wechat.pay.other')
}

/** The payee as the sheet names it ("淘宝 Taobao"), in the reader's language. */
export function payeeName(payee: string, lang: string): string {
  const [zh, ...rest] = payee.split(' ')
  return lang === 'en' && rest.length > 0 ? rest.join(' ') : (zh ?? payee)
}
