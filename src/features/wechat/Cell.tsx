import type { ReactNode } from 'react'
import { IconChevron } from './wx-icons.tsx'

interface CellProps {
  icon?: ReactNode
  iconColor?: string
  title: string
  value?: ReactNode
  onClick?: () => void
}

/** A WeChat list row: icon, title, optional value, chevron. */
export function Cell({ icon, iconColor, title, value, onClick }: CellProps) {
  return (
    <button type="button" className="wx-cell" onClick={onClick}>
      {icon && (
        <span className="wx-cell__icon" style={{ background: iconColor }} aria-hidden="true">
          {icon}
        </span>
      )}
      <span className="wx-cell__body">
        <span className="wx-cell__title">{title}</span>
        {value !== undefined && <span className="wx-cell__value">{value}</span>}
        <IconChevron className="wx-cell__chevron" />
      </span>
    </button>
  )
}
