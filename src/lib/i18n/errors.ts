import { ApiError } from '../api/client.ts'
import { formatClockTime } from '../format.ts'
import type { Translate } from './i18n.ts'

/** The words a shopper reads for a failed call. */
export function errorText(t: Translate, lang: string, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic', { code: 'CLIENT' })
  switch (error.code) {
    case 'PASSWORD_ERROR':
      return t('errors.PASSWORD_ERROR', { n: error.triesLeft ?? 0 })
    case 'ACCOUNT_LOCKED':
      return t('errors.ACCOUNT_LOCKED', {
        time: error.lockedUntil ? formatClockTime(error.lockedUntil, lang) : '--:--',
      })
    case 'PARAM_ERROR':
      return t('errors.PARAM_ERROR', { detail: error.message })
    case 'ORDER_OF_OTHER_PERSONA':
      return t('foreign.title', { name: error.owner?.nickname ?? '' })
    case 'NOTENOUGH':
    case 'ORDERPAID':
    case 'ORDERCLOSED':
    case 'PAYMENT_CLOSED':
    case 'OUT_OF_STOCK':
    case 'METHOD_UNAVAILABLE':
    case 'SYSTEMERROR':
    case 'STORAGE_UNAVAILABLE':
    case 'TEST_TOKEN_REQUIRED':
    case 'NETWORK_ERROR':
    case 'ORDER_NOT_EXIST':
    case 'PAYMENT_NOT_EXIST':
    case 'IDEMPOTENCY_MISMATCH':
      return t(`errors.${error.code}`)
    default:
      return t('errors.generic', { code: error.code })
  }
}
