import { useEffect, useRef, type RefObject } from 'react'

const FOCUSABLE =
  'button:not(:disabled), [href], input:not(:disabled), textarea, select, [tabindex]'

/**
 * Shows `ref`'s <dialog> as a modal (showModal) for as long as the component is mounted: the page behind
 * is inert and focus goes inside (to `initialFocus`, else the browser's choice). Escape asks `onCancel`,
 * which decides (by unmounting the dialog, usually) rather than the browser closing it under React; a
 * browser that closes it by itself (a second Escape with no tap between) has it shown again and asks too.
 * `trapTab` (a selector inside the dialog): Tab goes round its controls rather than out to the browser's.
 */
export function useModalDialog(
  ref: RefObject<HTMLDialogElement | null>,
  onCancel: () => void,
  options: {
    initialFocus?: RefObject<HTMLElement | null> | undefined
    trapTab?: string
    /** Stays above dialogs that open after it (the simulator's panel over a cashier that reopens). */
    onTop?: boolean
  } = {},
): void {
  const { initialFocus, trapTab, onTop = false } = options
  const onCancelRef = useRef(onCancel)
  useEffect(() => {
    onCancelRef.current = onCancel
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    let unmounting = false
    const open = () => {
      if (unmounting || dialog.open) return
      dialog.showModal()
      initialFocus?.current?.focus()
    }
    // A dialog in a dialog that opens with it (a question over the cashier after a reload) opens after it:
    // the later showModal is the one on top. Effects run children first, so the child waits a microtask.
    const parent = dialog.parentElement?.closest('dialog')
    if (parent && !parent.open) queueMicrotask(open)
    else open()
    const cancel = (event: Event) => {
      event.preventDefault()
      onCancelRef.current()
    }
    const closed = () => {
      // Ignore the late `close` of an earlier mount (the dialog is open again by now).
      if (unmounting || dialog.open) return
      dialog.showModal()
      onCancelRef.current()
    }
    // A modal dialog lets Tab wander out to the browser's own controls: keep it going round the controls
    // of `trapTab` (the dialog's own content, not the phone's system bar portaled in beside it). A DOM
    // listener, not React's: a key pressed in what is portaled in bubbles through the DOM, not React's tree.
    const keepFocus = (event: KeyboardEvent) => {
      const within = trapTab ? dialog.querySelector(trapTab) : null
      if (event.key !== 'Tab' || !within) return
      const inside = [...within.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
      )
      const active = document.activeElement
      if (event.shiftKey ? active === inside[0] : active === inside.at(-1)) {
        event.preventDefault()
        ;(event.shiftKey ? inside.at(-1) : inside[0])?.focus()
      }
    }
    // Another dialog shown after this one is above it in the top layer: show this one again over it (its
    // late `close` is ignored above, as the dialog is open again by then).
    const raise = new MutationObserver((changes) => {
      const opened = changes.some(
        (change) =>
          change.target !== dialog &&
          change.target instanceof HTMLDialogElement &&
          change.target.open,
      )
      if (!opened || unmounting || !dialog.open) return
      dialog.close()
      dialog.showModal()
    })
    if (onTop) {
      raise.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['open'] })
    }
    dialog.addEventListener('cancel', cancel)
    dialog.addEventListener('close', closed)
    if (trapTab) dialog.addEventListener('keydown', keepFocus)
    return () => {
      unmounting = true
      raise.disconnect()
      dialog.removeEventListener('cancel', cancel)
      dialog.removeEventListener('close', closed)
      dialog.removeEventListener('keydown', keepFocus)
      if (dialog.open) dialog.close()
    }
    // Refs: mount and unmount only (the latest `onCancel` is read through its ref).
  }, [ref, initialFocus, trapTab, onTop])
}
