import { useT } from '@/lib/i18n/i18n.ts'

interface MissingNoticeProps {
  /** 订单不存在 / 页面不存在: the page's heading says it; the notice is named by it. */
  title: string
  hint: string
  onHome: () => void
}

/**
 * Something that does not exist: said as such, with the way home. Never 重试 (trying again cannot make it
 * exist) and never 支付失败 (nothing was paid).
 */
export function MissingNotice({ title, hint, onHome }: MissingNoticeProps) {
  const { t } = useT()
  return (
    <section className="state-box" data-testid="missing" aria-label={title}>
      <p>{hint}</p>
      <button type="button" className="btn-ghost btn-ghost--orange" onClick={onHome}>
        {t('common.home')}
      </button>
    </section>
  )
}
