import { useEffect, useRef } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { PHONE_APPS, type PhoneApp } from './phone-store.ts'

interface AppSwitcherProps {
  current: PhoneApp
  onPick: (app: PhoneApp) => void
  onClose: () => void
}

/** The system's recent-apps view: one card per app; tapping a card brings that app back where it was. */
export function AppSwitcher({ current, onPick, onClose }: AppSwitcherProps) {
  const { t } = useT()
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    first.current?.focus()
  }, [])
  // Recent apps list the others first, the one in use last, as phones do.
  const order = [...PHONE_APPS].sort((a, b) => Number(a === current) - Number(b === current))
  return (
    <div
      className="app-switcher"
      data-testid="app-switcher"
      role="dialog"
      aria-label={t('phone.switcherTitle')}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <button type="button" className="app-switcher__scrim" onClick={onClose} tabIndex={-1}>
        <span className="visually-hidden">{t('common.close')}</span>
      </button>
      <p className="app-switcher__title">{t('phone.switcherTitle')}</p>
      <div className="app-switcher__cards">
        {order.map((app, i) => (
          <button
            key={app}
            ref={i === 0 ? first : undefined}
            type="button"
            className={`app-card app-card--${app}`}
            data-testid={`phone-app-${app}`}
            aria-current={app === current ? 'true' : undefined}
            onClick={() => onPick(app)}
          >
            <span className="app-card__label">
              <AppIcon app={app} />
              <span>{t(`phone.apps.${app}`)}</span>
            </span>
            <span className="app-card__preview" aria-hidden="true">
              <span className="app-card__bar" />
              <span className="app-card__line" />
              <span className="app-card__line app-card__line--short" />
              <span className="app-card__line" />
            </span>
          </button>
        ))}
      </div>
    </div>
  )
}

export function AppIcon({ app }: { app: PhoneApp }) {
  if (app === 'alipay') {
    return (
      <svg className="app-icon app-icon--alipay" viewBox="0 0 24 24" aria-hidden="true">
        <rect width="24" height="24" rx="5.5" fill="#1677FF" />
        <text x="12" y="16.6" textAnchor="middle" fontSize="12.5" fontWeight="700" fill="#fff">
          支
        </text>
      </svg>
    )
  }
  return app === 'wechat' ? (
    <svg className="app-icon app-icon--wechat" viewBox="0 0 24 24" aria-hidden="true">
      <rect width="24" height="24" rx="5.5" fill="#07C160" />
      <ellipse cx="9.6" cy="10.4" rx="5.4" ry="4.5" fill="#fff" />
      <ellipse cx="15.4" cy="14" rx="4.5" ry="3.7" fill="#fff" stroke="#07C160" strokeWidth="0.9" />
      <circle cx="7.7" cy="9.3" r="0.8" fill="#07C160" />
      <circle cx="11.5" cy="9.3" r="0.8" fill="#07C160" />
    </svg>
  ) : (
    <svg className="app-icon app-icon--taobao" viewBox="0 0 24 24" aria-hidden="true">
      <rect width="24" height="24" rx="5.5" fill="#FF5000" />
      <text x="12" y="16.6" textAnchor="middle" fontSize="12.5" fontWeight="700" fill="#fff">
        淘
      </text>
    </svg>
  )
}
