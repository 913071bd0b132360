import { useEffect, useState } from 'react'

/**
 * The sheet dialog open on top, if any. A modal <dialog> makes the rest of the page inert, so the phone's
 * system bar moves into it (a portal) to stay usable while a cashier or any sheet is open.
 */
export function useTopSheet(): HTMLElement | null {
  const [top, setTop] = useState<HTMLElement | null>(null)
  useEffect(() => {
    const find = () => {
      const open = document.querySelectorAll<HTMLDialogElement>('dialog.sheet[open]')
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
