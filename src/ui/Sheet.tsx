import { useRef, type ReactNode } from 'react'
import { IconClose } from './more-icons.tsx'
import { useModalDialog } from './useModalDialog.ts'
import './modal.css'
import './sheet.css'

interface SheetProps {
  /** Escape, a tap on the dimmed page, or the close button. */
  onClose: () => void
  labelledBy: string
  children: ReactNode
  testId?: string
  /** Drawn over the dimmed screen, outside the panel (e.g. the simulation mark). */
  aside?: ReactNode
  /** A tap on the dimmed page closes (pickers); a cashier keeps it off, as a stray tap must not leave it. */
  closeOnScrim?: boolean
  /** Stays above sheets that open after it (useModalDialog's `onTop`). */
  onTop?: boolean
}

/**
 * A bottom half-sheet in a native modal <dialog> (showModal): the page behind is inert, focus stays inside,
 * Escape closes. Mount it to open it, unmount it to close it.
 */
export function Sheet({
  onClose,
  labelledBy,
  children,
  testId,
  aside,
  closeOnScrim = true,
  onTop = false,
}: SheetProps) {
  const ref = useRef<HTMLDialogElement>(null)
  useModalDialog(ref, onClose, { onTop })

  return (
    <dialog ref={ref} className="modal sheet" aria-labelledby={labelledBy} data-testid={testId}>
      <div
        className="sheet__scrim"
        onClick={closeOnScrim ? onClose : undefined}
        aria-hidden="true"
      />
      {aside}
      <div className="sheet__panel">{children}</div>
    </dialog>
  )
}

interface SheetHeadProps {
  id: string
  title: string
  closeLabel: string
  onClose: () => void
  closeSide?: 'left' | 'right'
  closeTestId?: string
}

export function SheetHead({
  id,
  title,
  closeLabel,
  onClose,
  closeSide = 'right',
  closeTestId,
}: SheetHeadProps) {
  return (
    <div className="sheet__head">
      <h2 id={id}>{title}</h2>
      <button
        type="button"
        className={`sheet__close sheet__close--${closeSide}`}
        aria-label={closeLabel}
        onClick={onClose}
        data-testid={closeTestId}
      >
        <IconClose size={22} />
      </button>
    </div>
  )
}
