import { useCallback, useEffect, useRef } from 'react'
import { useLocation, useNavigate } from 'react-router'
import type { Intent } from './flow-state.ts'
import { inPlaceGuard } from './cashier-entry.ts'
import { entryOf, historyMove, stepEntry, unwindOf } from './step-history.ts'

/**
 * A phone inside /stage or /lab is a frame: frames share the page's one joint history, so a step back
 * here could take the other phone back. Framed phones keep the cashier out of the history.
 */
const IN_FRAME = typeof window !== 'undefined' && window.self !== window.top

/**
 * Keeps the browser's history in step with the cashier (step-history.ts): each step an entry, Back one
 * step back, Back from the list "确定要放弃付款吗？". Returns `unwind`, which takes the cashier's entries
 * off the history before the host leaves or shows the result, so Back never returns to a paid or
 * abandoned cashier, nor to the order page that placed the order.
 */
export function useStepHistory(
  depth: number,
  send: (intent: Intent) => void,
  /**
   * After a reload on a step the flow does not resume by itself (the password, UnionPay): whether it can
   * open it again from its open attempt (`null` while the list is still loading).
   */
  resumable: boolean | null,
) {
  const location = useLocation()
  const navigate = useNavigate()
  const here = `${location.pathname}${location.search}${location.hash}`
  /** The entry and depth last reconciled (null: not yet, on this mount). */
  const last = useRef<{ key: string; depth: number } | null>(null)
  /** Location changes that are our own navigations, not the browser's Back or Forward. */
  const ours = useRef(0)
  /** Unwinding for good (paid or left): nothing more is reconciled. */
  const ending = useRef(false)
  /** Reloaded on a step the flow came back without: reopen it once the list says it can, else pop. */
  const reopening = useRef(false)

  useEffect(() => {
    if (ending.current || IN_FRAME) return
    const prev = last.current
    const changed = prev !== null && prev.key !== location.key
    const moved = changed && ours.current === 0
    if (changed && ours.current > 0) ours.current -= 1
    last.current = { key: location.key, depth }
    const entry = entryOf(location.state)
    const go = (to: string | number, state?: unknown, replace = false) => {
      ours.current += 1
      if (typeof to === 'number') void navigate(to)
      else void navigate(to, { state, replace })
    }
    if (!entry) {
      // Opened in this entry (a link, the order page's submit): it becomes the guard.
      if (prev === null) go(here, inPlaceGuard(), true)
      return
    }
    if (prev === null && entry.cashier === 'step' && entry.depth > depth) {
      reopening.current = true
      return
    }
    const move = historyMove(entry, depth, moved)
    switch (move.kind) {
      case 'retain':
        send({ type: 'CLOSE' })
        go(here, stepEntry(0, entry.pushed))
        return
      case 'back':
        send({ type: 'BACK' })
        return
      case 'push':
        go(here, stepEntry(move.depth, entry.pushed))
        return
      case 'pop':
        go(-move.count)
        return
      case 'replace':
        go(here, stepEntry(move.depth, entry.pushed), true)
        return
      case 'none':
        return
    }
    // `here` and `send` follow the location and the machine: the key and the depth are what move.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.key, depth])

  useEffect(() => {
    if (!reopening.current || resumable === null) return
    reopening.current = false
    if (resumable) send({ type: 'CONFIRM' })
    else {
      // Nothing to reopen: the entry goes, as when the flow leaves a step by itself.
      ours.current += 1
      void navigate(-1)
    }
  }, [resumable, send, navigate])

  /** Takes the cashier's entries off, then runs `then` (the host's navigation) where they began. */
  const unwind = useCallback(
    (end: 'paid' | 'left', then: () => void) => {
      ending.current = true
      const { back, replace } = IN_FRAME
        ? { back: 0, replace: true }
        : unwindOf(currentEntry(), end)
      if (back === 0) {
        then()
        return
      }
      const landed = () => {
        window.removeEventListener('popstate', landed)
        if (replace) then()
      }
      window.addEventListener('popstate', landed)
      void navigate(-back)
    },
    [navigate],
  )
  return unwind
}

/** The entry the browser is on now (react-router keeps a navigation's `state` as `usr`). */
function currentEntry() {
  const state: unknown = window.history.state
  return entryOf(typeof state === 'object' && state !== null && 'usr' in state ? state.usr : null)
}
