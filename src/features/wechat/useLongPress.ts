import { useEffect, useRef } from 'react'
import type { MouseEvent } from 'react'

const HOLD_MS = 500

/**
 * A tap or a long press on one element (touch, mouse or pen; a right click or the system's context menu
 * counts as a long press too).
 */
export function useLongPress(onLongPress: () => void, onTap: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const fired = useRef(false)
  const handlers = useRef({ onLongPress, onTap })
  useEffect(() => {
    handlers.current = { onLongPress, onTap }
  })
  useEffect(() => () => clear(), [])

  function clear() {
    if (timer.current !== null) clearTimeout(timer.current)
    timer.current = null
  }

  function long() {
    clear()
    if (fired.current) return
    fired.current = true
    handlers.current.onLongPress()
  }

  return {
    onPointerDown: () => {
      fired.current = false
      clear()
      timer.current = setTimeout(long, HOLD_MS)
    },
    onPointerUp: clear,
    onPointerCancel: clear,
    onPointerLeave: clear,
    onClick: () => {
      if (!fired.current) handlers.current.onTap()
    },
    onContextMenu: (event: MouseEvent) => {
      event.preventDefault()
      long()
    },
  }
}
