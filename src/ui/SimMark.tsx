import { useT } from '@/lib/i18n/i18n.ts'

/** "模拟 · SIMULATION": on every screen that takes a payment. Never catches a tap. */
export function SimMark() {
  const { t } = useT()
  return (
    <aside className="sim-mark" aria-label={t('common.simMarkLabel')}>
      {t('common.simMark')}
    </aside>
  )
}
