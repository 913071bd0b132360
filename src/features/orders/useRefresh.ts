import { useEffect, useRef } from 'react'

/** How often a list with orders still waiting for payment is asked again (the server closes them). */
export const PENDING_REFRESH_MS = 3000

/** Calls `reload` every `ms` while `active`: the list follows the server's closing and paying by itself. */
export function useRefreshWhile(
  active: boolean,
  reload: () => void,
  ms = PENDING_REFRESH_MS,
): void {
  const reloadRef = useRef(reload)
  useEffect(() => {
    reloadRef.current = reload
  })
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => reloadRef.current(), ms)
    return () => clearInterval(timer)
  }, [active, ms])
}
