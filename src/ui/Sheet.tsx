import { useEffect, useRef, type ReactNode } from 'react'
import { IconClose } from './icons.tsx'
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
}: SheetProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    let unmounting = false
    const onCancel = (event: Event) => {
      // Escape: let the owner decide (it unmounts us), rather than the browser closing the dialog under React.
      event.preventDefault()
      onCloseRef.current()
    }
    // A browser may close it without a cancelable `cancel` (a second Escape with no tap between): show it
    // again and let the owner decide, as for any Escape.
    const onClosed = () => {
      // Ignore the late `close` of an earlier mount (the dialog is open again by now).
      if (unmounting || dialog.open) return
      dialog.showModal()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', onCancel)
    dialog.addEventListener('close', onClosed)
    return () => {
      unmounting = true
      dialog.removeEventListener('cancel', onCancel)
      dialog.removeEventListener('close', onClosed)
      if (dialog.open) dialog.close()
    }
  }, [])

  return (
    <dialog ref={ref} className="sheet" aria-labelledby={labelledBy} data-testid={testId}>
      <div
        className="sheet__scrim"
        onClick={closeOnScrim ? () => onCloseRef.current() : undefined}
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
