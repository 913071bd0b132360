import type { ReactNode } from 'react'
import { IconBack } from './icons.tsx'

interface PageHeaderProps {
  title: string
  backLabel: string
  onBack?: (() => void) | undefined
  right?: ReactNode
  white?: boolean
}

/** The sticky top bar: back arrow, centred title, an optional action on the right. */
export function PageHeader({ title, backLabel, onBack, right, white = false }: PageHeaderProps) {
  return (
    <header className={white ? 'page-header page-header--white' : 'page-header'}>
      {onBack ? (
        <button type="button" className="page-header__btn" aria-label={backLabel} onClick={onBack}>
          <IconBack size={22} />
        </button>
      ) : (
        <span />
      )}
      <h1>{title}</h1>
      <div className="page-header__right">{right}</div>
    </header>
  )
}
