import { useRef, type ReactNode, type RefObject } from 'react'
import { SimMark } from './SimMark.tsx'
import { useModalDialog } from './useModalDialog.ts'
import './modal.css'

interface ModalProps {
  /** Escape, or a tap on the dim when `onScrimTap` says so: the owner closes it (unmounts it). */
  onCancel: () => void
  /** `alertdialog` for a question or a warning that needs an answer. */
  role?: 'dialog' | 'alertdialog'
  labelledBy?: string
  /** The name, where no heading names it. */
  label?: string
  describedBy?: string
  /**
   * `app`: over the app's screen, the phone's system bar under it left free; `screen`: the whole phone
   * screen (a dialog of Taobao's over its cashier).
   */
  cover?: 'app' | 'screen'
  /** The layer around the box: the app's own dim and where it puts the box (`wx-overlay`, …). */
  className: string
  /** A tap on the dim around the box (a picker closes; a question does not). */
  onScrimTap?: () => void
  /** What takes the focus when it opens (the safe answer); else the first control. */
  initialFocus?: RefObject<HTMLElement | null>
  testId?: string
  children: ReactNode
}

/**
 * The one modal dialog of the app: a native <dialog> shown with showModal (the page behind inert, focus
 * kept inside and going round with Tab), laid over the phone's screen like ui/Sheet.tsx. Mount it to open
 * it, unmount it to close it.
 */
export function Modal(props: ModalProps) {
  const { onCancel, cover = 'app', onScrimTap } = props
  const ref = useRef<HTMLDialogElement>(null)
  useModalDialog(ref, onCancel, { initialFocus: props.initialFocus, trapTab: '.modal__area' })

  return (
    <dialog
      ref={ref}
      className={`modal modal--${cover}`}
      role={props.role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={props.labelledBy}
      aria-label={props.label}
      aria-describedby={props.describedBy}
    >
      {/* The test id names what the dialog draws: the phone's system bar, portaled in beside it, is no part. */}
      <div
        className={`modal__area ${props.className}`}
        data-testid={props.testId}
        onClick={onScrimTap && ((e) => e.target === e.currentTarget && onScrimTap())}
      >
        {props.children}
      </div>
      {/* Over any dim, the simulation stays marked (as on a sheet). */}
      <SimMark />
    </dialog>
  )
}
