import { useEffect, useState } from 'react'

/**
 * The sheet or modal dialog open on top, if any. A modal <dialog> makes the rest of the page inert, so the
 * phone's system bar moves into it (a portal) to stay usable while a cashier, a sheet or a dialog is open:
 * it is the phone's, not the app's.
 */
export function useTopSheet(): HTMLElement | null {
  const [top, setTop] = useState<HTMLElement | null>(null)
  useEffect(() => {
    const find = () => {
      const open = document.querySelectorAll<HTMLDialogElement>('dialog.modal[open]')
      setTop(open.length > 0 ? (open[open.length - 1] ?? null) : null)
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
  }, [])
  return top
}
