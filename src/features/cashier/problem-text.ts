import { errorText } from '@/lib/i18n/errors.ts'
import type { Translate } from '@/lib/i18n/i18n.ts'
import type { Problem } from './flow-state.ts'

/** Why the cashier is back on its list, in the shopper's words. */
export function problemText(t: Translate, lang: string, problem: Problem): string {
  switch (problem.kind) {
    case 'failure':
      return errorText(t, lang, problem.failure)
    case 'unionpay-cancelled':
      return t('cashier.unionpay.cancelled')
    case 'jump-not-paid':
      return t('jump.notPaid')
    case 'jump-cancelled':
      return t('jump.cancelled')
  }
}
