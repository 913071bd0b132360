import { useNavigate } from 'react-router'
import { HOME } from '@/contract/paths.ts'
import { useT } from '@/lib/i18n/i18n.ts'
import { MissingNotice } from '@/ui/MissingNotice.tsx'
import { PageHeader } from '@/ui/PageHeader.tsx'

export function NotFoundRoute() {
  const { t } = useT()
  const navigate = useNavigate()
  const home = () => void navigate(HOME)
  return (
    <main className="page">
      <PageHeader title={t('common.pageNotFound')} backLabel={t('common.back')} onBack={home} />
      <MissingNotice
        title={t('common.pageNotFound')}
        hint={t('common.pageNotFoundHint')}
        onHome={home}
      />
    </main>
  )
}
