import { useT } from '@/lib/i18n/i18n.ts'
import type { Row } from './row.ts'

/** A call's or a delivery's status, latency and verdict, in the page's language. */
export function Figures({ figures }: { figures: NonNullable<Row['figures']> }) {
  const { t } = useT()
  const verdict = figures.outcome
    ? t(`console.detail.outcome.${figures.outcome}`)
    : figures.signature === 'ok'
      ? t('console.detail.signatureOk')
      : figures.signature === 'bad'
        ? t('console.detail.signatureBad')
        : null
  return (
    <>
      <span>{figures.status ?? t('console.detail.noAnswer')}</span>
      <span>{Math.round(figures.ms)} ms</span>
      {verdict && <span>{verdict}</span>}
    </>
  )
}
