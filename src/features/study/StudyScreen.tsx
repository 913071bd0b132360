import { useT } from '@/lib/i18n/i18n.ts'

/** A participant's page (stub: features/study builds it). */
export function StudyScreen() {
  const { t } = useT()
  return <h1>{t('study.title')}</h1>
}
