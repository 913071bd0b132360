import { useEffect, useState } from 'react'

/**
 * The sheet or modal dialog open on top, if any. A modal <dialog> makes the rest of the page inert, so the
 * phone's system bar and the simulator's button move into it (a portal) to stay usable while a cashier, a
 * sheet or a dialog is open: they are the phone's and the simulator's, not the app's.
 */
export function useTopSheet(ignore?: (dialog: HTMLDialogElement) => boolean): HTMLElement | null {
  const [top, setTop] = useState<HTMLElement | null>(null)
  useEffect(() => {
    const find = () => {
      const open = [...document.querySelectorAll<HTMLDialogElement>('dialog.modal[open]')].filter(
        (dialog) => !ignore?.(dialog),
      )
      setTop(open.at(-1) ?? null)
    }
    find()
    const observer = new MutationObserver(find)
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['open'],
    })
    return () => observer.disconnect()
  }, [ignore])
  return top
}
