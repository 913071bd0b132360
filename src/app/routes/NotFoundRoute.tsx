import { useNavigate } from 'react-router'
import { HOME } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { PageHeader } from '@/ui/PageHeader.tsx'

export function NotFoundRoute() {
  const { t } = useT()
  const navigate = useNavigate()
  return (
    <div className="page">
      <PageHeader
        title={t('common.loadFailed')}
        backLabel={t('common.back')}
        onBack={() => void navigate(HOME)}
      />
      <div className="state-box">
        <button
          type="button"
          className="btn-ghost btn-ghost--orange"
          onClick={() => void navigate(HOME)}
        >
          {t('result.home')}
        </button>
      </div>
    </div>
  )
}
