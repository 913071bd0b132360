import { useT } from '@/lib/i18n/i18n.ts'

interface LinkCardProps {
  title: string
  text: string
  onOpen: () => void
}

/** A link as WeChat shows a shared page: a white card, the title, the message and a thumbnail, the app. */
export function LinkCard({ title, text, onOpen }: LinkCardProps) {
  const { t } = useT()
  return (
    <button type="button" className="wx-card" data-testid="wechat-link-card" onClick={onOpen}>
      <span className="wx-card__title">{title}</span>
      <span className="wx-card__body">
        <span className="wx-card__text">{text}</span>
        <span className="wx-card__thumb" aria-hidden="true">
          {t('wechat.chat.linkSource').slice(0, 1)}
        </span>
      </span>
      <span className="wx-card__source">{t('wechat.chat.linkSource')}</span>
    </button>
  )
}
