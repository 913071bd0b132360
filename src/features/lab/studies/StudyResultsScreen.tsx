import { useT } from '@/lib/i18n/i18n.ts'

/** A study's results (stub: features/lab/studies builds it). */
export function StudyResultsScreen() {
  const { t } = useT()
  return <h1>{t('labStudy.title')}</h1>
}
