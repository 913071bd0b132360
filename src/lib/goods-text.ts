import type { GoodsSummary } from '@/contract/payment.ts'
import type { Translate } from './i18n/i18n.ts'

const TITLE_MAX = 24

/**
 * What was bought, in the screen's language: "X 等5件" in Chinese, "X and 4 more" in English, the title alone
 * for one item. Without a summary (a payment journalled before it) the gateway's own description stands.
 */
export function goodsText(
  t: Translate,
  goods: GoodsSummary | undefined,
  description: string,
): string {
  if (!goods) return description
  const title = goods.title.length > TITLE_MAX ? `${goods.title.slice(0, TITLE_MAX)}…` : goods.title
  return goods.count > 1
    ? t('common.goods', { title, count: goods.count, more: goods.count - 1 })
    : title
}
