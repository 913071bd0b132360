import type { ReactNode } from 'react'
import { useT } from '@/lib/i18n/i18n.ts'
import { IconBack } from './wx-icons.tsx'

interface WxHeaderProps {
  title: string
  onBack?: (() => void) | undefined
  /** Replaces the back arrow (e.g. a close ×). */
  left?: ReactNode
  right?: ReactNode
  dark?: boolean
}

/** WeChat's navigation bar: black title centred on the page's grey, a back chevron on the left. */
export function WxHeader({ title, onBack, left, right, dark = false }: WxHeaderProps) {
  const { t } = useT()
  return (
    <header className={dark ? 'wx-header wx-header--dark' : 'wx-header'}>
      <div className="wx-header__left">
        {left ??
          (onBack && (
            <button
              type="button"
              className="wx-header__btn"
              aria-label={t('common.back')}
              onClick={onBack}
            >
              <IconBack size={22} />
            </button>
          ))}
      </div>
      <h1>{title}</h1>
      <div className="wx-header__right">{right}</div>
    </header>
  )
}
