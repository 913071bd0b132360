import type { ReactNode } from 'react'
import { IconBack } from '@/ui/icons.tsx'
import { useT } from '@/lib/i18n/i18n.ts'

interface AliHeaderProps {
  title: string
  onBack?: () => void
  right?: ReactNode
  /** On the camera's dark view (扫一扫). */
  dark?: boolean
}

/** 支付宝's navigation bar: the title centred on white, a back chevron on the left. */
export function AliHeader({ title, onBack, right, dark = false }: AliHeaderProps) {
  const { t } = useT()
  return (
    <header className={dark ? 'ali-nav ali-nav--dark' : 'ali-nav'}>
      <div className="ali-nav__side">
        {onBack && (
          <button
            type="button"
            className="ali-nav__btn"
            aria-label={t('alipayApp.back')}
            onClick={onBack}
          >
            <IconBack size={22} />
          </button>
        )}
      </div>
      <h1 className="ali-nav__title">{title}</h1>
      <div className="ali-nav__side ali-nav__side--right">{right}</div>
    </header>
  )
}
